// TransportCatalog: the transports as the real dispatcher describes them, and a clear
// error for every way of not getting them (no program, a failing one, one that prints
// something else, one that hangs).
#include "core/TransportCatalog.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace pt::gui;

class TestGuiCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheRealDispatcher()
    {
        TransportCatalog c;
        c.setProgram(QStringLiteral(PTDISPATCHER_BIN));
        QSignalSpy loaded(&c, &TransportCatalog::loaded);
        c.load();
        QCOMPARE(c.state(), TransportCatalog::State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QCOMPARE(c.state(), TransportCatalog::State::Ready);
        QStringList names;
        for (const auto& t : c.transports())
            names << t.name;
        QCOMPARE(names,
                 (QStringList{"plain", "obfs4", "obfs2", "shadow", "webtunnel", "meek_lite", "meeklite"}));
        const auto* webtunnel = c.find(QStringLiteral("webtunnel"));
        QVERIFY(webtunnel);
        QVERIFY(webtunnel->findOption(false, QStringLiteral("url"))->required);
        QVERIFY(c.find(QStringLiteral("shadow"))->findOption(false, QStringLiteral("password"))->secret);
    }

    // The fake dispatcher is this test program itself (see main), so the cases run the
    // same on Windows.
    void everyFailureSaysWhat_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("an old dispatcher") << QByteArray("old") << QStringLiteral("too old");
        QTest::newRow("exit code") << QByteArray("fail") << QStringLiteral("exit code 3");
        QTest::newRow("not JSON") << QByteArray("hello") << QStringLiteral("not JSON");
        QTest::newRow("a newer format") << QByteArray("newer") << QStringLiteral("newer");
        QTest::newRow("hangs") << QByteArray("hang") << QStringLiteral("did not answer");
    }
    void everyFailureSaysWhat()
    {
        QFETCH(QByteArray, mode);
        QFETCH(QString, errorMentions);
        qputenv("PT_FAKE_DISPATCHER", mode);
        TransportCatalog c;
        c.setProgram(QCoreApplication::applicationFilePath());
        c.setTimeoutMs(1000);
        QSignalSpy failed(&c, &TransportCatalog::failed);
        c.load();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        qunsetenv("PT_FAKE_DISPATCHER");
        QCOMPARE(c.state(), TransportCatalog::State::Failed);
        QVERIFY2(c.errorText().contains(errorMentions), qPrintable(c.errorText()));
        QVERIFY(c.transports().isEmpty());
    }

    void missingProgram()
    {
        TransportCatalog c;
        c.setProgram(QStringLiteral("/nonexistent/ptdispatcher"));
        QSignalSpy failed(&c, &TransportCatalog::failed);
        c.load();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY2(c.errorText().contains(QLatin1String("/nonexistent/ptdispatcher")),
                 qPrintable(c.errorText()));
    }
};

// With PT_FAKE_DISPATCHER set, this program plays a dispatcher that cannot describe.
int main(int argc, char** argv)
{
    const QByteArray fake = qgetenv("PT_FAKE_DISPATCHER");
    if (fake == "old") {
        std::fputs("VERSION 3.0\n", stdout);
        std::fputs("ENV-ERROR unknown flag -describe-transports (see -help)\n", stderr);
        return 64;
    }
    if (fake == "fail") {
        std::fputs("broken\n", stderr);
        return 3;
    }
    if (fake == "hello") {
        std::fputs("hello\n", stdout);
        return 0;
    }
    if (fake == "newer") {
        std::fputs("{\"format\": 99, \"transports\": []}\n", stdout);
        return 0;
    }
    if (fake == "hang") {
        QThread::sleep(30);
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestGuiCatalog t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_catalog.moc"
