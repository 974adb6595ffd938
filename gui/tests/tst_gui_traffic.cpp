// TrafficModel (STATUS counters -> rates) with a fake clock, and QrCode (libqrencode).
#include "core/QrCode.h"
#include "core/TrafficModel.h"

#include <QtTest>

using namespace pt::gui;

namespace {
QList<std::pair<QString, QString>> status(const QString& transport, qint64 up, qint64 down, int conns)
{
    return {{"TRANSPORT", transport},
            {"CONNECTIONS", QString::number(conns)},
            {"BYTES-UP", QString::number(up)},
            {"BYTES-DOWN", QString::number(down)}};
}

// A finder pattern: 7x7 dark ring, light ring, 3x3 dark centre, at (x, y).
bool finderAt(const QrCode& q, int x0, int y0)
{
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (q.dark(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    return true;
}
} // namespace

class TestGuiTraffic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ratesComeFromCounterDifferencesOverElapsedTime()
    {
        TrafficModel m;
        m.addStatus(status("obfs4", 1000, 5000, 1), 0);
        QCOMPARE(m.current().upPerSec, 0.0); // first line: no rate yet
        m.addStatus(status("obfs4", 3000, 9000, 2), 1000);
        QCOMPARE(m.current().upPerSec, 2000.0);
        QCOMPARE(m.current().downPerSec, 4000.0);
        m.addStatus(status("obfs4", 4000, 9000, 2), 3000); // two seconds later
        QCOMPARE(m.current().upPerSec, 500.0);
        QCOMPARE(m.current().downPerSec, 0.0);
        QCOMPARE(m.totalUp(), 4000);
        QCOMPARE(m.totalDown(), 9000);
        QCOMPARE(m.connections(), 2);
        QCOMPARE(m.peak(), 4000.0);
        QCOMPARE(int(m.history().size()), 3);
    }

    void aRestartedDispatcherStartsANewBaselineNotANegativeRate()
    {
        TrafficModel m;
        m.addStatus(status("obfs4", 100000, 100000, 1), 0);
        m.addStatus(status("obfs4", 10, 20, 0), 1000);
        QCOMPARE(m.current().upPerSec, 0.0);
        QCOMPARE(m.current().downPerSec, 0.0);
        m.addStatus(status("obfs4", 1010, 20, 0), 2000);
        QCOMPARE(m.current().upPerSec, 1000.0);
    }

    void severalTransportsInTheSameSecondAddUp()
    {
        TrafficModel m;
        m.addStatus(status("obfs4", 0, 0, 1), 0);
        m.addStatus(status("shadow", 0, 0, 1), 10);
        m.addStatus(status("obfs4", 1000, 0, 1), 1000);
        m.addStatus(status("shadow", 3000, 0, 2), 1010);
        QCOMPARE(m.current().upPerSec, 4000.0);
        QCOMPARE(m.connections(), 3);
        QCOMPARE(m.totalUp(), 4000);
    }

    void historyIsBoundedAndGarbageIgnored()
    {
        TrafficModel m(5);
        for (int i = 0; i < 20; ++i)
            m.addStatus(status("plain", i * 100, 0, 0), i * 1000);
        QCOMPARE(int(m.history().size()), 5);
        m.addStatus({{"TRANSPORT", "plain"}, {"BYTES-UP", "lots"}}, 30000);
        m.addStatus({{"TRANSPORT", "plain"}, {"BYTES-UP", "-5"}, {"BYTES-DOWN", "0"}}, 31000);
        QCOMPARE(int(m.history().size()), 5);
        QCOMPARE(m.current().upPerSec, 100.0);
        m.clear();
        QVERIFY(m.history().empty());
        QCOMPARE(m.totalUp(), 0);
    }

    void qrCodeOfABridgeLineHasFinderPatternsAndIsDeterministic()
    {
        const QString line = QStringLiteral(
            "Bridge obfs4 203.0.113.5:443 0123456789ABCDEF0123456789ABCDEF01234567 "
            "cert=A77YLCNWwgYaYFKHrj/Cp9fAxgK/fuvAGalWXxHznrbgYRfzSYhlVNiyX8AgUJwt9IhBBQ iat-mode=0");
        const QrCode q = QrCode::encode(line);
        QVERIFY(!q.isNull());
        // About 170 bytes at level M: version 7 to 10 depending on the encoder's mode choices.
        QCOMPARE(q.size(), 17 + 4 * q.version());
        QVERIFY(q.version() >= 7 && q.version() <= 10);
        QVERIFY(finderAt(q, 0, 0));
        QVERIFY(finderAt(q, q.size() - 7, 0));
        QVERIFY(finderAt(q, 0, q.size() - 7));
        QVERIFY(!finderAt(q, q.size() - 7, q.size() - 7)); // no finder in the fourth corner
        // Timing pattern on row 6 between the finders alternates dark/light.
        for (int x = 8; x < q.size() - 8; ++x)
            QCOMPARE(q.dark(x, 6), x % 2 == 0);
        const QImage a = q.toImage(3);
        QCOMPARE(a.width(), (q.size() + 8) * 3);
        QCOMPARE(a, QrCode::encode(line).toImage(3));
        QVERIFY(a != QrCode::encode(line + QLatin1Char('x')).toImage(3));
        // The quiet zone is white, the top-left finder's corner black.
        QCOMPARE(a.pixelIndex(0, 0), 0);
        QCOMPARE(a.pixelIndex(4 * 3, 4 * 3), 1);
    }

    void qrCodeOfTinyTextIsVersionOneAndTooLongTextIsNull()
    {
        const QrCode small = QrCode::encode(QStringLiteral("ss://x"));
        QCOMPARE(small.version(), 1);
        QCOMPARE(small.size(), 21);
        QVERIFY(QrCode::encode(QString(8000, QLatin1Char('a'))).isNull());
    }
};

QTEST_GUILESS_MAIN(TestGuiTraffic)
#include "tst_gui_traffic.moc"
