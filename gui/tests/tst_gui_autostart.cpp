// Autostart: the XDG autostart entry, the macOS LaunchAgent and the Windows Run value,
// each written, read back, and removed; arguments quoted so they come back unchanged.
#include "core/Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pt::gui;
using Platform = Autostart::Platform;

namespace {
QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}
// Under wine the Linux tools may be on the search path, but they are not Windows programs.
bool onWindows()
{
    return QSysInfo::productType() == QLatin1String("windows");
}
const QStringList kArgs = {QStringLiteral("--minimized"), QStringLiteral("--connect")};
} // namespace

class TestGuiAutostart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void xdgEntryIsWrittenAndRemoved()
    {
        QTemporaryDir dir;
        Autostart a(QStringLiteral("/opt/pt/bin/ptdispatcher-gui"), dir.path(), Platform::Xdg);
        const QString path = dir.filePath(QStringLiteral("autostart/ptdispatcher-gui.desktop"));
        QCOMPARE(a.location(), path);
        QVERIFY(!a.isEnabled());
        QString error;
        QVERIFY2(a.setEnabled(true, kArgs, &error), qPrintable(error));
        QVERIFY(a.isEnabled());
        const QByteArray text = readAll(path);
        QVERIFY2(text.startsWith("[Desktop Entry]\n"), text.constData());
        QVERIFY(text.contains("\nType=Application\n"));
        QVERIFY2(text.contains("\nExec=/opt/pt/bin/ptdispatcher-gui --minimized --connect\n"),
                 text.constData());
        QVERIFY2(a.setEnabled(false, {}, &error), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!a.isEnabled());
        // Disabling twice is fine.
        QVERIFY(a.setEnabled(false, {}, &error));
    }

    void xdgEntryDisabledByTheDesktopIsNotEnabled()
    {
        QTemporaryDir dir;
        Autostart a(QStringLiteral("/usr/bin/ptdispatcher-gui"), dir.path(), Platform::Xdg);
        QString error;
        QVERIFY(a.setEnabled(true, kArgs, &error));
        QFile f(a.location());
        QVERIFY(f.open(QIODevice::Append));
        f.write("Hidden=true\n");
        f.close();
        QVERIFY(!a.isEnabled());
    }

    void xdgExecQuotesReservedCharacters()
    {
        // The Desktop Entry spec: an argument with a reserved character is double-quoted;
        // inside, " ` $ \ get a backslash; then the string value escapes each backslash
        // again; % is doubled.
        QCOMPARE(Autostart::desktopExec(QStringLiteral("/home/me/my apps/pt-gui"),
                                        {QStringLiteral("--minimized")}),
                 QStringLiteral("\"/home/me/my apps/pt-gui\" --minimized"));
        QCOMPARE(Autostart::desktopExec(QStringLiteral("/opt/a$b/pt"), {QStringLiteral("100%"), QString()}),
                 QStringLiteral("\"/opt/a\\\\$b/pt\" 100%% \"\""));
        QCOMPARE(Autostart::desktopExec(QStringLiteral("/opt/x\\y/\"q\""), {}),
                 QStringLiteral("\"/opt/x\\\\\\\\y/\\\\\"q\\\\\"\""));
    }

    void xdgExecParsesBackWithGio()
    {
        // An independent reader: GLib's own Desktop Entry parser (gio launch) must get
        // the program back. The program is a shell script that records its arguments.
        const QString gio = QStandardPaths::findExecutable(QStringLiteral("gio"));
        if (onWindows() || gio.isEmpty() || !QFile::exists(QStringLiteral("/bin/sh")))
            QSKIP("needs gio and /bin/sh");
        QTemporaryDir dir;
        const QString program = dir.filePath(QStringLiteral("odd $dir 'x'/pt-gui"));
        QVERIFY(QDir().mkpath(QFileInfo(program).absolutePath()));
        const QString out = dir.filePath(QStringLiteral("args.txt"));
        {
            QFile f(program);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > \"$PT_ARGS_OUT\"\n");
        }
        QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        Autostart a(program, dir.filePath(QStringLiteral("config")), Platform::Xdg);
        QString error;
        QVERIFY2(
            a.setEnabled(true, {QStringLiteral("--minimized"), QStringLiteral("a \"b\" $c \\d 50%")}, &error),
            qPrintable(error));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PT_ARGS_OUT"), out);
        p.setProcessEnvironment(env);
        p.start(gio, {QStringLiteral("launch"), a.location()});
        QVERIFY(p.waitForFinished(20000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out) && readAll(out).count('\n') == 2, 10000);
        QCOMPARE(readAll(out), QByteArray("[--minimized]\n[a \"b\" $c \\d 50%]\n"));
    }

    void launchAgentIsWrittenAndRemoved()
    {
        QTemporaryDir home;
        Autostart a(QStringLiteral("/Applications/ptdispatcher-gui.app/Contents/MacOS/ptdispatcher-gui"),
                    home.path(), Platform::LaunchAgent);
        const QString path = home.filePath(QStringLiteral("Library/LaunchAgents/org.ptdispatcher.gui.plist"));
        QCOMPARE(a.location(), path);
        QVERIFY(!a.isEnabled());
        QString error;
        QVERIFY2(a.setEnabled(true, {QStringLiteral("--minimized"), QStringLiteral("<&>")}, &error),
                 qPrintable(error));
        QVERIFY(a.isEnabled());
        const QByteArray text = readAll(path);
        QVERIFY(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        QVERIFY(text.contains("<key>Label</key>\n    <string>org.ptdispatcher.gui</string>"));
        QVERIFY2(text.contains(
                     "<key>ProgramArguments</key>\n    <array>\n"
                     "        "
                     "<string>/Applications/ptdispatcher-gui.app/Contents/MacOS/ptdispatcher-gui</string>\n"
                     "        <string>--minimized</string>\n"
                     "        <string>&lt;&amp;&gt;</string>\n"
                     "    </array>"),
                 text.constData());
        QVERIFY(text.contains("<key>RunAtLoad</key>\n    <true/>"));
        // A well-formed plist, checked by an independent parser where there is one.
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (!onWindows() && !python.isEmpty()) {
            QProcess p;
            p.start(python, {QStringLiteral("-c"),
                             QStringLiteral("import plistlib,sys; d=plistlib.load(open(sys.argv[1],'rb')); "
                                            "print(d['ProgramArguments'][2], d['RunAtLoad'])"),
                             path});
            QVERIFY(p.waitForFinished(20000));
            QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("<&> True"));
        }
        QVERIFY2(a.setEnabled(false, {}, &error), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!a.isEnabled());
    }

    void windowsCommandLineQuoting()
    {
        QCOMPARE(Autostart::windowsCommandLine(
                     QStringLiteral("C:/Program Files/ptdispatcher/ptdispatcher-gui.exe"), kArgs),
                 QStringLiteral(
                     "\"C:\\Program Files\\ptdispatcher\\ptdispatcher-gui.exe\" --minimized --connect"));
        QCOMPARE(Autostart::windowsCommandLine(QStringLiteral("C:\\pt.exe"),
                                               {QStringLiteral("a b"), QStringLiteral("say \"hi\""),
                                                QStringLiteral("C:\\dir with space\\"), QString()}),
                 QStringLiteral("\"C:\\pt.exe\" \"a b\" \"say \\\"hi\\\"\" \"C:\\dir with space\\\\\" \"\""));
    }

    void windowsRunValueIsWrittenAndRemoved()
    {
        if (QSysInfo::productType() != QLatin1String("windows")) QSKIP("the Run key exists only on Windows");
        const QString key = QStringLiteral("Software\\ptdispatcher-tests\\Run");
        Autostart a(QStringLiteral("C:/Program Files/ptdispatcher/ptdispatcher-gui.exe"), key,
                    Platform::WindowsRun);
        QCOMPARE(a.location(),
                 QStringLiteral("HKEY_CURRENT_USER\\Software\\ptdispatcher-tests\\Run\\ptdispatcher-gui"));
        QString error;
        QVERIFY2(a.setEnabled(false, {}, &error), qPrintable(error));
        QVERIFY(!a.isEnabled());
        QVERIFY2(a.setEnabled(true, kArgs, &error), qPrintable(error));
        QVERIFY(a.isEnabled());
        {
            QSettings s(QStringLiteral("HKEY_CURRENT_USER\\Software\\ptdispatcher-tests\\Run"),
                        QSettings::NativeFormat);
            QCOMPARE(s.value(QStringLiteral("ptdispatcher-gui")).toString(),
                     QStringLiteral(
                         "\"C:\\Program Files\\ptdispatcher\\ptdispatcher-gui.exe\" --minimized --connect"));
        }
        QVERIFY2(a.setEnabled(false, {}, &error), qPrintable(error));
        QVERIFY(!a.isEnabled());
        QSettings s(QStringLiteral("HKEY_CURRENT_USER\\Software\\ptdispatcher-tests\\Run"),
                    QSettings::NativeFormat);
        QVERIFY(!s.contains(QStringLiteral("ptdispatcher-gui")));
    }

    void windowsRunIsAClearErrorElsewhere()
    {
        if (QSysInfo::productType() == QLatin1String("windows")) QSKIP("the registry exists here");
        Autostart a(QStringLiteral("/usr/bin/ptdispatcher-gui"), {}, Platform::WindowsRun);
        QString error;
        QVERIFY(!a.setEnabled(true, kArgs, &error));
        QVERIFY2(error.contains(QLatin1String("only on Windows")), qPrintable(error));
        QVERIFY(!a.isEnabled());
    }
};

QTEST_GUILESS_MAIN(TestGuiAutostart)
#include "tst_gui_autostart.moc"
