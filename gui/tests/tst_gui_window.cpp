// The real main window (offscreen) driving the real dispatcher: Connect shows the
// CMETHOD address, Disconnect brings it back to Stopped; profiles come from QSettings.
#include "MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace pt::gui;

class TestGuiWindow : public QObject
{
    Q_OBJECT

    static pt::LaunchConfig plainClient(const QString& listen)
    {
        pt::LaunchConfig c;
        c.transports = {QStringLiteral("plain")};
        c.proxyListenAddr = listen;
        c.logLevel = QStringLiteral("INFO");
        return c;
    }

private Q_SLOTS:
    void initTestCase() { qputenv("PTDISPATCHER_BIN", PTDISPATCHER_BIN); }

    void connectShowsAddressAndDisconnectStops()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        ProfileStore(settings).save({{QStringLiteral("loopback plain"), plainClient(QStringLiteral("127.0.0.1:0"))}});
        MainWindow w(settings);
        w.show();
        auto* list = w.findChild<QListWidget*>(QStringLiteral("profileList"));
        auto* button = w.findChild<QPushButton*>(QStringLiteral("connectButton"));
        auto* address = w.findChild<QLineEdit*>(QStringLiteral("addressField"));
        auto* state = w.findChild<QLabel*>(QStringLiteral("stateLabel"));
        auto* log = w.findChild<QPlainTextEdit*>(QStringLiteral("logView"));
        QVERIFY(list && button && address && state && log);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("loopback plain"));

        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(address->text().startsWith(QStringLiteral("127.0.0.1:")), 10000);
        QCOMPARE(button->text(), QStringLiteral("Disconnect"));
        QVERIFY(!list->isEnabled()); // no switching profiles under a running child

        button->click();
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("Connect"), 10000);
        QCOMPARE(state->text(), QStringLiteral("Stopped"));
        QVERIFY(address->text().isEmpty());
        QVERIFY(list->isEnabled());
        // The dispatcher's own LOG line about closing reached the view (batched by a timer).
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(QStringLiteral("stdin closed")), 5000);

        // The level filter re-renders what is kept: ERROR hides the INFO lines, DEBUG brings them back.
        auto* filter = w.findChild<QComboBox*>(QStringLiteral("logFilter"));
        QVERIFY(filter);
        filter->setCurrentIndex(filter->findText(QStringLiteral("ERROR")));
        QVERIFY(!log->toPlainText().contains(QStringLiteral("stdin closed")));
        filter->setCurrentIndex(filter->findText(QStringLiteral("DEBUG")));
        QVERIFY(log->toPlainText().contains(QStringLiteral("stdin closed")));
    }

    void closingWhileConnectedStopsTheDispatcherPolitelyFirst()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        ProfileStore(settings).save({{QStringLiteral("p"), plainClient(QStringLiteral("127.0.0.1:0"))}});
        MainWindow w(settings);
        w.show();
        auto* button = w.findChild<QPushButton*>(QStringLiteral("connectButton"));
        auto* address = w.findChild<QLineEdit*>(QStringLiteral("addressField"));
        auto* log = w.findChild<QPlainTextEdit*>(QStringLiteral("logView"));
        QVERIFY(button && address && log);
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(!address->text().isEmpty(), 10000);
        QVERIFY(!w.close()); // deferred until the child is gone
        QVERIFY(w.isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!w.isVisible(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(QStringLiteral("stdin closed")), 5000);
    }

    void obfs4ServerShowsABridgeLineToShare()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        pt::LaunchConfig c;
        c.role = pt::LaunchConfig::Role::Server;
        c.transports = {QStringLiteral("obfs4")};
        c.bindAddrs.insert(QStringLiteral("obfs4"), QStringLiteral("127.0.0.1:0"));
        c.target = QStringLiteral("127.0.0.1:9");
        c.stateDir = dir.filePath(QStringLiteral("state"));
        ProfileStore(settings).save({{QStringLiteral("bridge"), c}});
        MainWindow w(settings);
        auto* button = w.findChild<QPushButton*>(QStringLiteral("connectButton"));
        auto* share = w.findChild<QLineEdit*>(QStringLiteral("shareField"));
        QVERIFY(button && share);
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(!share->text().isEmpty(), 10000);
        QVERIFY2(share->text().startsWith(QStringLiteral("Bridge obfs4 127.0.0.1:")), qPrintable(share->text()));
        QVERIFY2(share->text().contains(QStringLiteral(" cert=")), qPrintable(share->text()));
        QVERIFY2(share->text().contains(QStringLiteral(" iat-mode=0")), qPrintable(share->text()));
        button->click();
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("Connect"), 10000);
        QVERIFY(share->text().isEmpty());
    }

    void envErrorIsShownAndButtonReturnsToConnect()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        ProfileStore(settings).save({{QStringLiteral("bad"), plainClient(QStringLiteral("localhost:1"))}});
        MainWindow w(settings);
        auto* button = w.findChild<QPushButton*>(QStringLiteral("connectButton"));
        auto* state = w.findChild<QLabel*>(QStringLiteral("stateLabel"));
        QVERIFY(button && state);
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QStringLiteral("-proxylistenaddr")), 10000);
        QVERIFY(state->text().startsWith(QStringLiteral("Error")));
        // The child exits after ENV-ERROR; the button must not stay on Disconnect.
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("Connect"), 10000);
    }
};

QTEST_MAIN(TestGuiWindow)
#include "tst_gui_window.moc"
