// The real main window (offscreen) driving the real dispatcher: Connect shows the
// CMETHOD address, Disconnect brings it back to Stopped; profiles come from QSettings.
#include "MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QMessageBox>
#include <QTimer>

#include <functional>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace pt::gui;

namespace {
// Runs f on the next modal dialog once it is up (dialogs run their own event loop
// inside the click that opens them, so the test acts from a timer).
void whenModal(std::function<void(QWidget*)> f)
{
    QTimer::singleShot(20, qApp, [f] {
        if (QWidget* m = QApplication::activeModalWidget())
            f(m);
        else
            whenModal(f);
    });
}

// A settings file of its own, in a temporary directory, holding `profiles`.
struct SavedProfiles
{
    explicit SavedProfiles(const QList<Profile>& profiles)
        : settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat)
    {
        ProfileStore(settings).save(profiles);
    }
    QTemporaryDir dir;
    QSettings settings;
};

int rows(MainWindow& w) { return w.findChild<QListWidget*>(QStringLiteral("profileList"))->count(); }
void click(MainWindow& w, const char* name) { w.findChild<QPushButton*>(QString::fromLatin1(name))->click(); }
} // namespace

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

    void deleteAsksFirstAndNoKeepsTheProfile()
    {
        SavedProfiles saved({{QStringLiteral("one"), plainClient(QStringLiteral("127.0.0.1:0"))},
                            {QStringLiteral("two"), plainClient(QStringLiteral("127.0.0.1:0"))}});
        MainWindow w(saved.settings);
        w.show();
        QString asked;
        whenModal([&](QWidget* m) {
            auto* box = qobject_cast<QMessageBox*>(m);
            QVERIFY(box);
            asked = box->text();
            box->button(QMessageBox::No)->click();
        });
        click(w, "deleteButton");
        QVERIFY2(asked.contains(QLatin1String("one")), qPrintable(asked));
        QCOMPARE(rows(w), 2);
        whenModal([](QWidget* m) { qobject_cast<QMessageBox*>(m)->button(QMessageBox::Yes)->click(); });
        click(w, "deleteButton");
        QCOMPARE(rows(w), 1);
        QCOMPARE(ProfileStore(saved.settings).load().size(), 1); // saved at once
    }

    void renameDialogRenamesAndKeepsNamesUnique()
    {
        SavedProfiles saved({{QStringLiteral("one"), plainClient(QStringLiteral("127.0.0.1:0"))},
                            {QStringLiteral("two"), plainClient(QStringLiteral("127.0.0.1:0"))}});
        MainWindow w(saved.settings);
        w.show();
        whenModal([](QWidget* m) {
            auto* d = qobject_cast<QInputDialog*>(m);
            QVERIFY(d);
            d->setTextValue(QStringLiteral("two")); // taken: gets a unique variant
            d->accept();
        });
        click(w, "renameButton");
        const auto* list = w.findChild<QListWidget*>(QStringLiteral("profileList"));
        QVERIFY(list->item(0)->text() != QLatin1String("two"));
        QVERIFY(list->item(0)->text().startsWith(QLatin1String("two")));
    }

    void importDialogSaysWhatIsWrongAndStaysOpenUntilTheLineIsGood()
    {
        SavedProfiles saved({{QStringLiteral("one"), plainClient(QStringLiteral("127.0.0.1:0"))}});
        MainWindow w(saved.settings);
        w.show();
        QString firstError;
        bool stayedOpen = false;
        whenModal([&](QWidget* m) {
            auto* text = m->findChild<QPlainTextEdit*>(QStringLiteral("importText"));
            auto* error = m->findChild<QLabel*>(QStringLiteral("importError"));
            auto* ok = m->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            QVERIFY(text && error && ok);
            text->setPlainText(QStringLiteral("obfs4 192.0.2.1:443 0123456789ABCDEF0123456789ABCDEF01234567 iat-mode=0"));
            ok->click();
            firstError = error->text();
            stayedOpen = m->isVisible();
            text->setPlainText(QStringLiteral("ss://YWVzLTI1Ni1nY206dGVzdA@192.0.2.2:8388#office"));
            ok->click();
        });
        click(w, "importButton");
        QVERIFY2(firstError.contains(QLatin1String("cert")), qPrintable(firstError));
        QVERIFY(stayedOpen);
        QCOMPARE(rows(w), 2);
        QCOMPARE(w.findChild<QListWidget*>(QStringLiteral("profileList"))->item(1)->text(), QStringLiteral("office"));
    }

    void trafficCountersAndGraphFollowStatusLines()
    {
        SavedProfiles saved({{QStringLiteral("plain"), plainClient(QStringLiteral("127.0.0.1:0"))}});
        MainWindow w(saved.settings);
        w.show();
        click(w, "connectButton");
        auto* traffic = w.findChild<QLabel*>(QStringLiteral("trafficLabel"));
        // The dispatcher at INFO sends STATUS once a second; two give a rate.
        QTRY_VERIFY_WITH_TIMEOUT(w.traffic().history().size() >= 2, 10000);
        QVERIFY2(traffic->text().contains(QLatin1String("Connections: 0")), qPrintable(traffic->text()));
        QVERIFY(w.findChild<QWidget*>(QStringLiteral("trafficGraph"))->isVisible());
        click(w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(w.controller().state(), DispatcherController::State::Stopped, 10000);
    }

    void connectShowsAddressAndDisconnectStops()
    {
        SavedProfiles saved({{QStringLiteral("loopback plain"), plainClient(QStringLiteral("127.0.0.1:0"))}});
        MainWindow w(saved.settings);
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
        SavedProfiles saved({{QStringLiteral("p"), plainClient(QStringLiteral("127.0.0.1:0"))}});
        MainWindow w(saved.settings);
        w.show();
        auto* button = w.findChild<QPushButton*>(QStringLiteral("connectButton"));
        auto* address = w.findChild<QLineEdit*>(QStringLiteral("addressField"));
        auto* log = w.findChild<QPlainTextEdit*>(QStringLiteral("logView"));
        QVERIFY(button && address && log);
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(!address->text().isEmpty(), 10000);
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            // With a tray (wine's on Windows, most desktops): closing the window keeps
            // the connection in the tray; the tray's Quit is what stops it.
            QVERIFY(!w.close());
            QVERIFY(!w.isVisible());
            QVERIFY(!address->text().isEmpty());
            QAction* quit = nullptr;
            for (QAction* a : w.findChildren<QAction*>())
                if (a->text() == QLatin1String("Quit"))
                    quit = a;
            QVERIFY(quit);
            w.show();
            quit->trigger();
        } else {
            QVERIFY(!w.close()); // deferred until the child is gone
        }
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
        SavedProfiles saved({{QStringLiteral("bad"), plainClient(QStringLiteral("localhost:1"))}});
        MainWindow w(saved.settings);
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
