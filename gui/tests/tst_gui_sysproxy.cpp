// SystemProxy: every backend sets the SOCKS proxy and puts back exactly the previous
// settings, also after the process that set them is killed (the journal). GNOME runs the
// real gsettings with GSETTINGS_BACKEND=keyfile in a temporary XDG_CONFIG_HOME, KDE edits
// a real kioslaverc, macOS runs a fake networksetup (a shell script keeping its state in
// files), Windows writes the registry (under wine in the Windows stage).
#include "core/SystemProxy.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

using namespace pt::gui;
using Desktop = SystemProxy::Desktop;

namespace {

const char* const kChildArg = "--child-apply";

QString desktopArg(Desktop d)
{
    switch (d) {
    case Desktop::Gnome:
        return QStringLiteral("gnome");
    case Desktop::Kde:
        return QStringLiteral("kde");
    case Desktop::MacOS:
        return QStringLiteral("macos");
    case Desktop::Windows:
        return QStringLiteral("windows");
    case Desktop::None:
        break;
    }
    return QStringLiteral("none");
}

// The child: applies 127.0.0.1:1080, writes the marker file, then waits to be killed.
int childMain(const QStringList& args)
{
    const QString desktop = args.value(0);
    Desktop d = Desktop::None;
    for (const auto c : {Desktop::Gnome, Desktop::Kde, Desktop::MacOS, Desktop::Windows})
        if (desktopArg(c) == desktop) d = c;
    SystemProxy proxy(args.value(1), d);
    if (args.value(2) != QLatin1String("-")) proxy.setToolOverride(args.value(2));
    QString error;
    const bool ok = proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error);
    QFile marker(args.value(3));
    if (!marker.open(QIODevice::WriteOnly)) return 3;
    marker.write(ok ? QByteArray("APPLIED") : ("FAILED " + error.toUtf8()));
    marker.close();
    for (;;)
        QThread::sleep(1);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Under wine the Linux tools may be on the search path, but they are not Windows
// programs: the tool-based backends are tested on Linux only.
bool onWindows()
{
    return QSysInfo::productType() == QLatin1String("windows");
}

QString gsettings()
{
    return onWindows() ? QString() : QStandardPaths::findExecutable(QStringLiteral("gsettings"));
}

QString gget(const char* schema, const char* key)
{
    QProcess p;
    p.start(gsettings(), {QStringLiteral("get"), QLatin1String(schema), QLatin1String(key)});
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return QStringLiteral("<gsettings failed: %1>").arg(QString::fromUtf8(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

bool gset(const char* schema, const char* key, const QString& value)
{
    return QProcess::execute(gsettings(),
                             {QStringLiteral("set"), QLatin1String(schema), QLatin1String(key), value}) == 0;
}

// The GNOME settings the tests start from: none of them a default.
const QList<std::tuple<const char*, const char*, QString>> kGnomeOriginal = {
    {"org.gnome.system.proxy", "mode", QStringLiteral("'auto'")},
    {"org.gnome.system.proxy", "autoconfig-url", QStringLiteral("'http://wpad.example/proxy.pac'")},
    {"org.gnome.system.proxy", "ignore-hosts", QStringLiteral("['intranet.example', '10.0.0.0/8']")},
    {"org.gnome.system.proxy.socks", "host", QStringLiteral("'old-socks.example'")},
    {"org.gnome.system.proxy.socks", "port", QStringLiteral("9050")},
    {"org.gnome.system.proxy.http", "host", QStringLiteral("'old-http.example'")},
    {"org.gnome.system.proxy.https", "host", QStringLiteral("'old-https.example'")},
    {"org.gnome.system.proxy.ftp", "host", QStringLiteral("''")},
};

// The fake networksetup: services in $FAKE_NS_STATE/services, each service's SOCKS
// proxy in <name>.server/.port/.enabled, every call appended to calls.
const char kFakeNetworksetup[] = R"SH(#!/bin/sh
S="$FAKE_NS_STATE"
echo "$*" >> "$S/calls"
case "$1" in
-listallnetworkservices)
    echo "An asterisk (*) denotes that a network service is disabled."
    cat "$S/services" ;;
-getsocksfirewallproxy)
    [ -f "$S/$2.server" ] || { echo "** Error: The parameters were not valid."; exit 4; }
    echo "Enabled: $(cat "$S/$2.enabled")"
    echo "Server: $(cat "$S/$2.server")"
    echo "Port: $(cat "$S/$2.port")"
    echo "Authenticated Proxy Enabled: 0" ;;
-setsocksfirewallproxy)
    # A service that refuses our address, the way networksetup reports it (exit code 0).
    [ -f "$S/$2.refuse" ] && [ "$3" = 127.0.0.1 ] && { echo "** Error: refused by the test"; exit 0; }
    # A service that hangs on our address while $2.hang exists (the test kills the
    # process meanwhile, then removes the file), then fails without changing anything.
    if [ -f "$S/$2.hang" ] && [ "$3" = 127.0.0.1 ]; then
        while [ -f "$S/$2.hang" ]; do sleep 0.1; done
        exit 1
    fi
    [ -f "$S/$2.server" ] || { echo "** Error: The parameters were not valid."; exit 4; }
    printf '%s' "$3" > "$S/$2.server"; printf '%s' "$4" > "$S/$2.port"; echo Yes > "$S/$2.enabled" ;;
-setsocksfirewallproxystate)
    case "$3" in on) echo Yes ;; off) echo No ;; *) exit 5 ;; esac > "$S/$2.enabled" ;;
*) echo "unknown $1"; exit 9 ;;
esac
)SH";

const char kInternetSettings[] =
    "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";

const QByteArray kKioslavercOriginal = "# kept by hand\n"
                                       "[$Version]\n"
                                       "update_info=kioslave.upd:change-proxy-type\n"
                                       "\n"
                                       "[Proxy Settings]\n"
                                       "AuthMode=0\n"
                                       "NoProxyFor=intranet.example\n"
                                       "Proxy Config Script=\n"
                                       "ProxyType=0\n"
                                       " httpProxy = http://corp.example 3128\n"
                                       "ReversedException=true\n"
                                       "\n"
                                       "[Cache Settings]\n"
                                       "CacheEnabled=true\n"
                                       "socksProxy=not-this-one\n";

const QByteArray kKioslavercApplied = "# kept by hand\n"
                                      "[$Version]\n"
                                      "update_info=kioslave.upd:change-proxy-type\n"
                                      "\n"
                                      "[Proxy Settings]\n"
                                      "AuthMode=0\n"
                                      "NoProxyFor=localhost,127.0.0.1,::1\n"
                                      "Proxy Config Script=\n"
                                      "ProxyType=1\n"
                                      " httpProxy =\n"
                                      "ReversedException=false\n"
                                      "socksProxy=socks://127.0.0.1 1080\n"
                                      "httpsProxy=\n"
                                      "ftpProxy=\n"
                                      "\n"
                                      "[Cache Settings]\n"
                                      "CacheEnabled=true\n"
                                      "socksProxy=not-this-one\n";

} // namespace

class TestGuiSysproxy : public QObject
{
    Q_OBJECT

    // Runs a child that applies 127.0.0.1:1080 and kills it (SIGKILL / TerminateProcess)
    // once it has, without any chance to restore.
    // With killWhen, the child is killed as soon as killWhen() holds instead (mid-apply).
    void applyInChildAndKill(Desktop d, const QString& journal, const QString& tool,
                             const std::function<bool()>& killWhen = {})
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("applied"));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QLatin1String(kChildArg), desktopArg(d), journal,
                     tool.isEmpty() ? QStringLiteral("-") : tool, marker});
        QVERIFY(child.waitForStarted(10000));
        // Never leave the child running, also when a check below fails.
        const auto reap = qScopeGuard([&] {
            if (child.state() != QProcess::NotRunning) {
                child.kill();
                child.waitForFinished(10000);
            }
        });
        if (killWhen) {
            QTRY_VERIFY_WITH_TIMEOUT(killWhen(), 30000);
            QVERIFY(!QFile::exists(marker));
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker) && !readAll(marker).isEmpty(), 30000);
            QCOMPARE(readAll(marker), QByteArray("APPLIED"));
        }
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    }

    void setGnomeOriginals()
    {
        for (const auto& [schema, key, value] : kGnomeOriginal)
            QVERIFY2(gset(schema, key, value), key);
        for (const auto& [schema, key, value] : kGnomeOriginal)
            QCOMPARE(gget(schema, key), value);
    }
    void verifyGnomeOriginals()
    {
        for (const auto& [schema, key, value] : kGnomeOriginal)
            QCOMPARE(gget(schema, key), value);
    }
    void verifyGnomeApplied(const QString& host = QStringLiteral("'127.0.0.1'"),
                            const QString& port = QStringLiteral("1080"))
    {
        QCOMPARE(gget("org.gnome.system.proxy", "mode"), QStringLiteral("'manual'"));
        QCOMPARE(gget("org.gnome.system.proxy.socks", "host"), host);
        QCOMPARE(gget("org.gnome.system.proxy.socks", "port"), port);
        QCOMPARE(gget("org.gnome.system.proxy.http", "host"), QStringLiteral("''"));
        QCOMPARE(gget("org.gnome.system.proxy.https", "host"), QStringLiteral("''"));
        QCOMPARE(gget("org.gnome.system.proxy", "ignore-hosts"),
                 QStringLiteral("['localhost', '127.0.0.0/8', '::1']"));
        // Not ours: untouched.
        QCOMPARE(gget("org.gnome.system.proxy", "autoconfig-url"),
                 QStringLiteral("'http://wpad.example/proxy.pac'"));
    }

    // The fake networksetup in dir, with its state: Wi-Fi (a SOCKS proxy set but off),
    // USB LAN (none), Thunderbolt Bridge (disabled service, must not be touched).
    QString makeFakeNetworksetup(const QTemporaryDir& dir)
    {
        QString script = dir.filePath(QStringLiteral("networksetup"));
        writeAll(script, kFakeNetworksetup);
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString state = dir.filePath(QStringLiteral("state"));
        QDir().mkpath(state);
        writeAll(state + QStringLiteral("/services"), "Wi-Fi\nUSB LAN\n*Thunderbolt Bridge\n");
        for (const auto& [name, server, port, enabled] :
             QList<std::tuple<QString, QByteArray, QByteArray, QByteArray>>{
                 {QStringLiteral("Wi-Fi"), "old.proxy.example", "1081", "No\n"},
                 {QStringLiteral("USB LAN"), "", "0", "No\n"},
                 {QStringLiteral("Thunderbolt Bridge"), "tb.example", "7000", "Yes\n"}}) {
            writeAll(state + QLatin1Char('/') + name + QStringLiteral(".server"), server);
            writeAll(state + QLatin1Char('/') + name + QStringLiteral(".port"), port);
            writeAll(state + QLatin1Char('/') + name + QStringLiteral(".enabled"), enabled);
        }
        qputenv("FAKE_NS_STATE", QFile::encodeName(state));
        return script;
    }
    QByteArray macState(const QTemporaryDir& dir, const QString& service)
    {
        const QString base = dir.filePath(QStringLiteral("state/")) + service;
        return readAll(base + QStringLiteral(".enabled")).trimmed() + ' ' +
               readAll(base + QStringLiteral(".server")) + ' ' + readAll(base + QStringLiteral(".port"));
    }
    void verifyMacOriginals(const QTemporaryDir& dir)
    {
        QCOMPARE(macState(dir, QStringLiteral("Wi-Fi")), QByteArray("No old.proxy.example 1081"));
        QCOMPARE(macState(dir, QStringLiteral("USB LAN")), QByteArray("No  0"));
        QCOMPARE(macState(dir, QStringLiteral("Thunderbolt Bridge")), QByteArray("Yes tb.example 7000"));
        QVERIFY(!readAll(dir.filePath(QStringLiteral("state/calls"))).contains("Thunderbolt"));
    }
    void verifyMacApplied(const QTemporaryDir& dir)
    {
        QCOMPARE(macState(dir, QStringLiteral("Wi-Fi")), QByteArray("Yes 127.0.0.1 1080"));
        QCOMPARE(macState(dir, QStringLiteral("USB LAN")), QByteArray("Yes 127.0.0.1 1080"));
        QCOMPARE(macState(dir, QStringLiteral("Thunderbolt Bridge")), QByteArray("Yes tb.example 7000"));
        QVERIFY(!readAll(dir.filePath(QStringLiteral("state/calls"))).contains("Thunderbolt"));
    }

    static bool haveShell() { return !onWindows() && QFile::exists(QStringLiteral("/bin/sh")); }

    // Windows: Internet Settings as the tests start from them.
    void setWindowsOriginals()
    {
        QSettings s(QLatin1String(kInternetSettings), QSettings::NativeFormat);
        s.setValue(QStringLiteral("ProxyEnable"), 0);
        s.setValue(QStringLiteral("ProxyServer"), QStringLiteral("old-proxy.example:8080"));
        s.remove(QStringLiteral("ProxyOverride"));
        s.setValue(QStringLiteral("AutoConfigURL"), QStringLiteral("http://wpad.example/proxy.pac"));
        s.sync();
        QCOMPARE(s.status(), QSettings::NoError);
    }
    void verifyWindowsOriginals()
    {
        QSettings s(QLatin1String(kInternetSettings), QSettings::NativeFormat);
        QCOMPARE(s.value(QStringLiteral("ProxyEnable")).toInt(), 0);
        QCOMPARE(s.value(QStringLiteral("ProxyServer")).toString(), QStringLiteral("old-proxy.example:8080"));
        QVERIFY(!s.contains(QStringLiteral("ProxyOverride")));
        QCOMPARE(s.value(QStringLiteral("AutoConfigURL")).toString(),
                 QStringLiteral("http://wpad.example/proxy.pac"));
    }
    void verifyWindowsApplied()
    {
        QSettings s(QLatin1String(kInternetSettings), QSettings::NativeFormat);
        QCOMPARE(s.value(QStringLiteral("ProxyEnable")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("ProxyServer")).toString(),
                 QStringLiteral("socks=socks5://127.0.0.1:1080"));
        QCOMPARE(s.value(QStringLiteral("ProxyOverride")).toString(),
                 QStringLiteral("<local>;localhost;127.*;[::1]"));
        QVERIFY(!s.contains(QStringLiteral("AutoConfigURL")));
    }

private Q_SLOTS:
    void detectReadsXdgCurrentDesktop()
    {
        if (QSysInfo::productType() == QLatin1String("windows") ||
            QSysInfo::productType() == QLatin1String("macos"))
            QSKIP("the platform decides there");
        const QByteArray saved = qgetenv("XDG_CURRENT_DESKTOP");
        qputenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME");
        QCOMPARE(SystemProxy::detect(), Desktop::Gnome);
        qputenv("XDG_CURRENT_DESKTOP", "KDE");
        QCOMPARE(SystemProxy::detect(), Desktop::Kde);
        qputenv("XDG_CURRENT_DESKTOP", "X-Cinnamon");
        QCOMPARE(SystemProxy::detect(), Desktop::Gnome);
        qputenv("XDG_CURRENT_DESKTOP", "sway");
        QCOMPARE(SystemProxy::detect(), Desktop::None);
        qputenv("XDG_CURRENT_DESKTOP", saved);
        QVERIFY(!SystemProxy(QStringLiteral("j.json"), Desktop::None).supported());
    }

    void gnomeApplyThenRestorePutsBackTheOriginals()
    {
        if (gsettings().isEmpty()) QSKIP("no gsettings here");
        setGnomeOriginals();
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.json"));
        SystemProxy proxy(journal, Desktop::Gnome);
        QVERIFY(proxy.supported());
        QString error;
        QVERIFY2(proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error), qPrintable(error));
        QVERIFY(proxy.hasJournal());
        verifyGnomeApplied();
        // The journal names the desktop and holds the previous values.
        const QByteArray j = readAll(journal);
        QVERIFY(j.contains("\"gnome\""));
        QVERIFY(j.contains("old-socks.example"));
        QVERIFY2(proxy.restore(&error), qPrintable(error));
        QVERIFY(!proxy.hasJournal());
        verifyGnomeOriginals();
        // Nothing to restore: a no-op.
        QVERIFY(proxy.restore(&error));
    }

    void gnomeApplyingTwiceKeepsTheFirstJournal()
    {
        if (gsettings().isEmpty()) QSKIP("no gsettings here");
        setGnomeOriginals();
        QTemporaryDir dir;
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Gnome);
        QString error;
        QVERIFY2(proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error), qPrintable(error));
        QVERIFY2(proxy.apply(QStringLiteral("::1"), 2000, &error), qPrintable(error));
        verifyGnomeApplied(QStringLiteral("'::1'"), QStringLiteral("2000"));
        QVERIFY2(proxy.restore(&error), qPrintable(error));
        verifyGnomeOriginals();
    }

    void gnomeKilledProcessIsRepairedByTheNextRestore()
    {
        if (gsettings().isEmpty()) QSKIP("no gsettings here");
        setGnomeOriginals();
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.json"));
        applyInChildAndKill(Desktop::Gnome, journal, QString());
        if (QTest::currentTestFailed()) return;
        verifyGnomeApplied();
        SystemProxy next(journal, Desktop::Gnome);
        QVERIFY(next.hasJournal());
        QString error;
        QVERIFY2(next.restore(&error), qPrintable(error));
        QVERIFY(!next.hasJournal());
        verifyGnomeOriginals();
    }

    void gnomeSettingsThatDoNotStickAreAnErrorAndRolledBack()
    {
        if (gsettings().isEmpty()) QSKIP("no gsettings here");
        // The memory backend forgets every value when gsettings exits: what a session
        // without dconf does. apply() must notice instead of reporting success.
        qputenv("GSETTINGS_BACKEND", "memory");
        QTemporaryDir dir;
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Gnome);
        QString error;
        const bool ok = proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error);
        qputenv("GSETTINGS_BACKEND", "keyfile");
        QVERIFY(!ok);
        QVERIFY2(error.contains(QLatin1String("did not keep")), qPrintable(error));
        QVERIFY(!proxy.hasJournal());
    }

    void missingToolIsAClearErrorAndChangesNothing()
    {
        QTemporaryDir dir;
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Gnome);
        const QString missing = dir.filePath(QStringLiteral("no-such-gsettings"));
        proxy.setToolOverride(missing);
        QVERIFY(!proxy.supported());
        QString error;
        QVERIFY(!proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error));
        QVERIFY2(error.contains(missing), qPrintable(error));
        QVERIFY(!proxy.hasJournal());
    }

    void hangingToolTimesOut()
    {
        if (!haveShell()) QSKIP("needs /bin/sh");
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("gsettings"));
        writeAll(script, "#!/bin/sh\nexec sleep 60\n");
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Gnome);
        proxy.setToolOverride(script);
        QElapsedTimer t;
        t.start();
        QString error;
        QVERIFY(!proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error));
        QVERIFY2(t.elapsed() < 15000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(error.contains(QLatin1String("did not finish")), qPrintable(error));
        QVERIFY(!proxy.hasJournal());
    }

    void corruptJournalIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.json"));
        writeAll(journal, "{\"version\": 1, \"desktop\": \"kde\", \"saved\": {");
        SystemProxy proxy(journal, Desktop::Kde);
        proxy.setToolOverride(dir.path());
        QString error;
        QVERIFY(!proxy.restore(&error));
        QVERIFY2(error.contains(journal) && error.contains(QLatin1String("damaged")), qPrintable(error));
        QVERIFY(proxy.hasJournal());
        // Nor does apply() overwrite it: it holds the only copy of the user's settings.
        QVERIFY(!proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error));
        QCOMPARE(readAll(journal), QByteArray("{\"version\": 1, \"desktop\": \"kde\", \"saved\": {"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("kioslaverc"))));
    }

    void kdeChangesOnlyItsKeysAndRestoresByteForByte()
    {
        QTemporaryDir dir;
        const QString rc = dir.filePath(QStringLiteral("kioslaverc"));
        writeAll(rc, kKioslavercOriginal);
        SystemProxy proxy(dir.filePath(QStringLiteral("state/journal.json")), Desktop::Kde);
        proxy.setToolOverride(dir.path());
        QString error;
        QVERIFY2(proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error), qPrintable(error));
        QCOMPARE(readAll(rc), kKioslavercApplied);
        QVERIFY2(proxy.restore(&error), qPrintable(error));
        QCOMPARE(readAll(rc), kKioslavercOriginal);
        QVERIFY(!proxy.hasJournal());
    }

    void kdeFileAndGroupThatDidNotExistAreRemovedAgain()
    {
        QTemporaryDir dir;
        const QString rc = dir.filePath(QStringLiteral("kioslaverc"));
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Kde);
        proxy.setToolOverride(dir.path());
        QString error;
        QVERIFY2(proxy.apply(QStringLiteral("::1"), 9000, &error), qPrintable(error));
        const QByteArray created = readAll(rc);
        QVERIFY2(created.startsWith("[Proxy Settings]\n") &&
                     created.contains("\nsocksProxy=socks://[::1] 9000\n") &&
                     created.contains("\nProxyType=1\n"),
                 created.constData());
        QVERIFY2(proxy.restore(&error), qPrintable(error));
        QVERIFY(!QFile::exists(rc));

        // A file without the group and without a final newline, and a CRLF one.
        for (const QByteArray& original :
             {QByteArray("[General]\nfoo=bar"),
              QByteArray("[General]\r\nfoo=bar\r\n\r\n[Proxy Settings]\r\nProxyType=0\r\n")}) {
            writeAll(rc, original);
            QVERIFY2(proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error), qPrintable(error));
            const QByteArray applied = readAll(rc);
            QVERIFY(applied.contains("socksProxy=socks://127.0.0.1 1080"));
            if (original.contains('\r'))
                QVERIFY2(applied.contains("\r\nsocksProxy=socks://127.0.0.1 1080\r\n") &&
                             !applied.contains("\n\n"),
                         applied.constData());
            QVERIFY2(proxy.restore(&error), qPrintable(error));
            QCOMPARE(readAll(rc), original);
        }
    }

    void wildcardListenAddressIsSetAsLoopback()
    {
        QTemporaryDir dir;
        const QString rc = dir.filePath(QStringLiteral("kioslaverc"));
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Kde);
        proxy.setToolOverride(dir.path());
        QString error;
        QVERIFY2(proxy.apply(QStringLiteral("0.0.0.0"), 1080, &error), qPrintable(error));
        QVERIFY2(readAll(rc).contains("\nsocksProxy=socks://127.0.0.1 1080\n"), readAll(rc).constData());
        QVERIFY2(proxy.apply(QStringLiteral("::"), 1080, &error), qPrintable(error));
        QVERIFY2(readAll(rc).contains("\nsocksProxy=socks://[::1] 1080\n"), readAll(rc).constData());
        QVERIFY(!proxy.apply(QString(), 1080, &error));
        QVERIFY(!proxy.apply(QStringLiteral("127.0.0.1"), 0, &error));
        QVERIFY2(proxy.restore(&error), qPrintable(error));
        QVERIFY(!QFile::exists(rc));
    }

    void failedRestoreKeepsTheJournal()
    {
        QTemporaryDir dir;
        const QString rc = dir.filePath(QStringLiteral("kioslaverc"));
        writeAll(rc, kKioslavercOriginal);
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Kde);
        proxy.setToolOverride(dir.path());
        QString error;
        QVERIFY2(proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error), qPrintable(error));
        // The file cannot be read back (a directory in its place; permissions would not
        // stop root): restore() fails, says why, and keeps the journal for a later try.
        QVERIFY(QFile::remove(rc));
        QVERIFY(QDir().mkdir(rc));
        QVERIFY(!proxy.restore(&error));
        QVERIFY2(error.contains(rc) && error.contains(proxy.journalPath()), qPrintable(error));
        QVERIFY(proxy.hasJournal());
        // Once the file is back, the same journal restores it.
        QVERIFY(QDir().rmdir(rc));
        writeAll(rc, kKioslavercApplied);
        QVERIFY2(proxy.restore(&error), qPrintable(error));
        QCOMPARE(readAll(rc), kKioslavercOriginal);
        QVERIFY(!proxy.hasJournal());
    }

    void kdeLockedSettingsAreAClearError()
    {
        QTemporaryDir dir;
        const QString rc = dir.filePath(QStringLiteral("kioslaverc"));
        const QByteArray locked = "[Proxy Settings][$i]\nProxyType=0\n";
        writeAll(rc, locked);
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Kde);
        proxy.setToolOverride(dir.path());
        QString error;
        QVERIFY(!proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error));
        QVERIFY2(error.contains(QLatin1String("locks")) && error.contains(rc), qPrintable(error));
        QCOMPARE(readAll(rc), locked);
        QVERIFY(!proxy.hasJournal());
    }

    void kdeKilledProcessIsRepairedByTheNextRestore()
    {
        QTemporaryDir dir;
        const QString rc = dir.filePath(QStringLiteral("kioslaverc"));
        writeAll(rc, kKioslavercOriginal);
        const QString journal = dir.filePath(QStringLiteral("journal.json"));
        applyInChildAndKill(Desktop::Kde, journal, dir.path());
        if (QTest::currentTestFailed()) return;
        QCOMPARE(readAll(rc), kKioslavercApplied);
        SystemProxy next(journal, Desktop::Kde);
        QVERIFY(next.hasJournal());
        QString error;
        QVERIFY2(next.restore(&error), qPrintable(error));
        QCOMPARE(readAll(rc), kKioslavercOriginal);
        QVERIFY(!next.hasJournal());
    }

    void kdeSendsTheReparseSignalOnTheSessionBus()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        const QString monitor = QStandardPaths::findExecutable(QStringLiteral("dbus-monitor"));
        if (onWindows() || daemon.isEmpty() || monitor.isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("dbus-send")).isEmpty())
            QSKIP("needs dbus-daemon, dbus-monitor and dbus-send");
        QProcess bus;
        bus.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                           QStringLiteral("--print-address=1")});
        QVERIFY(bus.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), 10000);
        const QByteArray address = bus.readLine().trimmed();
        QProcess mon;
        mon.start(monitor, {QStringLiteral("--address"), QString::fromUtf8(address),
                            QStringLiteral("type='signal',interface='org.kde.KIO.Scheduler'")});
        QVERIFY(mon.waitForStarted(10000));
        // dbus-monitor says which name it got once it listens.
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += mon.readAllStandardOutput()).contains("NameAcquired"), 10000);
        const QByteArray savedBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        QTemporaryDir dir;
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Kde);
        proxy.setToolOverride(dir.path());
        QString error;
        const bool applied = proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error);
        if (savedBus.isEmpty())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus);
        QVERIFY2(applied, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += mon.readAllStandardOutput())
                .contains("interface=org.kde.KIO.Scheduler; member=reparseSlaveConfiguration"),
            10000);
        QVERIFY(seen.contains("path=/KIO/Scheduler"));
        QVERIFY(proxy.restore(&error));
        mon.kill();
        bus.kill();
        mon.waitForFinished();
        bus.waitForFinished();
    }

    void macSetsEveryEnabledServiceAndRestoresEach()
    {
        if (!haveShell()) QSKIP("the fake networksetup needs /bin/sh");
        QTemporaryDir dir;
        const QString tool = makeFakeNetworksetup(dir);
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::MacOS);
        proxy.setToolOverride(tool);
        QVERIFY(proxy.supported());
        QString error;
        QVERIFY2(proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error), qPrintable(error));
        verifyMacApplied(dir);
        QVERIFY2(proxy.restore(&error), qPrintable(error));
        verifyMacOriginals(dir);
        QVERIFY(!proxy.hasJournal());
    }

    void macKilledProcessIsRepairedByTheNextRestore()
    {
        if (!haveShell()) QSKIP("the fake networksetup needs /bin/sh");
        QTemporaryDir dir;
        const QString tool = makeFakeNetworksetup(dir);
        const QString journal = dir.filePath(QStringLiteral("journal.json"));
        applyInChildAndKill(Desktop::MacOS, journal, tool);
        if (QTest::currentTestFailed()) return;
        verifyMacApplied(dir);
        SystemProxy next(journal, Desktop::MacOS);
        next.setToolOverride(tool);
        QString error;
        QVERIFY2(next.restore(&error), qPrintable(error));
        verifyMacOriginals(dir);
        QVERIFY(!next.hasJournal());
    }

    void macKilledHalfWayIsRepairedByTheNextRestore()
    {
        if (!haveShell()) QSKIP("the fake networksetup needs /bin/sh");
        QTemporaryDir dir;
        const QString tool = makeFakeNetworksetup(dir);
        // Wi-Fi is set, then the process dies while setting USB LAN: the journal must
        // already be on disk.
        writeAll(dir.filePath(QStringLiteral("state/USB LAN.hang")), "");
        const QString journal = dir.filePath(QStringLiteral("journal.json"));
        const QString calls = dir.filePath(QStringLiteral("state/calls"));
        applyInChildAndKill(Desktop::MacOS, journal, tool, [&] {
            return readAll(calls).contains("-setsocksfirewallproxy USB LAN 127.0.0.1");
        });
        if (QTest::currentTestFailed()) return;
        QCOMPARE(macState(dir, QStringLiteral("Wi-Fi")), QByteArray("Yes 127.0.0.1 1080"));
        QFile::remove(dir.filePath(QStringLiteral("state/USB LAN.hang")));
        SystemProxy next(journal, Desktop::MacOS);
        next.setToolOverride(tool);
        QVERIFY(next.hasJournal());
        QString error;
        QVERIFY2(next.restore(&error), qPrintable(error));
        verifyMacOriginals(dir);
        QVERIFY(!next.hasJournal());
    }

    void macFailureHalfWayIsRolledBack()
    {
        if (!haveShell()) QSKIP("the fake networksetup needs /bin/sh");
        QTemporaryDir dir;
        const QString tool = makeFakeNetworksetup(dir);
        // Wi-Fi is set first, then USB LAN refuses: Wi-Fi must be put back.
        writeAll(dir.filePath(QStringLiteral("state/USB LAN.refuse")), "");
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::MacOS);
        proxy.setToolOverride(tool);
        QString error;
        QVERIFY(!proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error));
        QVERIFY2(error.contains(QLatin1String("refused by the test")) &&
                     error.contains(QLatin1String("put back")),
                 qPrintable(error));
        QVERIFY(readAll(dir.filePath(QStringLiteral("state/calls")))
                    .contains("-setsocksfirewallproxy Wi-Fi 127.0.0.1"));
        verifyMacOriginals(dir);
        QVERIFY(!proxy.hasJournal());
    }

    void macMissingServiceIsAnError()
    {
        if (!haveShell()) QSKIP("the fake networksetup needs /bin/sh");
        QTemporaryDir dir;
        const QString tool = makeFakeNetworksetup(dir);
        QFile::remove(dir.filePath(QStringLiteral("state/USB LAN.server")));
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::MacOS);
        proxy.setToolOverride(tool);
        QString error;
        QVERIFY(!proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error));
        QVERIFY2(error.contains(QLatin1String("-getsocksfirewallproxy")), qPrintable(error));
        QVERIFY(!proxy.hasJournal());
        QCOMPARE(macState(dir, QStringLiteral("Wi-Fi")), QByteArray("No old.proxy.example 1081"));
    }

    void journalOfAnotherDesktopIsRestoredFirst()
    {
        if (!haveShell()) QSKIP("the fake networksetup needs /bin/sh");
        // Set under KDE ($XDG_CONFIG_HOME/kioslaverc, no override), then applied on
        // another desktop with the same journal: KDE's file is put back first, and the
        // journal now holds the new desktop's values.
        const QString rc = qEnvironmentVariable("XDG_CONFIG_HOME") + QStringLiteral("/kioslaverc");
        writeAll(rc, kKioslavercOriginal);
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.json"));
        QString error;
        QVERIFY2(SystemProxy(journal, Desktop::Kde).apply(QStringLiteral("127.0.0.1"), 1080, &error),
                 qPrintable(error));
        QCOMPARE(readAll(rc), kKioslavercApplied);
        SystemProxy mac(journal, Desktop::MacOS);
        mac.setToolOverride(makeFakeNetworksetup(dir));
        QVERIFY2(mac.apply(QStringLiteral("127.0.0.1"), 1080, &error), qPrintable(error));
        QCOMPARE(readAll(rc), kKioslavercOriginal);
        verifyMacApplied(dir);
        QVERIFY(readAll(journal).contains("\"macos\""));
        QVERIFY2(mac.restore(&error), qPrintable(error));
        verifyMacOriginals(dir);
        QFile::remove(rc);
    }

    void windowsRegistryValuesAreSetAndRestored()
    {
        QTemporaryDir dir;
        SystemProxy proxy(dir.filePath(QStringLiteral("journal.json")), Desktop::Windows);
        if (!proxy.supported()) QSKIP("the registry exists only on Windows");
        setWindowsOriginals();
        QString error;
        QVERIFY2(proxy.apply(QStringLiteral("127.0.0.1"), 1080, &error), qPrintable(error));
        verifyWindowsApplied();
        QVERIFY2(proxy.restore(&error), qPrintable(error));
        verifyWindowsOriginals();
        QVERIFY(!proxy.hasJournal());
    }

    void windowsKilledProcessIsRepairedByTheNextRestore()
    {
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.json"));
        SystemProxy next(journal, Desktop::Windows);
        if (!next.supported()) QSKIP("the registry exists only on Windows");
        setWindowsOriginals();
        applyInChildAndKill(Desktop::Windows, journal, QString());
        if (QTest::currentTestFailed()) return;
        verifyWindowsApplied();
        QString error;
        QVERIFY2(next.restore(&error), qPrintable(error));
        verifyWindowsOriginals();
        QVERIFY(!next.hasJournal());
    }
};

int main(int argc, char** argv)
{
    if (argc >= 6 && qstrcmp(argv[1], kChildArg) == 0) {
        QCoreApplication app(argc, argv);
        return childMain(app.arguments().mid(2));
    }
    // Before anything reads them: gsettings (run by the tests and by SystemProxy) stores
    // into $XDG_CONFIG_HOME/glib-2.0/settings/keyfile, never the user's settings.
    QTemporaryDir configHome;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome.path()));
    qputenv("GSETTINGS_BACKEND", "keyfile");
    // No session bus but the private one kdeSendsTheReparseSignalOnTheSessionBus starts.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    const QString runtime = configHome.filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    QCoreApplication app(argc, argv);
    TestGuiSysproxy t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_gui_sysproxy.moc"
