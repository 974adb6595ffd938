// The first screen against a real bridge (issue 16): the real window (offscreen), the
// real dispatcher and Debian's obfs4proxy as the bridge. A pasted bridge line goes
// Connecting -> Connected and carries bytes through the address shown; a closed port, a
// port that accepts and stays silent, and a wrong cert are named "Cannot reach the
// bridge" with a readable reason within the check timeout; Test and Test all show a
// latency or the failure; a killed dispatcher is brought back (Reconnecting in N s…)
// and nothing restarts after Disconnect.
// Slow cases live here, not in tst_gui_window (which must stay quick under wine).
// Linux only, like every interop test: the bridge is obfs4proxy (GuiPeers.h).
#include "GuiPeers.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "core/FailureText.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace pt::gui;
using namespace pt::gui::test;
using Link = DispatcherController::Link;

namespace {

constexpr int kCheckTimeoutSec = 5;

// A window on a settings file of its own, whose dispatcher checks bridges quickly.
struct Window
{
    Window() : saved({}), w(saved.settings)
    {
        w.controller().setCheckTimeout(kCheckTimeoutSec);
        w.checker().setCheckTimeout(kCheckTimeoutSec);
        QObject::connect(&w.controller(), &DispatcherController::linkChanged, &w,
                         [this](Link l, const QString&) { links << l; });
        w.show();
    }
    bool importLine(const QString& line)
    {
        QString error;
        if (!w.importText(line, &error)) qWarning("import: %s", qPrintable(error));
        return error.isEmpty();
    }
    QString stateText() const { return w.findChild<QLabel*>(QStringLiteral("stateLabel"))->text(); }
    QString address() const { return w.findChild<QLineEdit*>(QStringLiteral("addressField"))->text(); }
    QString testResult() const { return w.findChild<QLabel*>(QStringLiteral("testResult"))->text(); }
    QString latency(int row) const
    {
        return w.findChild<QListWidget*>(QStringLiteral("profileList"))
            ->item(row)
            ->data(Qt::UserRole + 1)
            .toString();
    }
    SavedProfiles saved;
    MainWindow w;
    QList<Link> links;
};

using pt::guitest::closedPort;

bool killProcess(qint64 pid)
{
    return QProcess::execute(QStringLiteral("kill"), {"-KILL", QString::number(pid)}) == 0;
}

QByteArray pattern(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        b[i] = char(i * 13 + 7);
    return b;
}

} // namespace

class TestGuiConnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("PTDISPATCHER_BIN", PTDISPATCHER_BIN); }

    void pastedObfs4proxyLineConnectsAndCarriesData()
    {
        pt::guitest::Obfs4proxyBridge bridge; // obfs4proxy in front of an echo server
        QVERIFY(bridge.start());
        Window win;
        QVERIFY(win.importLine(bridge.bridgeLine()));
        click(win.w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(win.w.controller().link(), Link::Connected,
                                  kCheckTimeoutSec * 1000 + 10000);
        QCOMPARE(win.links.value(0), Link::Connecting); // Connecting first, then Connected
        QVERIFY2(win.stateText() == win.w.controller().linkText(), qPrintable(win.stateText()));
        QVERIFY2(!win.stateText().contains(QLatin1String("Cannot")), qPrintable(win.stateText()));
        QVERIFY2(win.address().startsWith(QLatin1String("127.0.0.1:")), qPrintable(win.address()));
        const QByteArray payload = pattern(200000);
        QCOMPARE(socksRoundTrip(win.address(), payload), payload);
        click(win.w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(win.w.controller().state(), DispatcherController::State::Stopped, 10000);
        QCOMPARE(win.w.controller().link(), Link::Idle);
    }

    // Three ways a bridge cannot be reached, each named "Cannot reach the bridge: <plain
    // words>" within the check timeout: nothing listens (refused); a black hole that
    // accepts and never says a word, like a filtering middlebox or a dead service behind
    // a live load balancer (timeout); obfs4proxy with the wrong cert, which by design
    // never answers (closed or timeout, whichever comes first).
    void unreachableBridgeIsNamed_data()
    {
        QTest::addColumn<QString>("bridge");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("closed port") << QStringLiteral("closed") << QStringList{QStringLiteral("refused")};
        QTest::newRow("silent port") << QStringLiteral("silent") << QStringList{QStringLiteral("timeout")};
        QTest::newRow("wrong cert") << QStringLiteral("wrong cert")
                                    << QStringList{QStringLiteral("closed"), QStringLiteral("timeout")};
    }
    void unreachableBridgeIsNamed()
    {
        QFETCH(QString, bridge);
        QFETCH(QStringList, codes);
        const QString unknownCert = QStringLiteral(
            "obfs4 127.0.0.1:%1 0123456789ABCDEF0123456789ABCDEF01234567 "
            "cert=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA iat-mode=0");
        QTcpServer silent;                        // accepts (the kernel's backlog), never reads or writes
        pt::guitest::Obfs4proxyBridge obfs4proxy; // obfs4proxy in front of an echo server
        QString line;
        if (bridge == QLatin1String("closed")) {
            line = unknownCert.arg(closedPort());
        } else if (bridge == QLatin1String("silent")) {
            QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
            line = unknownCert.arg(silent.serverPort());
        } else {
            QVERIFY(obfs4proxy.start());
            line = obfs4proxy.bridgeLine(pt::guitest::wrongCert(obfs4proxy.cert()));
        }
        Window win;
        QVERIFY(win.importLine(line));
        QElapsedTimer t;
        t.start();
        click(win.w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(win.w.controller().link(), Link::Unreachable,
                                  kCheckTimeoutSec * 1000 + 10000);
        QVERIFY2(t.elapsed() < kCheckTimeoutSec * 1000 + 5000, qPrintable(QString::number(t.elapsed())));
        const QString text = win.stateText();
        bool named = false;
        for (const QString& code : codes)
            named = named || text.startsWith(FailureText::text(code));
        QVERIFY2(named, qPrintable(text));
        QVERIFY(!win.links.contains(Link::Connected));
        click(win.w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(win.w.controller().state(), DispatcherController::State::Stopped, 10000);
    }

    // Test on the selected profile shows "N ms"; Test all checks every client profile at
    // once and each row gets its own result.
    void testShowsLatencyAndTestAllChecksEveryProfile()
    {
        pt::guitest::Obfs4proxyBridge bridge; // obfs4proxy in front of an echo server
        QVERIFY(bridge.start());
        Window win;
        QVERIFY(win.importLine(bridge.bridgeLine())); // row 1
        QVERIFY(win.importLine(QStringLiteral("obfs4 127.0.0.1:%1 0123456789ABCDEF0123456789ABCDEF01234567 "
                                              "cert=%2 iat-mode=0")
                                   .arg(closedPort())
                                   .arg(bridge.cert())));                                  // row 2
        QVERIFY(win.importLine(bridge.bridgeLine(pt::guitest::wrongCert(bridge.cert())))); // row 3
        auto* list = win.w.findChild<QListWidget*>(QStringLiteral("profileList"));
        QCOMPARE(list->count(), 4); // row 0: the window's own first profile
        list->setCurrentRow(1);
        click(win.w, "testButton");
        const QRegularExpression ms(QStringLiteral("^\\d+ ms$"));
        QTRY_VERIFY2_WITH_TIMEOUT(ms.match(win.testResult()).hasMatch(), qPrintable(win.testResult()), 20000);
        QCOMPARE(win.latency(1), win.testResult());

        click(win.w, "testAllButton");
        for (int row = 1; row <= 3; ++row) // all started together
            QCOMPARE(win.latency(row), QStringLiteral("testing…"));
        QTRY_VERIFY_WITH_TIMEOUT(win.latency(3) != QStringLiteral("testing…") &&
                                     win.latency(2) != QStringLiteral("testing…") &&
                                     win.latency(1) != QStringLiteral("testing…"),
                                 30000);
        QVERIFY2(ms.match(win.latency(1)).hasMatch(), qPrintable(win.latency(1)));
        QVERIFY2(win.latency(2).startsWith(FailureText::text(QStringLiteral("refused"))),
                 qPrintable(win.latency(2)));
        QVERIFY2(!ms.match(win.latency(3)).hasMatch() && win.latency(3).size() > 10,
                 qPrintable(win.latency(3)));
    }

    // The dispatcher killed under a connected window: "Reconnecting in N s…", then
    // Connected again on the same address, and bytes flow; after Disconnect nothing
    // comes back.
    void killedDispatcherIsRestartedAndDisconnectStaysDown()
    {
        pt::guitest::Obfs4proxyBridge bridge; // obfs4proxy in front of an echo server
        QVERIFY(bridge.start());
        Window win;
        QVERIFY(win.importLine(bridge.bridgeLine()));
        click(win.w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(win.w.controller().link(), Link::Connected,
                                  kCheckTimeoutSec * 1000 + 10000);
        const QString address = win.address();
        QVERIFY(killProcess(win.w.controller().pid()));
        QTRY_COMPARE_WITH_TIMEOUT(win.w.controller().link(), Link::Reconnecting, 10000);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^Reconnecting in \\d+ s…$")).match(win.stateText()).hasMatch(),
            qPrintable(win.stateText()));
        QCOMPARE(win.w.findChild<QPushButton*>(QStringLiteral("connectButton"))->text(),
                 QStringLiteral("Disconnect"));
        QTRY_COMPARE_WITH_TIMEOUT(win.w.controller().link(), Link::Connected,
                                  kCheckTimeoutSec * 1000 + 15000);
        QTRY_COMPARE_WITH_TIMEOUT(win.address(), address, 5000); // the same port: browsers keep working
        QCOMPARE(socksRoundTrip(win.address(), "after the restart"), QByteArray("after the restart"));

        click(win.w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(win.w.controller().state(), DispatcherController::State::Stopped, 10000);
        QTest::qWait(3000); // longer than the first backoff step
        QVERIFY(!win.w.controller().isActive());
        QCOMPARE(win.w.controller().link(), Link::Idle);
        QCOMPARE(win.stateText(), QStringLiteral("Not connected"));
    }
};

QTEST_MAIN(TestGuiConnect)
#include "tst_gui_connect.moc"
