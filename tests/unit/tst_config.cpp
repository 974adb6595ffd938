// parseConfig(): one table row per rule of Dispatcher IPC 3.0 section 1.1 (and the
// Tor TOR_PT_* environment), checking status, message and the resulting fields.

#include "dispatcher/core/Config.h"
#include "dispatcher/core/FlagTokenizer.h"

#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using pt::Config;
using pt::ConfigResult;
using Status = pt::ConfigResult::Status;

Q_DECLARE_METATYPE(Status)

namespace {

// The fields a row may check, as strings; a row names only the ones it cares about.
QVariantMap summarize(const ConfigResult& r)
{
    const Config& c = r.config;
    QVariantMap m;
    m[QStringLiteral("negotiated")] = r.negotiatedVersion;
    m[QStringLiteral("ipcVersion")] = c.ipcVersion;
    m[QStringLiteral("torMode")] = c.torMode ? QStringLiteral("true") : QStringLiteral("false");
    m[QStringLiteral("role")] =
        c.role == pt::Role::Server ? QStringLiteral("server") : QStringLiteral("client");
    m[QStringLiteral("mode")] = pt::proxyModeName(c.mode);
    m[QStringLiteral("transports")] = c.transports.join(QLatin1Char(','));
    m[QStringLiteral("state")] = c.stateDir;
    m[QStringLiteral("exit")] = c.exitOnStdinClose ? QStringLiteral("true") : QStringLiteral("false");
    m[QStringLiteral("logLevel")] = QString::number(static_cast<int>(c.logLevel));
    m[QStringLiteral("listen")] = c.proxyListen ? c.proxyListen->toString() : QString();
    QStringList binds;
    for (auto it = c.bindAddrs.cbegin(); it != c.bindAddrs.cend(); ++it)
        binds << it.key() + QLatin1Char('=') + it.value().toString();
    m[QStringLiteral("bind")] = binds.join(QLatin1Char(';'));
    m[QStringLiteral("target")] = c.target ? c.target->toString() : QString();
    m[QStringLiteral("extor")] = c.extOrPort ? c.extOrPort->toString() : QString();
    m[QStringLiteral("cookie")] = c.authCookieFile;
    QString proxy;
    if (c.proxy) {
        const char* types[] = {"socks5", "socks4a", "http"};
        proxy = QLatin1String(types[static_cast<int>(c.proxy->type)]) + QLatin1Char(' ') + c.proxy->user +
                QLatin1Char(':') + c.proxy->password + QLatin1Char('@') + c.proxy->host + QLatin1Char(':') +
                QString::number(c.proxy->port);
    }
    m[QStringLiteral("proxy")] = proxy;
    QStringList opts;
    for (auto it = c.options.cbegin(); it != c.options.cend(); ++it)
        opts << it.key() + QLatin1Char('=') +
                    QString::fromUtf8(QJsonDocument(it.value()).toJson(QJsonDocument::Compact));
    m[QStringLiteral("options")] = opts.join(QLatin1Char(';'));
    m[QStringLiteral("tuning")] = QStringLiteral("%1,%2,%3,%4,%5")
                                      .arg(c.handshakeTimeoutMs)
                                      .arg(c.connectTimeoutMs)
                                      .arg(c.maxConnections)
                                      .arg(c.workerThreads)
                                      .arg(c.udpIdleTimeoutMs);
    return m;
}

QVariantMap fields(std::initializer_list<std::pair<const char*, QString>> kv)
{
    QVariantMap m;
    for (const auto& [k, v] : kv)
        m[QLatin1String(k)] = v;
    return m;
}

QStringList words(const char* s)
{
    return QString::fromUtf8(s).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The tor environment of RECIPES.md section 1, with a fixed ExtORPort.
const char* const kTorServerEnv[] = {
    "TOR_PT_AUTH_COOKIE_FILE=/var/lib/tor/extended_orport_auth_cookie",
    "TOR_PT_EXIT_ON_STDIN_CLOSE=1",
    "TOR_PT_EXTENDED_SERVER_PORT=127.0.0.1:41234",
    "TOR_PT_MANAGED_TRANSPORT_VER=1",
    "TOR_PT_ORPORT=127.0.0.1:29001",
    "TOR_PT_SERVER_BINDADDR=obfs4-127.0.0.1:29002",
    "TOR_PT_SERVER_TRANSPORTS=obfs4",
    "TOR_PT_SERVER_TRANSPORT_OPTIONS=obfs4:iat-mode=0",
    "TOR_PT_STATE_LOCATION=/var/lib/tor/pt_state/",
};
const char* const kTorClientEnv[] = {
    "TOR_PT_CLIENT_TRANSPORTS=obfs4",
    "TOR_PT_EXIT_ON_STDIN_CLOSE=1",
    "TOR_PT_MANAGED_TRANSPORT_VER=1",
    "TOR_PT_STATE_LOCATION=/var/lib/tor/pt_state/",
};

template <size_t N>
QStringList envList(const char* const (&vars)[N], QStringList extra = {}, const QStringList& drop = {})
{
    QStringList out;
    for (const char* v : vars) {
        const QString s = QString::fromUtf8(v);
        if (!drop.contains(s.section(QLatin1Char('='), 0, 0))) out << s;
    }
    return out + extra;
}

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString cwd() const { return m_dir.path(); }

    void row(const char* name, const QStringList& args, Status status, const QString& message,
             const QVariantMap& expect = {}, const QStringList& env = {})
    {
        QTest::newRow(name) << args << env << status << message << expect;
    }
    void ok(const char* name, const QStringList& args, const QVariantMap& expect, const QStringList& env = {})
    {
        row(name, args, Status::Ok, QString(), expect, env);
    }
    void env(const char* name, const QStringList& args, const char* message, const QStringList& e = {})
    {
        row(name, args, Status::EnvError, QString::fromUtf8(message), {}, e);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath(QStringLiteral("opts.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"shadow\": {\"password\": \"pw\", \"cipherName\": \"AES-128-GCM\"}}\n");
    }

    void parse_data();
    void parse();

    void helpTextListsEveryFlagInItsGroup();
    void goBoolAcceptsExactlyTheGoSpellings();
    void randomCommandLinesGiveAStatusAndAMessage();
    void checkFlags_data();
    void checkFlags();
};

void TestConfig::parse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QVariantMap>("expect");

    const QString c = cwd();
    const QStringList server = words("-server -transport obfs4 -bindhost 127.0.0.1 -bindport 1984");
    const QStringList serverT = server + words("-target 127.0.0.1:9001");

    // --- 1. Version negotiation (1.2.1) ---
    ok("no -ptversion: VERSION 3.0, client, socks5, NONE, state = cwd", words("-transport plain"),
       fields({{"negotiated", "3.0"},
               {"ipcVersion", "3.0"},
               {"torMode", "false"},
               {"role", "client"},
               {"mode", "socks5"},
               {"logLevel", "0"},
               {"state", c},
               {"exit", "false"},
               {"transports", "plain"},
               {"tuning", "30000,30000,4096,0,120000"}}));
    row("spec example list without 3.0 is VERSION-ERROR no-version",
        words("-ptversion 1,1a,2.2,this_is_a_valid_version -transport plain"), Status::VersionError,
        QStringLiteral("no-version"));
    ok("-ptversion 2.2,3.0 negotiates 3.0", words("-ptversion 2.2,3.0 -transport plain"),
       fields({{"negotiated", "3.0"}}));
    row("empty item in version list", words("-ptversion 3.0,,1 -transport plain"), Status::VersionError,
        QStringLiteral("malformed"));
    row("whitespace in version list", {QStringLiteral("-ptversion"), QStringLiteral("1, 3.0")},
        Status::VersionError, QStringLiteral("malformed"));
    row("empty version list", {QStringLiteral("-ptversion="), QStringLiteral("-transport=plain")},
        Status::VersionError, QStringLiteral("no-version"));
    row("non-ASCII version item", {QStringLiteral("-ptversion"), QStringLiteral("3.0,v\u00e9")},
        Status::VersionError, QStringLiteral("malformed"));
    row("version error wins over flag syntax errors", words("-bogus -ptversion 2.0 stray"),
        Status::VersionError, QStringLiteral("no-version"));
    row("flag syntax error after successful negotiation is ENV-ERROR", words("-bogus -ptversion 3.0"),
        Status::EnvError, QStringLiteral("-bogus"), fields({{"negotiated", "3.0"}}));
    ok("-ptversion given twice: last wins", words("-ptversion 1 -ptversion 3.0 -transport plain"),
       fields({{"negotiated", "3.0"}}));
    row("version error wins over proxy error", words("-ptversion 9 -transport a -proxy ftp://1.2.3.4:21"),
        Status::VersionError, QStringLiteral("no-version"));

    // --- 2. Flag syntax (Go flag package) ---
    ok("-flag value", words("-transport plain"), fields({{"transports", "plain"}}));
    ok("-flag=value", words("-transport=plain"), fields({{"transports", "plain"}}));
    ok("--flag value", words("--transport plain"), fields({{"transports", "plain"}}));
    ok("--flag=value", words("--transport=plain"), fields({{"transports", "plain"}}));
    ok("value may contain '='", words("-transport plain -state=a=b"), fields({{"state", c + "/a=b"}}));
    ok("value flag takes a next argument that starts with '-'", words("-transport plain -state -x"),
       fields({{"state", c + "/-x"}}));
    ok("-server=false keeps client role", words("-server=false -transport plain"),
       fields({{"role", "client"}}));
    ok("-client=true", words("-client=true -transport plain"), fields({{"role", "client"}}));
    ok("bare -exit-on-stdin-close is true", words("-exit-on-stdin-close -transport plain"),
       fields({{"exit", "true"}}));
    ok("-exit-on-stdin-close=1", words("-exit-on-stdin-close=1 -transport plain"),
       fields({{"exit", "true"}}));
    ok("-exit-on-stdin-close 1 (spec: 'set to 1')", words("-exit-on-stdin-close 1 -transport plain"),
       fields({{"exit", "true"}}));
    ok("--exit-on-stdin-close=FALSE", words("--exit-on-stdin-close=FALSE -transport plain"),
       fields({{"exit", "false"}}));
    ok("-exit-on-stdin-close=0", words("-exit-on-stdin-close=0 -transport plain"),
       fields({{"exit", "false"}}));
    env("bad boolean value", words("-client=yes -transport plain"), "-client");
    env("boolean flag does not take a separate value", words("-client true -transport plain"),
        "unexpected argument 'true'");
    ok("-- ends flags", words("-transport plain --"), fields({{"transports", "plain"}}));
    env("argument after -- is positional", words("-transport plain -- extra"), "unexpected argument 'extra'");
    env("positional argument", words("plain -transport plain"), "unexpected argument 'plain'");
    env("unknown flag", words("-transport plain -foo"), "unknown flag -foo");
    env("unknown flag with value syntax", words("-transport plain --foo=1"), "unknown flag -foo");
    env("value flag at the end without a value", words("-transport plain -state"), "-state needs a value");
    env("three dashes", words("---transport plain"), "bad flag syntax");
    env("lone dash", {QStringLiteral("-transport"), QStringLiteral("plain"), QStringLiteral("-")},
        "unexpected argument '-'");
    ok("repeated flag: last wins", words("-transport plain -mode STUN -mode socks5"),
       fields({{"mode", "socks5"}}));
    row("-help", words("-help"), Status::Help, QString());
    row("-h", words("-h"), Status::Help, QString());
    row("--help wins over other errors", words("--help -bogus stray"), Status::Help, QString());
    row("-version", words("-version"), Status::Version, QString());
    ok("-help=false is ignored", words("-help=false -transport plain"), fields({{"transports", "plain"}}));

    // --- 3. Common flags (1.1.1) ---
    env("-transport and -transports both", words("-transport a -transports a,b"),
        "-transport and -transports");
    env("neither -transport nor -transports", words("-client"), "-transport or -transports");
    env("empty item in -transports", words("-transports a,,b"), "-transports: empty transport name");
    env("trailing comma in -transports", words("-transports a,b,"), "-transports: empty transport name");
    env("duplicate in -transports", words("-transports a,b,a"), "'a' listed twice");
    ok("-transports items are trimmed and ordered",
       {QStringLiteral("-transports"), QStringLiteral(" obfs4 , shadow ")},
       fields({{"transports", "obfs4,shadow"}}));
    env("-transport with a list", words("-transport a,b"), "-transport takes one name");
    env("-transport empty", {QStringLiteral("-transport"), QString()}, "-transport: empty");
    ok("-mode transparent-TCP", words("-transport a -mode transparent-TCP"),
       fields({{"mode", "transparent-TCP"}}));
    ok("-mode transparent-UDP", words("-transport a -mode transparent-UDP"),
       fields({{"mode", "transparent-UDP"}}));
    ok("-mode STUN", words("-transport a -mode STUN"), fields({{"mode", "STUN"}}));
    ok("-mode socks5", words("-transport a -mode socks5"), fields({{"mode", "socks5"}}));
    env("-mode is case-sensitive", words("-transport a -mode SOCKS5"), "-mode 'SOCKS5'");
    env("-mode unknown", words("-transport a -mode http"), "-mode 'http'");
    ok("-ipcLogLevel DEBUG", words("-transport a -ipcLogLevel DEBUG"), fields({{"logLevel", "4"}}));
    ok("-ipcLogLevel WARN", words("-transport a -ipcLogLevel WARN"), fields({{"logLevel", "2"}}));
    ok("-ipcLogLevel NONE", words("-transport a -ipcLogLevel NONE"), fields({{"logLevel", "0"}}));
    env("-ipcLogLevel lower case", words("-transport a -ipcLogLevel debug"), "-ipcLogLevel 'debug'");
    env("-ipcLogLevel TRACE", words("-transport a -ipcLogLevel TRACE"), "-ipcLogLevel");
    ok("relative -state is made absolute against cwd", words("-transport a -state st/x"),
       fields({{"state", c + "/st/x"}}));
    ok("absolute -state kept", words("-transport a -state /var/lib/pt_state/"),
       fields({{"state", "/var/lib/pt_state"}}));
    ok("-state .. is cleaned", words("-transport a -state ../up"),
       fields({{"state", QDir::cleanPath(c + "/../up")}}));
    env("-state empty", {QStringLiteral("-transport"), QStringLiteral("a"), QStringLiteral("-state=")},
        "-state");
    env("-options and -optionsFile both", words("-transport shadow -options {} -optionsFile opts.json"),
        "-options and -optionsFile");
    env("-optionsFile unreadable", words("-transport shadow -optionsFile missing.json"), "-optionsFile");
    ok("-optionsFile relative to cwd", words("-transports shadow,obfs4 -optionsFile opts.json"),
       fields({{"options", "shadow={\"cipherName\":\"AES-128-GCM\",\"password\":\"pw\"}"}}));
    ok("spec -options example with unquoted keys",
       {QStringLiteral("-transport"), QStringLiteral("shadow"), QStringLiteral("-options"),
        QStringLiteral("{shadow: {password: \"password\", cipherName: \"AES-128-GCM\"}}")},
       fields({{"options", "shadow={\"cipherName\":\"AES-128-GCM\",\"password\":\"password\"}"}}));
    ok("bare options object with one transport",
       {QStringLiteral("-transport=obfs4"),
        QStringLiteral("-options={\"cert\": \"abc\", \"iat-mode\": \"0\"}")},
       fields({{"options", "obfs4={\"cert\":\"abc\",\"iat-mode\":\"0\"}"}}));
    env("invalid options JSON", {QStringLiteral("-transport=a"), QStringLiteral("-options={bad")},
        "-options: invalid JSON");
    env("options not an object", {QStringLiteral("-transport=a"), QStringLiteral("-options=[1]")},
        "-options: options must be a JSON object");
    env("bare options with several transports",
        {QStringLiteral("-transports=a,b"), QStringLiteral("-options={x: 1}")}, "map of transport name");
    ok("empty -options", {QStringLiteral("-transport=a"), QStringLiteral("-options= ")},
       fields({{"options", ""}}));

    // --- 4. Tuning flags ---
    ok("tuning flags",
       words("-transport a -handshake-timeout 5000 -connect-timeout 7000 -max-connections 10 -threads 2 "
             "-udp-idle-timeout 1000"),
       fields({{"tuning", "5000,7000,10,2,1000"}}));
    env("-handshake-timeout 0", words("-transport a -handshake-timeout 0"), "-handshake-timeout '0'");
    env("-connect-timeout negative", words("-transport a -connect-timeout -5"), "-connect-timeout '-5'");
    env("-connect-timeout too large", words("-transport a -connect-timeout 99999999999"), "-connect-timeout");
    env("-max-connections not a number", words("-transport a -max-connections many"),
        "-max-connections 'many'");
    env("-threads above 256", words("-transport a -threads 300"), "-threads '300'");
    env("-udp-idle-timeout with a sign", words("-transport a -udp-idle-timeout +5"), "-udp-idle-timeout");

    // --- 5. Client flags (1.1.2) ---
    ok("-proxylistenaddr", words("-transport a -proxylistenaddr 127.0.0.1:5555"),
       fields({{"listen", "127.0.0.1:5555"}}));
    ok("-proxylistenaddr IPv6 port 0", words("-transport a -proxylistenaddr [::1]:0"),
       fields({{"listen", "[::1]:0"}}));
    env("-proxylistenaddr host name", words("-transport a -proxylistenaddr localhost:5555"),
        "-proxylistenaddr: 'localhost' must be an IP address, not a host name");
    env("-proxylistenaddr without port", words("-transport a -proxylistenaddr 127.0.0.1"),
        "-proxylistenaddr: missing port");
    env("-proxylistenaddr port out of range", words("-transport a -proxylistenaddr 127.0.0.1:70000"),
        "-proxylistenaddr: bad port");
    env("-proxylistenaddr IPv6 without brackets", words("-transport a -proxylistenaddr ::1:5"), "brackets");
    env("-proxylistenaddr twice",
        words("-transport a -proxylistenaddr 127.0.0.1:1 -proxylistenaddr 127.0.0.1:2"),
        "-proxylistenaddr given more than once");
    env("-proxylistenaddr with -proxylistenhost",
        words("-transport a -proxylistenaddr 127.0.0.1:1 -proxylistenhost 127.0.0.1"),
        "-proxylistenaddr cannot be combined");
    env("-proxylistenaddr with -proxylistenport",
        words("-transport a -proxylistenaddr 127.0.0.1:1 -proxylistenport 5"),
        "-proxylistenaddr cannot be combined");
    env("-proxylistenhost without -proxylistenport", words("-transport a -proxylistenhost 127.0.0.1"),
        "-proxylistenhost requires -proxylistenport");
    env("-proxylistenport without -proxylistenhost", words("-transport a -proxylistenport 5555"),
        "-proxylistenport requires -proxylistenhost");
    ok("-proxylistenhost + -proxylistenport",
       words("-transport a -proxylistenhost 127.0.0.1 -proxylistenport 5555"),
       fields({{"listen", "127.0.0.1:5555"}}));
    ok("-proxylistenhost IPv6 port 0", words("-transport a -proxylistenhost ::1 -proxylistenport 0"),
       fields({{"listen", "[::1]:0"}}));
    env("-proxylistenhost host name", words("-transport a -proxylistenhost localhost -proxylistenport 1"),
        "-proxylistenhost: 'localhost' must be an IP address");
    env("-proxylistenport bad", words("-transport a -proxylistenhost 127.0.0.1 -proxylistenport 65536"),
        "-proxylistenport: bad port");
    env("-proxylistenhost twice",
        words("-transport a -proxylistenhost 127.0.0.1 -proxylistenhost ::1 -proxylistenport 1"),
        "-proxylistenhost given more than once");
    env("-proxylistenport twice",
        words("-transport a -proxylistenhost 127.0.0.1 -proxylistenport 1 -proxylistenport 2"),
        "-proxylistenport given more than once");
    env("-client and -server", words("-client -server -transport a"), "-client and -server");
    env("-bindaddr in client mode", words("-transports a -bindaddr a-127.0.0.1:1"),
        "-bindaddr is a server flag");
    env("-bindhost in client mode", words("-client -transport a -bindhost 127.0.0.1"),
        "-bindhost is a server flag");
    env("-bindport in client mode", words("-transport a -bindport 1"), "-bindport is a server flag");
    env("-target in client mode", words("-transport a -target 127.0.0.1:1"), "-target is a server flag");
    env("-targethost in client mode", words("-transport a -targethost h"), "-targethost is a server flag");
    env("-targetport in client mode", words("-transport a -targetport 1"), "-targetport is a server flag");
    env("-extorport in client mode", words("-transport a -extorport 127.0.0.1:1"),
        "-extorport is a server flag");
    env("-authcookie in client mode", words("-transport a -authcookie /c"), "-authcookie is a server flag");
    ok("-proxy spec example", words("-transport a -proxy http://198.51.100.3:443"),
       fields({{"proxy", "http :@198.51.100.3:443"}}));
    ok("-proxy socks5 with auth", words("-transport a -proxy socks5://u:p@127.0.0.1:1080"),
       fields({{"proxy", "socks5 u:p@127.0.0.1:1080"}}));
    row("-proxy unknown scheme is PROXY-ERROR", words("-transport a -proxy ftp://1.2.3.4:21"),
        Status::ProxyError, QStringLiteral("-proxy: unknown proxy scheme 'ftp'"),
        fields({{"negotiated", "3.0"}}));
    row("-proxy host name", words("-transport a -proxy socks5://proxy.example:1080"), Status::ProxyError,
        QStringLiteral("proxy host must be an IP address, not a host name"));
    row("-proxy bad port", words("-transport a -proxy http://1.2.3.4:0"), Status::ProxyError,
        QStringLiteral("bad proxy port"));
    row("-proxy socks5 user without password", words("-transport a -proxy socks5://user@127.0.0.1:1080"),
        Status::ProxyError, QStringLiteral("socks5 proxy user without password"));
    env("ENV-ERROR is reported before PROXY-ERROR", words("-transport a -mode bogus -proxy ftp://1.2.3.4:21"),
        "-mode");

    // --- 6. Server flags (1.1.3) ---
    ok("spec -bindaddr example",
       words("-server -transports obfs4,shadow -bindaddr obfs4-198.51.100.1:1984,shadow-127.0.0.1:4891 "
             "-target 127.0.0.1:9001"),
       fields({{"role", "server"},
               {"bind", "obfs4=198.51.100.1:1984;shadow=127.0.0.1:4891"},
               {"target", "127.0.0.1:9001"}}));
    ok("-bindaddr IPv6 and port 0",
       words("-server -transports obfs4 -bindaddr obfs4-[::1]:0 -target 127.0.0.1:9001"),
       fields({{"bind", "obfs4=[::1]:0"}}));
    ok("-bindaddr may name a subset",
       words("-server -transports obfs4,shadow -bindaddr shadow-127.0.0.1:1 -target 127.0.0.1:9"),
       fields({{"bind", "shadow=127.0.0.1:1"}}));
    ok("-bindaddr transport name with a dash",
       words("-server -transports my-pt -bindaddr my-pt-127.0.0.1:5 -target 127.0.0.1:9"),
       fields({{"bind", "my-pt=127.0.0.1:5"}}));
    env("-bindaddr out of -transports order",
        words("-server -transports obfs4,shadow -bindaddr shadow-127.0.0.1:1,obfs4-127.0.0.1:2 -target "
              "127.0.0.1:9"),
        "-bindaddr: transports must be in the same order");
    env("-bindaddr duplicate name",
        words("-server -transports obfs4 -bindaddr obfs4-127.0.0.1:1,obfs4-127.0.0.1:2 -target 127.0.0.1:9"),
        "-bindaddr: transport 'obfs4' given more than once");
    env("-bindaddr name not in -transports",
        words("-server -transports obfs4 -bindaddr meek-127.0.0.1:1 -target 127.0.0.1:9"),
        "-bindaddr: 'meek' is not a transport listed");
    env("-bindaddr host name",
        words("-server -transports obfs4 -bindaddr obfs4-localhost:1 -target 127.0.0.1:9"),
        "-bindaddr: 'localhost' must be an IP address");
    env("-bindaddr entry without name",
        words("-server -transports obfs4 -bindaddr 127.0.0.1:1 -target 127.0.0.1:9"),
        "-bindaddr: '127.0.0.1:1' is not <transport>-<address>:<port>");
    env("-bindaddr bad port",
        words("-server -transports obfs4 -bindaddr obfs4-127.0.0.1:99999 -target 127.0.0.1:9"),
        "-bindaddr: bad port");
    env("-bindaddr with -bindhost",
        words(
            "-server -transports obfs4 -bindaddr obfs4-127.0.0.1:1 -bindhost 127.0.0.1 -target 127.0.0.1:9"),
        "-bindaddr cannot be combined with -bindhost");
    env("-bindaddr with -transport",
        words("-server -transport obfs4 -bindaddr obfs4-127.0.0.1:1 -target 127.0.0.1:9"),
        "-bindaddr cannot be combined with -transport");
    ok("-transport -bindhost -bindport", serverT,
       fields({{"bind", "obfs4=127.0.0.1:1984"}, {"transports", "obfs4"}}));
    ok("-bindport 0 lets the dispatcher pick",
       words("-server -transport x -bindhost ::1 -bindport 0 -target 127.0.0.1:9"),
       fields({{"bind", "x=[::1]:0"}}));
    env("-bindhost with -transports",
        words("-server -transports a -bindhost 127.0.0.1 -bindport 1 -target 127.0.0.1:9"),
        "-bindhost requires -transport");
    env("-bindport with -transports", words("-server -transports a -bindport 1 -target 127.0.0.1:9"),
        "-bindport requires -transport");
    env("-bindhost without -bindport", words("-server -transport a -bindhost 127.0.0.1 -target 127.0.0.1:9"),
        "-bindhost requires -bindport");
    env("-bindport without -bindhost", words("-server -transport a -bindport 1 -target 127.0.0.1:9"),
        "-bindport requires -bindhost");
    env("-bindhost host name",
        words("-server -transport a -bindhost example.com -bindport 1 -target 127.0.0.1:9"),
        "-bindhost: 'example.com' must be an IP address");
    env("-bindhost twice",
        words("-server -transport a -bindhost 127.0.0.1 -bindhost 127.0.0.2 -bindport 1 -target 127.0.0.1:9"),
        "-bindhost given more than once");
    env("-bindport twice",
        words("-server -transport a -bindhost 127.0.0.1 -bindport 1 -bindport 2 -target 127.0.0.1:9"),
        "-bindport given more than once");
    env("server without bind address", words("-server -transport a -target 127.0.0.1:9"),
        "server mode needs a bind address");
    ok("spec -target 93.184.216.34:9001", server + words("-target 93.184.216.34:9001"),
       fields({{"target", "93.184.216.34:9001"}}));
    ok("spec -target IPv6", server + words("-target [2001:0db8:85a3:0000:0000:8a2e:0370:7334]:1122"),
       fields({{"target", "[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:1122"}}));
    ok("spec -target example.com:9922", server + words("-target example.com:9922"),
       fields({{"target", "example.com:9922"}}));
    env("-target host with a space",
        server + QStringList{QStringLiteral("-target"), QStringLiteral("bad host:1")},
        "-target: 'bad host' is neither");
    env("-target port 0", server + words("-target 127.0.0.1:0"), "-target: bad port");
    env("-target with -targethost", server + words("-target 127.0.0.1:1 -targethost 127.0.0.1"),
        "-target cannot be combined");
    env("-target with -targetport", server + words("-target 127.0.0.1:1 -targetport 2"),
        "-target cannot be combined");
    env("-targethost without -targetport", server + words("-targethost 127.0.0.1"),
        "-targethost requires -targetport");
    env("-targetport without -targethost", server + words("-targetport 9001"),
        "-targetport requires -targethost");
    ok("spec -targethost + -targetport", server + words("-targethost 93.184.216.34 -targetport 9001"),
       fields({{"target", "93.184.216.34:9001"}}));
    ok("-targethost may be a name", server + words("-targethost example.com -targetport 1"),
       fields({{"target", "example.com:1"}}));
    env("-targetport 0", server + words("-targethost example.com -targetport 0"), "-targetport: bad port");
    env("-authcookie without -extorport", serverT + words("-authcookie /var/lib/cookie"),
        "-authcookie requires -extorport");
    env("spec: No -authcookie when -extorport set", server + words("-extorport 127.0.0.1:4200"),
        "No -authcookie when -extorport set");
    ok("-extorport + -authcookie without -target",
       server + words("-extorport 127.0.0.1:4200 -authcookie /var/lib/extended_orport_auth_cookie"),
       fields({{"extor", "127.0.0.1:4200"},
               {"cookie", "/var/lib/extended_orport_auth_cookie"},
               {"target", ""}}));
    env("-extorport bad", server + words("-extorport 127.0.0.1 -authcookie /c"), "-extorport: missing port");
    env("server without target or extorport", server, "-target");
    env("-proxylistenaddr in server mode", serverT + words("-proxylistenaddr 127.0.0.1:1"),
        "-proxylistenaddr is a client flag");
    env("-proxylistenhost in server mode", serverT + words("-proxylistenhost 127.0.0.1"),
        "-proxylistenhost is a client flag");
    env("-proxylistenport in server mode", serverT + words("-proxylistenport 1"),
        "-proxylistenport is a client flag");
    env("-proxy in server mode is ENV-ERROR", serverT + words("-proxy socks5://127.0.0.1:1"),
        "-proxy is a client flag");

    // --- 7. Tor managed-proxy environment (PT 1.0), as in RECIPES.md section 1 ---
    ok("tor client environment", {},
       fields({{"negotiated", "1"},
               {"ipcVersion", "1"},
               {"torMode", "true"},
               {"role", "client"},
               {"transports", "obfs4"},
               {"exit", "true"},
               {"state", "/var/lib/tor/pt_state"},
               {"proxy", ""},
               {"mode", "socks5"}}),
       envList(kTorClientEnv));
    ok("tor server environment", {},
       fields({{"negotiated", "1"},
               {"torMode", "true"},
               {"role", "server"},
               {"transports", "obfs4"},
               {"bind", "obfs4=127.0.0.1:29002"},
               {"target", "127.0.0.1:29001"},
               {"extor", "127.0.0.1:41234"},
               {"cookie", "/var/lib/tor/extended_orport_auth_cookie"},
               {"options", "obfs4={\"iat-mode\":\"0\"}"},
               {"exit", "true"},
               {"state", "/var/lib/tor/pt_state"}}),
       envList(kTorServerEnv));
    row("tor version list without 1", {}, Status::VersionError, QStringLiteral("no-version"), {},
        envList(kTorClientEnv, {QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER=2")},
                {QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER")}));
    ok("tor version list 1,2", {}, fields({{"negotiated", "1"}}),
       envList(kTorClientEnv, {QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER=1,2")},
               {QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER")}));
    ok("-transport makes a 3.0 parent even inside tor's environment", words("-transport plain"),
       fields({{"negotiated", "3.0"}, {"torMode", "false"}, {"transports", "plain"}, {"exit", "false"}}),
       envList(kTorClientEnv));
    env("tor: both client and server transports", {}, "TOR_PT_CLIENT_TRANSPORTS and TOR_PT_SERVER_TRANSPORTS",
        envList(kTorServerEnv, {QStringLiteral("TOR_PT_CLIENT_TRANSPORTS=obfs4")}));
    env("tor: neither client nor server transports", {},
        "neither TOR_PT_CLIENT_TRANSPORTS nor TOR_PT_SERVER_TRANSPORTS",
        {QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER=1")});
    ok("tor: * is kept for the caller to expand", {}, fields({{"transports", "*"}}),
       envList(kTorClientEnv, {QStringLiteral("TOR_PT_CLIENT_TRANSPORTS=*")},
               {QStringLiteral("TOR_PT_CLIENT_TRANSPORTS")}));
    ok("tor: TOR_PT_PROXY", {}, fields({{"proxy", "socks5 :@127.0.0.1:1080"}}),
       envList(kTorClientEnv, {QStringLiteral("TOR_PT_PROXY=socks5://127.0.0.1:1080")}));
    row("tor: bad TOR_PT_PROXY is PROXY-ERROR", {}, Status::ProxyError,
        QStringLiteral("TOR_PT_PROXY: proxy host must be an IP address"), fields({{"negotiated", "1"}}),
        envList(kTorClientEnv, {QStringLiteral("TOR_PT_PROXY=socks4a://proxy.example:1080")}));
    ok("tor: server transports without a bind address get 127.0.0.1:0", {},
       fields({{"bind", "meek=127.0.0.1:0;obfs4=127.0.0.1:29002"}, {"transports", "obfs4,meek"}}),
       envList(kTorServerEnv, {QStringLiteral("TOR_PT_SERVER_TRANSPORTS=obfs4,meek")},
               {QStringLiteral("TOR_PT_SERVER_TRANSPORTS")}));
    ok("tor: empty TOR_PT_EXTENDED_SERVER_PORT is ignored", {},
       fields({{"extor", ""}, {"target", "127.0.0.1:29001"}}),
       envList(kTorServerEnv, {QStringLiteral("TOR_PT_EXTENDED_SERVER_PORT=")},
               {QStringLiteral("TOR_PT_EXTENDED_SERVER_PORT")}));
    env("tor: extended port without cookie", {}, "TOR_PT_AUTH_COOKIE_FILE",
        envList(kTorServerEnv, {}, {QStringLiteral("TOR_PT_AUTH_COOKIE_FILE")}));
    env("tor: server with neither ORPort nor extended port", {}, "TOR_PT_ORPORT",
        envList(kTorServerEnv, {},
                {QStringLiteral("TOR_PT_ORPORT"), QStringLiteral("TOR_PT_EXTENDED_SERVER_PORT")}));
    env("tor: bad bind address", {}, "TOR_PT_SERVER_BINDADDR",
        envList(kTorServerEnv, {QStringLiteral("TOR_PT_SERVER_BINDADDR=obfs4-localhost:1")},
                {QStringLiteral("TOR_PT_SERVER_BINDADDR")}));
    env("tor: bad server transport options", {}, "TOR_PT_SERVER_TRANSPORT_OPTIONS",
        envList(kTorServerEnv, {QStringLiteral("TOR_PT_SERVER_TRANSPORT_OPTIONS=obfs4")},
                {QStringLiteral("TOR_PT_SERVER_TRANSPORT_OPTIONS")}));
    ok("tor: flags win over the environment", words("-state /x -exit-on-stdin-close=false -ipcLogLevel INFO"),
       fields({{"state", "/x"}, {"exit", "false"}, {"logLevel", "3"}, {"torMode", "true"}}),
       envList(kTorClientEnv));
    ok("tor: -target flag wins over TOR_PT_ORPORT", words("-target 127.0.0.1:7"),
       fields({{"target", "127.0.0.1:7"}}), envList(kTorServerEnv));
    env("tor: -server contradicts TOR_PT_CLIENT_TRANSPORTS", words("-server"),
        "-server contradicts TOR_PT_CLIENT_TRANSPORTS", envList(kTorClientEnv));
    ok("tor: exit-on-stdin-close only when 1", {}, fields({{"exit", "false"}}),
       envList(kTorClientEnv, {QStringLiteral("TOR_PT_EXIT_ON_STDIN_CLOSE=0")},
               {QStringLiteral("TOR_PT_EXIT_ON_STDIN_CLOSE")}));
}

void TestConfig::parse()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, env);
    QFETCH(Status, status);
    QFETCH(QString, message);
    QFETCH(QVariantMap, expect);

    QProcessEnvironment e;
    for (const QString& kv : env)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));

    const ConfigResult r = pt::parseConfig(args, e, cwd());
    QVERIFY2(
        r.status == status,
        qPrintable(QStringLiteral("status %1, message '%2'").arg(static_cast<int>(r.status)).arg(r.message)));
    if (!message.isEmpty())
        QVERIFY2(r.message.contains(message), qPrintable(QStringLiteral("message was '%1'").arg(r.message)));
    if (status == Status::Ok) QVERIFY2(r.message.isEmpty(), qPrintable(r.message));
    // A VERSION line precedes every ENV-/PROXY-ERROR; VERSION-ERROR has none.
    if (status == Status::VersionError)
        QVERIFY(r.negotiatedVersion.isEmpty());
    else if (status == Status::Ok || status == Status::EnvError || status == Status::ProxyError)
        QVERIFY(!r.negotiatedVersion.isEmpty());

    const QVariantMap actual = summarize(r);
    for (auto it = expect.cbegin(); it != expect.cend(); ++it) {
        QVERIFY2(actual.contains(it.key()), qPrintable(it.key()));
        QString want = it.value().toString();
#ifdef Q_OS_WIN
        // "/var/lib/x" has no drive on Windows: it names that folder on the drive of the
        // working directory, which is what the dispatcher makes of it.
        if (want.startsWith(QLatin1Char('/'))) want = QDir::cleanPath(QDir(cwd()).absoluteFilePath(want));
#endif
        QCOMPARE(actual.value(it.key()).toString(), want);
    }
}

void TestConfig::helpTextListsEveryFlagInItsGroup()
{
    const QString text = pt::usageText();
    const QStringList groups = {QStringLiteral("Common flags:"), QStringLiteral("Client flags"),
                                QStringLiteral("Server flags:"), QStringLiteral("Tuning flags:")};
    int previous = -1;
    for (const QString& g : groups) {
        const int at = text.indexOf(g);
        QVERIFY2(at > previous, qPrintable(g));
        previous = at;
    }
    const QStringList flagNames = words("ptversion state exit-on-stdin-close ipcLogLevel transport "
                                        "transports options optionsFile mode client server "
                                        "proxylistenaddr proxylistenhost proxylistenport proxy bindaddr "
                                        "bindhost bindport target targethost targetport "
                                        "extorport authcookie handshake-timeout connect-timeout "
                                        "max-connections threads udp-idle-timeout help version "
                                        "check check-timeout");
    for (const QString& name : flagNames) {
        QVERIFY2(pt::flags::isKnownFlag(name), qPrintable(name));
        QVERIFY2(text.contains(QLatin1Char('-') + name + QLatin1Char(' ')) ||
                     text.contains(QLatin1Char('-') + name + QLatin1Char(',')),
                 qPrintable(name));
    }
    // Defaults are stated from the Config defaults, not retyped.
    QVERIFY(text.contains(QString::number(Config().handshakeTimeoutMs)));
    QVERIFY(text.contains(QString::number(Config().udpIdleTimeoutMs)));
}

void TestConfig::goBoolAcceptsExactlyTheGoSpellings()
{
    for (const char* s : {"1", "t", "T", "TRUE", "true", "True"})
        QCOMPARE(pt::flags::parseGoBool(QLatin1String(s)), std::optional<bool>(true));
    for (const char* s : {"0", "f", "F", "FALSE", "false", "False"})
        QCOMPARE(pt::flags::parseGoBool(QLatin1String(s)), std::optional<bool>(false));
    for (const char* s : {"", "yes", "no", "tRUE", "2", " 1"})
        QVERIFY2(!pt::flags::parseGoBool(QLatin1String(s)).has_value(), s);
}

// Any mix of flags and values gives one outcome; refusals always carry a message.
void TestConfig::randomCommandLinesGiveAStatusAndAMessage()
{
    const QStringList pool =
        words("-server -client -transport -transports obfs4 a,b -bindaddr obfs4-127.0.0.1:1 -bindhost "
              "-bindport 1 127.0.0.1 "
              "-target 127.0.0.1:9 -extorport -authcookie /c -proxy socks5://127.0.0.1:1 -ptversion 3.0 1,2 "
              "-- -x = -mode "
              "STUN -options {a:1} -state -proxylistenaddr [::1]:0 --threads=2 -exit-on-stdin-close=0");
    QRandomGenerator rng(7);
    for (int round = 0; round < 3000; ++round) {
        QStringList args;
        const int n = rng.bounded(10);
        for (int i = 0; i < n; ++i)
            args << pool.at(rng.bounded(pool.size()));
        const ConfigResult r = pt::parseConfig(args, QProcessEnvironment(), cwd());
        const bool refused = r.status == Status::VersionError || r.status == Status::EnvError ||
                             r.status == Status::ProxyError;
        QVERIFY2(refused == !r.message.isEmpty(),
                 qPrintable(args.join(QLatin1Char(' ')) + " -> " + r.message));
        if (r.status == Status::Ok) QVERIFY(!r.config.transports.isEmpty());
    }
}

// -check: its own small flag set, Go syntax like every other flag; anything wrong is
// CheckInvalid (CHECK-ERROR invalid, exit 64), never an IPC line.
void TestConfig::checkFlags_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("messageOrLine");
    QTest::addColumn<int>("timeout");
    const QString line = QStringLiteral("obfs4 127.0.0.1:1 cert=x iat-mode=0");
    QTest::newRow("line only, default 15 s") << QStringList{"-check", line} << Status::Check << line << 15;
    QTest::newRow("--check=, -check-timeout=")
        << QStringList{"--check=" + line, "-check-timeout=2"} << Status::Check << line << 2;
    QTest::newRow("timeout 300") << QStringList{"-check-timeout", "300", "-check", line} << Status::Check
                                 << line << 300;
    QTest::newRow("with -proxy") << QStringList{"-check", line, "-proxy", "socks5://127.0.0.1:1080"}
                                 << Status::Check << line << 15;
    QTest::newRow("timeout 0") << QStringList{"-check", line, "-check-timeout", "0"} << Status::CheckInvalid
                               << "from 1 to 300" << 0;
    QTest::newRow("timeout 301") << QStringList{"-check", line, "-check-timeout", "301"}
                                 << Status::CheckInvalid << "from 1 to 300" << 0;
    QTest::newRow("timeout not a number")
        << QStringList{"-check", line, "-check-timeout", "2s"} << Status::CheckInvalid << "2s" << 0;
    QTest::newRow("timeout without value")
        << QStringList{"-check", line, "-check-timeout"} << Status::CheckInvalid << "needs a value" << 0;
    QTest::newRow("empty line") << QStringList{"-check", " "} << Status::CheckInvalid << "needs a bridge line"
                                << 0;
    QTest::newRow("bad proxy") << QStringList{"-check", line, "-proxy", "socks5://example.com:1"}
                               << Status::CheckInvalid << "-proxy" << 0;
    QTest::newRow("other flag") << QStringList{"-check", line, "-transport", "obfs4"} << Status::CheckInvalid
                                << "-transport cannot be used with -check" << 0;
    QTest::newRow("twice") << QStringList{"-check", line, "-check", line} << Status::CheckInvalid
                           << "more than once" << 0;
    QTest::newRow("unknown flag") << QStringList{"-check", line, "-bogus"} << Status::CheckInvalid
                                  << "unknown flag" << 0;
    QTest::newRow("-check-timeout without -check")
        << QStringList{"-transport", "plain", "-check-timeout", "5"} << Status::EnvError << "only for -check"
        << 0;
}

void TestConfig::checkFlags()
{
    QFETCH(QStringList, args);
    QFETCH(Status, status);
    QFETCH(QString, messageOrLine);
    QFETCH(int, timeout);
    const ConfigResult r = pt::parseConfig(args, QProcessEnvironment(), cwd());
    QVERIFY2(r.status == status,
             qPrintable(QStringLiteral("status %1, message '%2'").arg(int(r.status)).arg(r.message)));
    if (status == Status::Check) {
        QCOMPARE(r.config.checkLine, messageOrLine);
        QCOMPARE(r.config.checkTimeoutSeconds, timeout);
        QCOMPARE(r.config.proxy.has_value(), args.contains(QStringLiteral("-proxy")));
    } else {
        QVERIFY2(r.message.contains(messageOrLine), qPrintable(r.message));
    }
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
