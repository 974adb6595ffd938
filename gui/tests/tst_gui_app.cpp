// The system proxy at the application level (issue 16), Linux only: GNOME's settings
// through GSETTINGS_BACKEND=keyfile in a temporary XDG_CONFIG_HOME (the real gsettings
// tool, the real schema), XDG_DATA_HOME (the journal) in a temporary directory too, and
// a real obfs4proxy bridge.
//  - in the window: Connect sets the SOCKS proxy once Connected, Disconnect puts back
//    exactly what was there (a distinctive "auto" configuration, not the defaults);
//  - the real ptdispatcher-gui binary (--settings FILE --connect): set after Connected,
//    back after Quit (SIGTERM, the orderly quit), back after SIGKILL (its guard process
//    restores it); with the guard killed too, still set (the crash is real) and back as
//    soon as the GUI starts again; Connect on start connects the profile used last
//    without --connect.
#include "GuiPeers.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "core/SystemProxy.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace pt::gui;
using namespace pt::gui::test;
using Link = DispatcherController::Link;

namespace {

QString gsettingsGet(const QString& schema, const QString& key)
{
    QProcess p;
    p.start(QStringLiteral("gsettings"), {QStringLiteral("get"), schema, key});
    if (!p.waitForFinished(10000)) return QStringLiteral("<gsettings hung>");
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool gsettingsSet(const QString& schema, const QString& key, const QString& value)
{
    QProcess p;
    p.start(QStringLiteral("gsettings"), {QStringLiteral("set"), schema, key, value});
    return p.waitForFinished(10000) && p.exitCode() == 0;
}

// What the desktop's proxy settings say, in one line.
QString gnomeProxy()
{
    return QStringLiteral("mode=%1 autoconfig=%2 socks=%3:%4 ignore=%5")
        .arg(gsettingsGet(QStringLiteral("org.gnome.system.proxy"), QStringLiteral("mode")),
             gsettingsGet(QStringLiteral("org.gnome.system.proxy"), QStringLiteral("autoconfig-url")),
             gsettingsGet(QStringLiteral("org.gnome.system.proxy.socks"), QStringLiteral("host")),
             gsettingsGet(QStringLiteral("org.gnome.system.proxy.socks"), QStringLiteral("port")),
             gsettingsGet(QStringLiteral("org.gnome.system.proxy"), QStringLiteral("ignore-hosts")));
}

QString pointingAt(const QString& address)
{
    const int colon = int(address.lastIndexOf(QLatin1Char(':')));
    return QStringLiteral("mode='manual' socks='%1':%2").arg(address.left(colon), address.mid(colon + 1));
}

bool isPointingAt(const QString& proxy, const QString& address)
{
    const QString want = pointingAt(address);
    return proxy.startsWith(QStringLiteral("mode='manual' ")) &&
           proxy.contains(want.mid(want.indexOf(QLatin1String("socks="))));
}

// The pid of the `--guard-system-proxy` child of process `parent` (0: none), from /proc.
qint64 guardOf(qint64 parent)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly)) continue;
        if (!cmdline.readAll().contains("--guard-system-proxy")) continue;
        // "pid (comm) state ppid ...": the ppid is the second field after the comm's ')'.
        const QByteArray st = stat.readAll();
        const QList<QByteArray> fields = st.mid(st.lastIndexOf(')') + 2).split(' ');
        if (fields.value(1).toLongLong() == parent) return pid.toLongLong();
    }
    return 0;
}

// The GUI binary on a settings file, followed through PTGUI_STATUS_FILE.
struct Gui
{
    QProcess process;
    QString statusFile;

    bool start(const QString& settings, const QString& status, const QStringList& extra)
    {
        statusFile = status;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PTGUI_STATUS_FILE"), status);
        env.insert(QStringLiteral("PTDISPATCHER_BIN"), QStringLiteral(PTDISPATCHER_BIN));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(PTGUI_BIN), QStringList{QStringLiteral("--settings"), settings} + extra);
        return process.waitForStarted(10000);
    }
    QString lastLine(const QString& prefix) const
    {
        QFile f(statusFile);
        if (!f.open(QIODevice::ReadOnly)) return {};
        QString found;
        for (const QByteArray& l : f.readAll().split('\n'))
            if (l.startsWith(prefix.toUtf8())) found = QString::fromUtf8(l);
        return found;
    }
    // The address of the last status line that says Connected.
    QString connectedAddress() const
    {
        const QString l = lastLine(QStringLiteral("link=Connected "));
        const int a = int(l.indexOf(QLatin1String("address=")));
        return a < 0 ? QString() : l.mid(a + 8).section(QLatin1Char(' '), 0, 0);
    }
    ~Gui()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

} // namespace

class TestGuiApp : public QObject
{
    Q_OBJECT

    QString m_original;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PTDISPATCHER_BIN", PTDISPATCHER_BIN);
        // Something distinctive to come back to: a PAC setup, and an old SOCKS host.
        QVERIFY(gsettingsSet(QStringLiteral("org.gnome.system.proxy"), QStringLiteral("mode"),
                             QStringLiteral("'auto'")));
        QVERIFY(gsettingsSet(QStringLiteral("org.gnome.system.proxy"), QStringLiteral("autoconfig-url"),
                             QStringLiteral("'http://wpad.example/wpad.dat'")));
        QVERIFY(gsettingsSet(QStringLiteral("org.gnome.system.proxy.socks"), QStringLiteral("host"),
                             QStringLiteral("'old.example'")));
        QVERIFY(gsettingsSet(QStringLiteral("org.gnome.system.proxy.socks"), QStringLiteral("port"),
                             QStringLiteral("1234")));
        m_original = gnomeProxy();
        QVERIFY2(m_original.startsWith(QLatin1String("mode='auto' autoconfig='http://wpad.example/wpad.dat' "
                                                     "socks='old.example':1234")),
                 qPrintable(m_original));
        // The keyfile the GUI and gsettings share is in our temporary config dir.
        QVERIFY(QFile::exists(qEnvironmentVariable("XDG_CONFIG_HOME") +
                              QStringLiteral("/glib-2.0/settings/keyfile")));
    }

    void windowSetsTheProxyWhenConnectedAndDisconnectPutsItBack()
    {
        pt::guitest::Obfs4proxyBridge bridge; // obfs4proxy in front of an echo server
        QVERIFY(bridge.start());
        SavedProfiles saved({});
        saved.settings.setValue(QLatin1String(settingsKey::kSystemProxy), true);
        MainWindow w(saved.settings);
        w.controller().setCheckTimeout(5);
        w.show();
        QVERIFY(w.systemProxy().supported());
        QString error;
        QVERIFY2(w.importText(bridge.bridgeLine(), &error), qPrintable(error));
        click(w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(w.controller().link(), Link::Connected, 20000);
        const QString address = w.findChild<QLineEdit*>(QStringLiteral("addressField"))->text();
        QTRY_VERIFY2_WITH_TIMEOUT(isPointingAt(gnomeProxy(), address),
                                  qPrintable(gnomeProxy() + " / " + address), 10000);
        QVERIFY(w.systemProxy().hasJournal());
        QVERIFY2(w.findChild<QLabel*>(QStringLiteral("addressHint"))
                     ->text()
                     .contains(QLatin1String("system proxy")),
                 qPrintable(w.findChild<QLabel*>(QStringLiteral("addressHint"))->text()));
        // Browsing through it works (the address the desktop now names).
        QCOMPARE(socksRoundTrip(address, "via the system proxy"), QByteArray("via the system proxy"));

        click(w, "connectButton");          // Disconnect
        QCOMPARE(gnomeProxy(), m_original); // at once, before the port goes away
        QVERIFY(!w.systemProxy().hasJournal());
        QTRY_COMPARE_WITH_TIMEOUT(w.controller().state(), DispatcherController::State::Stopped, 10000);

        // Switched off: connecting leaves the desktop alone.
        w.findChild<QAbstractButton*>(QStringLiteral("systemProxyBox"))->click();
        QCOMPARE(saved.settings.value(QLatin1String(settingsKey::kSystemProxy)).toBool(), false);
        click(w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(w.controller().link(), Link::Connected, 20000);
        QTest::qWait(500);
        QCOMPARE(gnomeProxy(), m_original);
        click(w, "connectButton");
        QTRY_COMPARE_WITH_TIMEOUT(w.controller().state(), DispatcherController::State::Stopped, 10000);
    }

    void binaryRestoresOnQuitAndAfterBeingKilled()
    {
        pt::guitest::Obfs4proxyBridge bridge; // obfs4proxy in front of an echo server
        QVERIFY(bridge.start());
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("gui.ini"));
        {
            QSettings s(ini, QSettings::IniFormat);
            s.setValue(QLatin1String(settingsKey::kSystemProxy), true);
        }

        // 1. --import --connect: set once Connected; SIGTERM (Quit): back.
        {
            Gui gui;
            QVERIFY(gui.start(ini, dir.filePath(QStringLiteral("s1")),
                              {"--import", bridge.bridgeLine(), "--connect"}));
            QTRY_VERIFY_WITH_TIMEOUT(!gui.connectedAddress().isEmpty(), 30000);
            QTRY_VERIFY2_WITH_TIMEOUT(isPointingAt(gnomeProxy(), gui.connectedAddress()),
                                      qPrintable(gnomeProxy()), 10000);
            QCOMPARE(socksRoundTrip(gui.connectedAddress(), "one"), QByteArray("one"));
            ::kill(pid_t(gui.process.processId()), SIGTERM);
            QVERIFY(gui.process.waitForFinished(15000));
            QCOMPARE(gui.process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(gui.process.exitCode(), 0);
            QCOMPARE(gnomeProxy(), m_original);
        }
        // 2. --connect (the profile used last): set; SIGKILL: its guard (a second process,
        // `--guard-system-proxy`) sees the window's process end and puts it back.
        {
            Gui gui;
            QVERIFY(gui.start(ini, dir.filePath(QStringLiteral("s2")), {"--connect"}));
            QTRY_VERIFY_WITH_TIMEOUT(!gui.connectedAddress().isEmpty(), 30000);
            QTRY_VERIFY2_WITH_TIMEOUT(isPointingAt(gnomeProxy(), gui.connectedAddress()),
                                      qPrintable(gnomeProxy()), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(guardOf(gui.process.processId()) > 0, 5000);
            QElapsedTimer restored;
            restored.start();
            gui.process.kill();
            QVERIFY(gui.process.waitForFinished(10000));
            QTRY_COMPARE_WITH_TIMEOUT(gnomeProxy(), m_original, 10000);
            qInfo("restored by the guard %lld ms after SIGKILL", restored.elapsed());
        }
        // 2b. The guard killed too (say the whole session was): the proxy stays set,
        // nobody is left to put it back...
        {
            Gui gui;
            QVERIFY(gui.start(ini, dir.filePath(QStringLiteral("s2b")), {"--connect"}));
            QTRY_VERIFY_WITH_TIMEOUT(!gui.connectedAddress().isEmpty(), 30000);
            QTRY_VERIFY2_WITH_TIMEOUT(isPointingAt(gnomeProxy(), gui.connectedAddress()),
                                      qPrintable(gnomeProxy()), 10000);
            qint64 guard = 0;
            QTRY_VERIFY_WITH_TIMEOUT((guard = guardOf(gui.process.processId())) > 0, 5000);
            QCOMPARE(::kill(pid_t(guard), SIGKILL), 0);
            gui.process.kill();
            QVERIFY(gui.process.waitForFinished(10000));
            QTest::qWait(1000);
            QVERIFY2(isPointingAt(gnomeProxy(), gui.connectedAddress()), qPrintable(gnomeProxy()));
        }
        // 3. ... until the GUI starts again: not connecting, it plays the journal back first.
        {
            Gui gui;
            QVERIFY(gui.start(ini, dir.filePath(QStringLiteral("s3")), {}));
            QTRY_COMPARE_WITH_TIMEOUT(gnomeProxy(), m_original, 15000);
            QVERIFY(
                !QFile::exists(qEnvironmentVariable("XDG_DATA_HOME") +
                               QStringLiteral("/ptdispatcher/ptdispatcher-gui/system-proxy-journal.json")));
            ::kill(pid_t(gui.process.processId()), SIGTERM);
            QVERIFY(gui.process.waitForFinished(15000));
            QCOMPARE(gui.process.exitCode(), 0);
        }
        // 4. Connect on start (the setting, no --connect): connects the last profile.
        {
            QSettings(ini, QSettings::IniFormat).setValue(QLatin1String(settingsKey::kConnectOnStart), true);
            Gui gui;
            QVERIFY(gui.start(ini, dir.filePath(QStringLiteral("s4")), {}));
            QTRY_VERIFY_WITH_TIMEOUT(!gui.connectedAddress().isEmpty(), 30000);
            QTRY_VERIFY2_WITH_TIMEOUT(isPointingAt(gnomeProxy(), gui.connectedAddress()),
                                      qPrintable(gnomeProxy()), 10000);
            ::kill(pid_t(gui.process.processId()), SIGTERM);
            QVERIFY(gui.process.waitForFinished(15000));
            QCOMPARE(gui.process.exitCode(), 0);
            QCOMPARE(gnomeProxy(), m_original);
        }
    }
};

int main(int argc, char** argv)
{
    // Before anything reads them: a desktop of our own, in a temporary directory.
    QTemporaryDir home;
    if (!home.isValid()) return 1;
    QDir(home.path()).mkpath(QStringLiteral("config"));
    QDir(home.path()).mkpath(QStringLiteral("data"));
    qputenv("GSETTINGS_BACKEND", "keyfile");
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CURRENT_DESKTOP", "GNOME");
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ptdispatcher"));
    QApplication::setApplicationName(QStringLiteral("ptdispatcher-gui"));
    TestGuiApp test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_app.moc"
