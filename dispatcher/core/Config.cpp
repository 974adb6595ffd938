// parseConfig(): Dispatcher IPC 3.0 section 1.1 flags or Tor's TOR_PT_* environment,
// validated in the order of section 1.2: version, then everything else (ENV-ERROR),
// then the upstream proxy (PROXY-ERROR).

#include "dispatcher/core/Config.h"
#include "dispatcher/core/OptionsFlags.h"

#include <QDir>
#include <QFile>

namespace pt {

namespace {

using flags::ParsedFlags;

const QString kVersion3 = QStringLiteral("3.0");
const QString kTorVersion = QStringLiteral("1");
constexpr qint64 kMaxOptionsFileBytes = 1 << 20;

// Version lists: each item non-empty, printable non-whitespace non-comma ASCII.
bool negotiateVersion(const QString& list, const QString& wanted, QString* error)
{
    const QStringList items = list.split(QLatin1Char(','));
    for (const QString& item : items) {
        bool wellFormed = !item.isEmpty();
        for (QChar c : item)
            wellFormed = wellFormed && c.unicode() > 0x20 && c.unicode() < 0x7f;
        if (!wellFormed) {
            *error = QStringLiteral("no-version (malformed version list '%1')").arg(list);
            return false;
        }
    }
    if (items.contains(wanted))
        return true;
    *error = QStringLiteral("no-version");
    return false;
}

std::optional<ipc::LogLevel> parseLevelName(const QString& s)
{
    static const QList<std::pair<QString, ipc::LogLevel>> names = {
        {QStringLiteral("NONE"), ipc::LogLevel::None},   {QStringLiteral("ERROR"), ipc::LogLevel::Error},
        {QStringLiteral("WARN"), ipc::LogLevel::Warn},   {QStringLiteral("INFO"), ipc::LogLevel::Info},
        {QStringLiteral("DEBUG"), ipc::LogLevel::Debug},
    };
    for (const auto& [name, level] : names) {
        if (s == name)
            return level;
    }
    return std::nullopt;
}

class Validator
{
public:
    Validator(const ParsedFlags& f, const QProcessEnvironment& env, const QString& cwd, bool torMode,
              Config& c)
        : m_f(f), m_env(env), m_cwd(cwd), m_tor(torMode), m_c(c)
    {
    }

    // ENV-ERROR checks; on success m_proxyUri / m_proxyOrigin hold the proxy to check.
    bool run()
    {
        return role() && transports() && commonValues() && tuning() && crossRole()
               && (m_c.role == Role::Client ? client() : server()) && options();
    }

    QString error() const { return m_error; }
    QString proxyUri() const { return m_proxyUri; }
    QString proxyOrigin() const { return m_proxyOrigin; }

private:
    bool fail(const QString& msg)
    {
        m_error = msg;
        return false;
    }
    bool flag(const char* name) const { return m_f.has(QLatin1String(name)); }
    QString value(const char* name) const { return m_f.last(QLatin1String(name)); }
    QString envValue(const char* name) const { return m_env.value(QLatin1String(name)); }
    bool envHas(const char* name) const { return m_env.contains(QLatin1String(name)); }

    // "Applications MUST NOT set more than one ...": a repeat is an error, not "last wins".
    bool single(const char* name)
    {
        if (m_f.count(QLatin1String(name)) > 1)
            return fail(QStringLiteral("-%1 given more than once").arg(QLatin1String(name)));
        return true;
    }

    bool role()
    {
        const bool client = m_f.isTrue(QStringLiteral("client"));
        const bool server = m_f.isTrue(QStringLiteral("server"));
        if (client && server)
            return fail(QStringLiteral("-client and -server cannot both be set"));
        if (!m_tor) {
            m_c.role = server ? Role::Server : Role::Client;
            return true;
        }
        const bool envClient = envHas("TOR_PT_CLIENT_TRANSPORTS");
        const bool envServer = envHas("TOR_PT_SERVER_TRANSPORTS");
        if (envClient && envServer)
            return fail(QStringLiteral("TOR_PT_CLIENT_TRANSPORTS and TOR_PT_SERVER_TRANSPORTS are both set"));
        if (!envClient && !envServer)
            return fail(QStringLiteral("neither TOR_PT_CLIENT_TRANSPORTS nor TOR_PT_SERVER_TRANSPORTS is set "
                                       "(or give -transport/-transports)"));
        m_c.role = envServer ? Role::Server : Role::Client;
        if ((client && envServer) || (server && envClient))
            return fail(QStringLiteral("-%1 contradicts %2")
                            .arg(client ? QStringLiteral("client") : QStringLiteral("server"),
                                 envServer ? QStringLiteral("TOR_PT_SERVER_TRANSPORTS")
                                           : QStringLiteral("TOR_PT_CLIENT_TRANSPORTS")));
        return true;
    }

    bool parseTransportList(const QString& text, const QString& origin)
    {
        QStringList list;
        for (const QString& raw : text.split(QLatin1Char(','))) {
            const QString name = raw.trimmed();
            if (name.isEmpty())
                return fail(QStringLiteral("%1: empty transport name in '%2'").arg(origin, text));
            for (QChar c : name) {
                if (c.isSpace() || !c.isPrint())
                    return fail(QStringLiteral("%1: bad transport name '%2'").arg(origin, name));
            }
            if (list.contains(name))
                return fail(QStringLiteral("%1: transport '%2' listed twice").arg(origin, name));
            list.append(name);
        }
        m_c.transports = list;
        return true;
    }

    bool transports()
    {
        if (m_tor) {
            // "*" (all known transports) is kept literally; the caller expands it.
            return m_c.role == Role::Client
                       ? parseTransportList(envValue("TOR_PT_CLIENT_TRANSPORTS"), QStringLiteral("TOR_PT_CLIENT_TRANSPORTS"))
                       : parseTransportList(envValue("TOR_PT_SERVER_TRANSPORTS"), QStringLiteral("TOR_PT_SERVER_TRANSPORTS"));
        }
        if (flag("transport") && flag("transports"))
            return fail(QStringLiteral("-transport and -transports cannot both be set"));
        if (flag("transports"))
            return parseTransportList(value("transports"), QStringLiteral("-transports"));
        if (!flag("transport"))
            return fail(QStringLiteral("no transport given: set -transport or -transports"));
        const QString name = value("transport").trimmed();
        if (name.contains(QLatin1Char(',')))
            return fail(QStringLiteral("-transport takes one name; use -transports for a list"));
        if (name.isEmpty())
            return fail(QStringLiteral("-transport: empty transport name"));
        return parseTransportList(name, QStringLiteral("-transport"));
    }

    bool commonValues()
    {
        if (flag("mode")) {
            const std::optional<ProxyMode> mode = parseProxyMode(value("mode"));
            if (!mode)
                return fail(QStringLiteral("-mode '%1' is not one of transparent-TCP, transparent-UDP, socks5, STUN")
                                .arg(value("mode")));
            m_c.mode = *mode;
        }
        if (flag("ipcLogLevel")) {
            const std::optional<ipc::LogLevel> level = parseLevelName(value("ipcLogLevel"));
            if (!level)
                return fail(QStringLiteral("-ipcLogLevel '%1' is not one of NONE, ERROR, WARN, INFO, DEBUG")
                                .arg(value("ipcLogLevel")));
            m_c.logLevel = *level;
        }

        QString state = QDir(m_cwd).absolutePath();
        if (flag("state")) {
            if (value("state").isEmpty())
                return fail(QStringLiteral("-state: empty path"));
            state = value("state");
        } else if (m_tor && !envValue("TOR_PT_STATE_LOCATION").isEmpty()) {
            state = envValue("TOR_PT_STATE_LOCATION");
        }
        // Relative to the current directory; created later, by whoever first needs it.
        m_c.stateDir = QDir::cleanPath(QDir(m_cwd).absoluteFilePath(state));

        if (flag("exit-on-stdin-close"))
            m_c.exitOnStdinClose = m_f.isTrue(QStringLiteral("exit-on-stdin-close"));
        else if (m_tor)
            m_c.exitOnStdinClose = envValue("TOR_PT_EXIT_ON_STDIN_CLOSE") == QLatin1String("1");
        return true;
    }

    bool intFlag(const char* name, int min, int max, int* out)
    {
        if (!flag(name))
            return true;
        const QString text = value(name);
        bool ok = !text.isEmpty();
        for (QChar c : text)
            ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        const qlonglong v = ok ? text.toLongLong(&ok) : 0;
        if (!ok || v < min || v > max)
            return fail(QStringLiteral("-%1 '%2' must be an integer from %3 to %4")
                            .arg(QLatin1String(name), text).arg(min).arg(max));
        *out = static_cast<int>(v);
        return true;
    }

    bool tuning()
    {
        constexpr int hour = 3600 * 1000;
        return intFlag("handshake-timeout", 1, hour, &m_c.handshakeTimeoutMs)
               && intFlag("connect-timeout", 1, hour, &m_c.connectTimeoutMs)
               && intFlag("max-connections", 1, 1000000, &m_c.maxConnections)
               && intFlag("threads", 1, 256, &m_c.workerThreads)
               && intFlag("udp-idle-timeout", 1, 24 * hour, &m_c.udpIdleTimeoutMs);
    }

    bool crossRole()
    {
        static const char* const clientOnly[] = {"proxylistenaddr", "proxylistenhost", "proxylistenport", "proxy"};
        static const char* const serverOnly[] = {"bindaddr", "bindhost", "bindport", "target",
                                                 "targethost", "targetport", "extorport", "authcookie"};
        if (m_c.role == Role::Server) {
            for (const char* name : clientOnly) {
                if (flag(name))
                    return fail(QStringLiteral("-%1 is a client flag and cannot be used in server mode")
                                    .arg(QLatin1String(name)));
            }
        } else {
            for (const char* name : serverOnly) {
                if (flag(name))
                    return fail(QStringLiteral("-%1 is a server flag and cannot be used in client mode (add -server)")
                                    .arg(QLatin1String(name)));
            }
        }
        return true;
    }

    bool ipAddress(const QString& text, bool allowZeroPort, const QString& what, HostPort* out)
    {
        QString err;
        const std::optional<HostPort> hp = parseHostPort(text, allowZeroPort, &err);
        if (!hp)
            return fail(QStringLiteral("%1: %2").arg(what, err));
        if (!isIpLiteral(hp->host))
            return fail(QStringLiteral("%1: '%2' must be an IP address, not a host name").arg(what, hp->host));
        *out = *hp;
        return true;
    }

    bool anyAddress(const QString& text, const QString& what, HostPort* out)
    {
        QString err;
        const std::optional<HostPort> hp = parseHostPort(text, false, &err);
        if (!hp)
            return fail(QStringLiteral("%1: %2").arg(what, err));
        if (!isIpLiteral(hp->host) && !isValidHostName(hp->host))
            return fail(QStringLiteral("%1: '%2' is neither an IP address nor a valid host name").arg(what, hp->host));
        *out = *hp;
        return true;
    }

    // -proxylistenhost/-bindhost alone: an IP literal, brackets optional for IPv6.
    static QString stripBrackets(const QString& host)
    {
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            return host.mid(1, host.size() - 2);
        return host;
    }

    // host from one flag, port from another.
    bool splitAddress(const char* hostFlag, const char* portFlag, bool ipOnly, bool allowZeroPort, HostPort* out)
    {
        const QString host = stripBrackets(value(hostFlag));
        const QString port = value(portFlag);
        if (ipOnly ? !isIpLiteral(host) : (!isIpLiteral(host) && !isValidHostName(host)))
            return fail(QStringLiteral("-%1: '%2' must be an IP address%3")
                            .arg(QLatin1String(hostFlag), host,
                                 ipOnly ? QStringLiteral(", not a host name") : QStringLiteral(" or a host name")));
        const std::optional<quint16> p = parsePort(port, allowZeroPort);
        if (!p)
            return fail(QStringLiteral("-%1: bad port '%2' (must be %3..65535)")
                            .arg(QLatin1String(portFlag), port, allowZeroPort ? QStringLiteral("0") : QStringLiteral("1")));
        out->host = host;
        out->port = *p;
        return true;
    }

    bool client()
    {
        if (!single("proxylistenaddr") || !single("proxylistenhost") || !single("proxylistenport"))
            return false;
        if (flag("proxylistenaddr") && (flag("proxylistenhost") || flag("proxylistenport")))
            return fail(QStringLiteral("-proxylistenaddr cannot be combined with -proxylistenhost/-proxylistenport"));
        if (flag("proxylistenhost") && !flag("proxylistenport"))
            return fail(QStringLiteral("-proxylistenhost requires -proxylistenport"));
        if (flag("proxylistenport") && !flag("proxylistenhost"))
            return fail(QStringLiteral("-proxylistenport requires -proxylistenhost"));
        HostPort listen;
        if (flag("proxylistenaddr")) {
            if (!ipAddress(value("proxylistenaddr"), true, QStringLiteral("-proxylistenaddr"), &listen))
                return false;
            m_c.proxyListen = listen;
        } else if (flag("proxylistenhost")) {
            if (!splitAddress("proxylistenhost", "proxylistenport", true, true, &listen))
                return false;
            m_c.proxyListen = listen;
        }

        if (flag("proxy")) {
            m_proxyUri = value("proxy");
            m_proxyOrigin = QStringLiteral("-proxy");
        } else if (m_tor && !envValue("TOR_PT_PROXY").isEmpty()) {
            m_proxyUri = envValue("TOR_PT_PROXY");
            m_proxyOrigin = QStringLiteral("TOR_PT_PROXY");
        }
        return true;
    }

    // "name-addr:port,name-addr:port". strict: keys must be listed transports, in the
    // order of -transports (Tor's own lists are trusted and extra keys ignored).
    bool bindAddrList(const QString& text, const QString& origin, bool strict)
    {
        int lastIndex = -1;
        for (const QString& raw : text.split(QLatin1Char(','))) {
            const QString item = raw.trimmed();
            if (item.isEmpty())
                return fail(QStringLiteral("%1: empty entry in '%2'").arg(origin, text));
            // Prefer the split that names a listed transport, so names with '-' work.
            int dash = -1;
            for (int i = item.indexOf(QLatin1Char('-')); i >= 0; i = item.indexOf(QLatin1Char('-'), i + 1)) {
                if (m_c.transports.contains(item.left(i))) {
                    dash = i;
                    break;
                }
            }
            if (dash < 0)
                dash = item.indexOf(QLatin1Char('-'));
            if (dash <= 0)
                return fail(QStringLiteral("%1: '%2' is not <transport>-<address>:<port>").arg(origin, item));
            const QString name = item.left(dash);
            HostPort hp;
            if (!ipAddress(item.mid(dash + 1), true, origin, &hp))
                return false;
            if (m_c.bindAddrs.contains(name))
                return fail(QStringLiteral("%1: transport '%2' given more than once").arg(origin, name));
            const int index = m_c.transports.indexOf(name);
            if (index < 0) {
                if (strict)
                    return fail(QStringLiteral("%1: '%2' is not a transport listed in -transports").arg(origin, name));
                continue;
            }
            if (strict && index < lastIndex)
                return fail(QStringLiteral("%1: transports must be in the same order as in -transports ('%2')")
                                .arg(origin, name));
            lastIndex = index;
            m_c.bindAddrs.insert(name, hp);
        }
        return true;
    }

    bool bindAddresses()
    {
        if (!single("bindhost") || !single("bindport"))
            return false;
        if (flag("bindaddr")) {
            if (flag("bindhost") || flag("bindport"))
                return fail(QStringLiteral("-bindaddr cannot be combined with -bindhost/-bindport"));
            if (flag("transport"))
                return fail(QStringLiteral("-bindaddr cannot be combined with -transport (use -transports)"));
            return bindAddrList(value("bindaddr"), QStringLiteral("-bindaddr"), true);
        }
        if (flag("bindhost") || flag("bindport")) {
            const char* given = flag("bindhost") ? "bindhost" : "bindport";
            if (!flag("transport"))
                return fail(QStringLiteral("-%1 requires -transport (a single transport) with -bindhost and -bindport")
                                .arg(QLatin1String(given)));
            if (!flag("bindport"))
                return fail(QStringLiteral("-bindhost requires -bindport"));
            if (!flag("bindhost"))
                return fail(QStringLiteral("-bindport requires -bindhost"));
            HostPort hp;
            if (!splitAddress("bindhost", "bindport", true, true, &hp))
                return false;
            m_c.bindAddrs.insert(m_c.transports.first(), hp);
            return true;
        }
        if (m_tor) {
            const QString list = envValue("TOR_PT_SERVER_BINDADDR");
            if (!list.isEmpty() && !bindAddrList(list, QStringLiteral("TOR_PT_SERVER_BINDADDR"), false))
                return false;
            // Tor lets the PT choose for transports it gave no address.
            for (const QString& t : m_c.transports) {
                if (!m_c.bindAddrs.contains(t))
                    m_c.bindAddrs.insert(t, HostPort{QStringLiteral("127.0.0.1"), 0});
            }
            return true;
        }
        return fail(QStringLiteral("server mode needs a bind address: -bindaddr, or -transport with -bindhost "
                                   "and -bindport"));
    }

    bool server()
    {
        if (!bindAddresses())
            return false;

        if (flag("target") && (flag("targethost") || flag("targetport")))
            return fail(QStringLiteral("-target cannot be combined with -targethost/-targetport"));
        if (flag("targethost") && !flag("targetport"))
            return fail(QStringLiteral("-targethost requires -targetport"));
        if (flag("targetport") && !flag("targethost"))
            return fail(QStringLiteral("-targetport requires -targethost"));
        HostPort target;
        if (flag("target")) {
            if (!anyAddress(value("target"), QStringLiteral("-target"), &target))
                return false;
            m_c.target = target;
        } else if (flag("targethost")) {
            if (!splitAddress("targethost", "targetport", false, false, &target))
                return false;
            m_c.target = target;
        } else if (m_tor && !envValue("TOR_PT_ORPORT").isEmpty()) {
            if (!anyAddress(envValue("TOR_PT_ORPORT"), QStringLiteral("TOR_PT_ORPORT"), &target))
                return false;
            m_c.target = target;
        }

        QString extOr = value("extorport");
        QString extOrOrigin = QStringLiteral("-extorport");
        QString cookie = value("authcookie");
        if (flag("authcookie") && !flag("extorport"))
            return fail(QStringLiteral("-authcookie requires -extorport"));
        if (m_tor && !flag("extorport") && !envValue("TOR_PT_EXTENDED_SERVER_PORT").isEmpty()) {
            // Tor sets TOR_PT_EXTENDED_SERVER_PORT empty when it has no ExtORPort.
            extOr = envValue("TOR_PT_EXTENDED_SERVER_PORT");
            extOrOrigin = QStringLiteral("TOR_PT_EXTENDED_SERVER_PORT");
            if (!flag("authcookie"))
                cookie = envValue("TOR_PT_AUTH_COOKIE_FILE");
        }
        if (!extOr.isEmpty() || flag("extorport")) {
            HostPort hp;
            if (!anyAddress(extOr, extOrOrigin, &hp))
                return false;
            if (cookie.isEmpty())
                return fail(extOrOrigin == QLatin1String("-extorport")
                                ? QStringLiteral("No -authcookie when -extorport set")
                                : QStringLiteral("No TOR_PT_AUTH_COOKIE_FILE when TOR_PT_EXTENDED_SERVER_PORT set"));
            m_c.extOrPort = hp;
            m_c.authCookieFile = QDir::cleanPath(QDir(m_cwd).absoluteFilePath(cookie));
        }

        if (!m_c.target && !m_c.extOrPort)
            return fail(m_tor ? QStringLiteral("server mode needs TOR_PT_ORPORT or TOR_PT_EXTENDED_SERVER_PORT")
                              : QStringLiteral("server mode needs -target (or -targethost and -targetport) or -extorport"));
        return true;
    }

    bool options()
    {
        if (flag("options") && flag("optionsFile"))
            return fail(QStringLiteral("-options and -optionsFile cannot both be set"));
        QString err;
        if (flag("optionsFile")) {
            const QString path = QDir(m_cwd).absoluteFilePath(value("optionsFile"));
            QFile file(path);
            if (value("optionsFile").isEmpty() || !file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("-optionsFile: cannot read '%1': %2").arg(path, file.errorString()));
            if (file.size() > kMaxOptionsFileBytes)
                return fail(QStringLiteral("-optionsFile: '%1' is larger than 1 MiB").arg(path));
            const QString text = QString::fromUtf8(file.readAll());
            const auto opts = parseTransportOptions(text, m_c.transports, &err);
            if (!opts)
                return fail(QStringLiteral("-optionsFile '%1': %2").arg(path, err));
            m_c.options = *opts;
        } else if (flag("options")) {
            const auto opts = parseTransportOptions(value("options"), m_c.transports, &err);
            if (!opts)
                return fail(QStringLiteral("-options: %1").arg(err));
            m_c.options = *opts;
        } else if (m_tor && m_c.role == Role::Server && envHas("TOR_PT_SERVER_TRANSPORT_OPTIONS")) {
            const auto opts = parseTorServerTransportOptions(envValue("TOR_PT_SERVER_TRANSPORT_OPTIONS"), &err);
            if (!opts)
                return fail(QStringLiteral("TOR_PT_SERVER_TRANSPORT_OPTIONS: %1").arg(err));
            m_c.options = *opts;
        }
        return true;
    }

    const ParsedFlags& m_f;
    const QProcessEnvironment& m_env;
    const QString m_cwd;
    const bool m_tor;
    Config& m_c;
    QString m_error;
    QString m_proxyUri;
    QString m_proxyOrigin;
};

} // namespace

ConfigResult parseConfig(const QStringList& args, const QProcessEnvironment& env, const QString& currentDir)
{
    const ParsedFlags f = flags::tokenizeFlags(args);
    ConfigResult r;
    // Help and version requests answer the person at the terminal, whatever else is wrong.
    if (f.isTrue(QStringLiteral("help"))) {
        r.status = ConfigResult::Status::Help;
        return r;
    }
    if (f.isTrue(QStringLiteral("version"))) {
        r.status = ConfigResult::Status::Version;
        return r;
    }
    // An extension for parents (the GUI): the transports and their options as JSON. Like
    // -help and -version it answers whatever else is on the command line, which it
    // ignores, and prints no IPC line (its stdout is one JSON document).
    if (f.isTrue(QStringLiteral("describe-transports"))) {
        r.status = ConfigResult::Status::DescribeTransports;
        return r;
    }

    // -check: a one-shot test of one bridge (dispatcher/core/Check). No IPC: its
    // answer is one CHECK line, so its own flags are validated here and every other
    // flag is refused rather than silently ignored.
    if (f.has(QStringLiteral("check"))) {
        auto invalid = [&r](const QString& why) {
            r.status = ConfigResult::Status::CheckInvalid;
            r.message = why;
            return r;
        };
        if (!f.firstError.isEmpty())
            return invalid(f.firstError);
        for (auto it = f.values.cbegin(); it != f.values.cend(); ++it) {
            static const QStringList allowed = {QStringLiteral("check"), QStringLiteral("check-timeout"),
                                                QStringLiteral("proxy")};
            if (!allowed.contains(it.key()))
                return invalid(QStringLiteral("-%1 cannot be used with -check").arg(it.key()));
            if (it.value().size() > 1)
                return invalid(QStringLiteral("-%1 given more than once").arg(it.key()));
        }
        r.config.checkLine = f.last(QStringLiteral("check"));
        if (r.config.checkLine.trimmed().isEmpty())
            return invalid(QStringLiteral("-check needs a bridge line or an ss:// link"));
        if (f.has(QStringLiteral("check-timeout"))) {
            const QString t = f.last(QStringLiteral("check-timeout"));
            bool ok = false;
            const int seconds = t.toInt(&ok);
            if (!ok || seconds < 1 || seconds > 300)
                return invalid(QStringLiteral("-check-timeout \"%1\" is not a whole number of seconds from 1 to 300").arg(t));
            r.config.checkTimeoutSeconds = seconds;
        }
        if (f.has(QStringLiteral("proxy"))) {
            QString perr;
            const std::optional<UpstreamProxy> proxy = parseUpstreamProxy(f.last(QStringLiteral("proxy")), &perr);
            if (!proxy)
                return invalid(QStringLiteral("-proxy: ") + perr);
            r.config.proxy = proxy;
        }
        r.status = ConfigResult::Status::Check;
        return r;
    }

    // Tor mode: Tor speaks PT 1.0 through TOR_PT_* and passes no flags; a parent that
    // names transports or -ptversion on the command line is a 3.0 parent even if it
    // happens to run inside Tor's environment.
    const bool torMode = env.contains(QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER")) && !f.has(QStringLiteral("transport"))
                         && !f.has(QStringLiteral("transports")) && !f.has(QStringLiteral("ptversion"));
    QString err;
    if (torMode) {
        if (!negotiateVersion(env.value(QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER")), kTorVersion, &err)) {
            r.status = ConfigResult::Status::VersionError;
            r.message = err;
            return r;
        }
        r.negotiatedVersion = kTorVersion;
    } else {
        if (f.has(QStringLiteral("ptversion"))
            && !negotiateVersion(f.last(QStringLiteral("ptversion")), kVersion3, &err)) {
            r.status = ConfigResult::Status::VersionError;
            r.message = err;
            return r;
        }
        r.negotiatedVersion = kVersion3;
    }
    r.config.ipcVersion = r.negotiatedVersion;
    r.config.torMode = torMode;

    if (!f.firstError.isEmpty()) {
        r.status = ConfigResult::Status::EnvError;
        r.message = f.firstError;
        return r;
    }
    if (f.has(QStringLiteral("check-timeout"))) {
        r.status = ConfigResult::Status::EnvError;
        r.message = QStringLiteral("-check-timeout is only for -check");
        return r;
    }
    Validator v(f, env, currentDir, torMode, r.config);
    if (!v.run()) {
        r.status = ConfigResult::Status::EnvError;
        r.message = v.error();
        return r;
    }
    if (!v.proxyOrigin().isEmpty()) {
        const std::optional<UpstreamProxy> proxy = parseUpstreamProxy(v.proxyUri(), &err);
        if (!proxy) {
            r.status = ConfigResult::Status::ProxyError;
            r.message = QStringLiteral("%1: %2").arg(v.proxyOrigin(), err);
            return r;
        }
        r.config.proxy = proxy;
    }
    return r;
}

QString usageText()
{
    const Config d;
    return QStringLiteral(
               "Usage: ptdispatcher [flags]   (Dispatcher IPC 3.0; or run by Tor with TOR_PT_* set)\n"
               "Flags take the form -name value, -name=value, --name value or --name=value.\n"
               "\n"
               "Common flags:\n"
               "  -ptversion <list>        versions the parent speaks, comma separated (default: 3.0)\n"
               "  -transport <name>        the one transport to run\n"
               "  -transports <a,b,...>    several transports (not together with -transport)\n"
               "  -state <dir>             state directory, relative to the current one (default: .)\n"
               "  -exit-on-stdin-close     exit when stdin is closed (default: false)\n"
               "  -ipcLogLevel <level>     NONE, ERROR, WARN, INFO or DEBUG (default: NONE)\n"
               "  -options <json>          transport options: {name: {...}} or, with one transport, {...}\n"
               "  -optionsFile <path>      read the options from a file (not together with -options)\n"
               "  -mode <mode>             socks5, transparent-TCP, transparent-UDP or STUN (default: socks5)\n"
               "  -help, -h                show this text\n"
               "  -version                 show the program version\n"
               "  -describe-transports     print the transports, their roles and options as JSON, exit 0\n"
               "  -check <bridge line or ss:// link>   dial the bridge, complete the transport's handshake,\n"
               "                           print CHECK OK ... (exit 0) or CHECK-ERROR <code> <detail> (exit 1;\n"
               "                           64 for a bad line); only with -proxy and -check-timeout <s> (1..300, 15)\n"
               "\n"
               "Client flags (default role):\n"
               "  -client                  run as a client\n"
               "  -proxylistenaddr <ip:port>   where to listen for the application (default: 127.0.0.1, any port)\n"
               "  -proxylistenhost <ip>    the same, in two parts, with -proxylistenport <port>\n"
               "  -proxy <uri>             upstream proxy: socks5://[user:pass@]ip:port, socks4a://[user@]ip:port,\n"
               "                           http://[user:pass@]ip:port\n"
               "\n"
               "Server flags:\n"
               "  -server                  run as a server\n"
               "  -bindaddr <t-ip:port,...>    listen address per transport, in -transports order\n"
               "  -bindhost <ip> -bindport <port>  the same for the single -transport\n"
               "  -target <host:port>      where to forward (or -targethost <host> -targetport <port>)\n"
               "  -extorport <host:port>   forward through Tor's Extended ORPort instead\n"
               "  -authcookie <path>       the Extended ORPort auth cookie file (required with -extorport)\n"
               "\n"
               "Tuning flags:\n"
               "  -handshake-timeout <ms>  handshake time limit per connection (default: %1)\n"
               "  -connect-timeout <ms>    outgoing connect time limit (default: %2)\n"
               "  -max-connections <n>     concurrent connections per process (default: %3)\n"
               "  -threads <n>             worker threads, 1..256 (default: number of cores)\n"
               "  -udp-idle-timeout <ms>   idle UDP sessions are dropped after this (default: %4)\n")
        .arg(d.handshakeTimeoutMs)
        .arg(d.connectTimeoutMs)
        .arg(d.maxConnections)
        .arg(d.udpIdleTimeoutMs);
}

} // namespace pt
