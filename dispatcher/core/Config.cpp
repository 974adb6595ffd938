// parseConfig(): Dispatcher IPC 3.0 section 1.1 flags or Tor's TOR_PT_* environment,
// validated in the order of section 1.2: version, then everything else (ENV-ERROR),
// then the upstream proxy (PROXY-ERROR).

#include "dispatcher/core/Config.h"
#include "dispatcher/core/FlagTokenizer.h"
#include "shared/flags/Flags.h"

#include <QDir>
#include <QFile>

namespace pt {

namespace {

using flags::dashed;
using flags::Flag;
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
    if (items.contains(wanted)) return true;
    *error = QStringLiteral("no-version");
    return false;
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
        return role() && transports() && commonValues() && tuning() && crossRole() &&
               (m_c.role == Role::Client ? client() : server()) && options();
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
    bool flag(Flag f) const { return m_f.has(f); }
    QString value(Flag f) const { return m_f.last(f); }
    QString envValue(const char* name) const { return m_env.value(QLatin1String(name)); }
    bool envHas(const char* name) const { return m_env.contains(QLatin1String(name)); }

    // "Applications MUST NOT set more than one ...": a repeat is an error, not "last wins".
    bool single(Flag f)
    {
        if (m_f.count(f) > 1) return fail(QStringLiteral("%1 given more than once").arg(dashed(f)));
        return true;
    }

    bool role()
    {
        const bool client = m_f.isTrue(Flag::Client);
        const bool server = m_f.isTrue(Flag::Server);
        if (client && server)
            return fail(QStringLiteral("%1 and %2 cannot both be set")
                            .arg(dashed(Flag::Client), dashed(Flag::Server)));
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
                                       "(or give %1/%2)")
                            .arg(dashed(Flag::Transport), dashed(Flag::Transports)));
        m_c.role = envServer ? Role::Server : Role::Client;
        if ((client && envServer) || (server && envClient))
            return fail(QStringLiteral("%1 contradicts %2")
                            .arg(dashed(client ? Flag::Client : Flag::Server),
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
            return m_c.role == Role::Client ? parseTransportList(envValue("TOR_PT_CLIENT_TRANSPORTS"),
                                                                 QStringLiteral("TOR_PT_CLIENT_TRANSPORTS"))
                                            : parseTransportList(envValue("TOR_PT_SERVER_TRANSPORTS"),
                                                                 QStringLiteral("TOR_PT_SERVER_TRANSPORTS"));
        }
        if (flag(Flag::Transport) && flag(Flag::Transports))
            return fail(QStringLiteral("%1 and %2 cannot both be set")
                            .arg(dashed(Flag::Transport), dashed(Flag::Transports)));
        if (flag(Flag::Transports))
            return parseTransportList(value(Flag::Transports), dashed(Flag::Transports));
        if (!flag(Flag::Transport))
            return fail(QStringLiteral("no transport given: set %1 or %2")
                            .arg(dashed(Flag::Transport), dashed(Flag::Transports)));
        const QString name = value(Flag::Transport).trimmed();
        if (name.contains(QLatin1Char(',')))
            return fail(QStringLiteral("%1 takes one name; use %2 for a list")
                            .arg(dashed(Flag::Transport), dashed(Flag::Transports)));
        if (name.isEmpty())
            return fail(QStringLiteral("%1: empty transport name").arg(dashed(Flag::Transport)));
        return parseTransportList(name, dashed(Flag::Transport));
    }

    bool commonValues()
    {
        if (flag(Flag::Mode)) {
            const std::optional<ProxyMode> mode = parseProxyMode(value(Flag::Mode));
            if (!mode)
                return fail(QStringLiteral("%1 '%2' is not one of %3")
                                .arg(dashed(Flag::Mode), value(Flag::Mode),
                                     ipc::proxyModeNames().join(QStringLiteral(", "))));
            m_c.mode = *mode;
        }
        if (flag(Flag::IpcLogLevel)) {
            const std::optional<ipc::LogLevel> level = ipc::parseLogLevel(value(Flag::IpcLogLevel));
            if (!level)
                return fail(QStringLiteral("%1 '%2' is not one of %3")
                                .arg(dashed(Flag::IpcLogLevel), value(Flag::IpcLogLevel),
                                     ipc::logLevelNames().join(QStringLiteral(", "))));
            m_c.logLevel = *level;
        }

        QString state = QDir(m_cwd).absolutePath();
        if (flag(Flag::State)) {
            if (value(Flag::State).isEmpty())
                return fail(QStringLiteral("%1: empty path").arg(dashed(Flag::State)));
            state = value(Flag::State);
        } else if (m_tor && !envValue("TOR_PT_STATE_LOCATION").isEmpty()) {
            state = envValue("TOR_PT_STATE_LOCATION");
        }
        // Relative to the current directory; created later, by whoever first needs it.
        m_c.stateDir = QDir::cleanPath(QDir(m_cwd).absoluteFilePath(state));

        if (flag(Flag::ExitOnStdinClose))
            m_c.exitOnStdinClose = m_f.isTrue(Flag::ExitOnStdinClose);
        else if (m_tor)
            m_c.exitOnStdinClose = envValue("TOR_PT_EXIT_ON_STDIN_CLOSE") == QLatin1String("1");
        return true;
    }

    bool intFlag(Flag f, int min, int max, int* out)
    {
        if (!flag(f)) return true;
        const QString text = value(f);
        bool ok = !text.isEmpty();
        for (QChar c : text)
            ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        const qlonglong v = ok ? text.toLongLong(&ok) : 0;
        if (!ok || v < min || v > max)
            return fail(QStringLiteral("%1 '%2' must be an integer from %3 to %4")
                            .arg(dashed(f), text)
                            .arg(min)
                            .arg(max));
        *out = static_cast<int>(v);
        return true;
    }

    bool tuning()
    {
        constexpr int hour = 3600 * 1000;
        return intFlag(Flag::HandshakeTimeout, 1, hour, &m_c.handshakeTimeoutMs) &&
               intFlag(Flag::ConnectTimeout, 1, hour, &m_c.connectTimeoutMs) &&
               intFlag(Flag::MaxConnections, 1, 1000000, &m_c.maxConnections) &&
               intFlag(Flag::Threads, 1, 256, &m_c.workerThreads) &&
               intFlag(Flag::UdpIdleTimeout, 1, 24 * hour, &m_c.udpIdleTimeoutMs);
    }

    bool crossRole()
    {
        // The flags of the other role's group; role() has already settled -client/-server.
        for (const flags::FlagInfo& f : flags::table()) {
            if (!flag(f.flag) || f.flag == Flag::Client || f.flag == Flag::Server) continue;
            if (m_c.role == Role::Server && f.group == flags::Group::Client)
                return fail(QStringLiteral("%1 is a client flag and cannot be used in server mode")
                                .arg(dashed(f.flag)));
            if (m_c.role == Role::Client && f.group == flags::Group::Server)
                return fail(QStringLiteral("%1 is a server flag and cannot be used in client mode (add %2)")
                                .arg(dashed(f.flag), dashed(Flag::Server)));
        }
        return true;
    }

    bool ipAddress(const QString& text, bool allowZeroPort, const QString& what, HostPort* out)
    {
        QString err;
        const std::optional<HostPort> hp = parseHostPort(text, allowZeroPort, &err);
        if (!hp) return fail(QStringLiteral("%1: %2").arg(what, err));
        if (!isIpLiteral(hp->host))
            return fail(
                QStringLiteral("%1: '%2' must be an IP address, not a host name").arg(what, hp->host));
        *out = *hp;
        return true;
    }

    bool anyAddress(const QString& text, const QString& what, HostPort* out)
    {
        QString err;
        const std::optional<HostPort> hp = parseHostPort(text, false, &err);
        if (!hp) return fail(QStringLiteral("%1: %2").arg(what, err));
        if (!isIpLiteral(hp->host) && !isValidHostName(hp->host))
            return fail(QStringLiteral("%1: '%2' is neither an IP address nor a valid host name")
                            .arg(what, hp->host));
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

    // Two flags that go together: "-a requires -b" for whichever is missing.
    bool pair(Flag a, Flag b)
    {
        if (flag(a) && !flag(b)) return fail(QStringLiteral("%1 requires %2").arg(dashed(a), dashed(b)));
        if (flag(b) && !flag(a)) return fail(QStringLiteral("%1 requires %2").arg(dashed(b), dashed(a)));
        return true;
    }

    // host from one flag, port from another.
    bool splitAddress(Flag hostFlag, Flag portFlag, bool ipOnly, bool allowZeroPort, HostPort* out)
    {
        const QString host = stripBrackets(value(hostFlag));
        const QString port = value(portFlag);
        if (ipOnly ? !isIpLiteral(host) : (!isIpLiteral(host) && !isValidHostName(host)))
            return fail(
                QStringLiteral("%1: '%2' must be an IP address%3")
                    .arg(dashed(hostFlag), host,
                         ipOnly ? QStringLiteral(", not a host name") : QStringLiteral(" or a host name")));
        const std::optional<quint16> p = parsePort(port, allowZeroPort);
        if (!p)
            return fail(
                QStringLiteral("%1: bad port '%2' (must be %3..65535)")
                    .arg(dashed(portFlag), port, allowZeroPort ? QStringLiteral("0") : QStringLiteral("1")));
        out->host = host;
        out->port = *p;
        return true;
    }

    bool client()
    {
        if (!single(Flag::ProxyListenAddr) || !single(Flag::ProxyListenHost) ||
            !single(Flag::ProxyListenPort))
            return false;
        if (flag(Flag::ProxyListenAddr) && (flag(Flag::ProxyListenHost) || flag(Flag::ProxyListenPort)))
            return fail(QStringLiteral("%1 cannot be combined with %2/%3")
                            .arg(dashed(Flag::ProxyListenAddr), dashed(Flag::ProxyListenHost),
                                 dashed(Flag::ProxyListenPort)));
        if (!pair(Flag::ProxyListenHost, Flag::ProxyListenPort)) return false;
        HostPort listen;
        if (flag(Flag::ProxyListenAddr)) {
            if (!ipAddress(value(Flag::ProxyListenAddr), true, dashed(Flag::ProxyListenAddr), &listen))
                return false;
            m_c.proxyListen = listen;
        } else if (flag(Flag::ProxyListenHost)) {
            if (!splitAddress(Flag::ProxyListenHost, Flag::ProxyListenPort, true, true, &listen))
                return false;
            m_c.proxyListen = listen;
        }

        if (flag(Flag::Proxy)) {
            m_proxyUri = value(Flag::Proxy);
            m_proxyOrigin = dashed(Flag::Proxy);
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
            if (item.isEmpty()) return fail(QStringLiteral("%1: empty entry in '%2'").arg(origin, text));
            // Prefer the split that names a listed transport, so names with '-' work.
            int dash = -1;
            for (int i = item.indexOf(QLatin1Char('-')); i >= 0; i = item.indexOf(QLatin1Char('-'), i + 1)) {
                if (m_c.transports.contains(item.left(i))) {
                    dash = i;
                    break;
                }
            }
            if (dash < 0) dash = item.indexOf(QLatin1Char('-'));
            if (dash <= 0)
                return fail(QStringLiteral("%1: '%2' is not <transport>-<address>:<port>").arg(origin, item));
            const QString name = item.left(dash);
            HostPort hp;
            if (!ipAddress(item.mid(dash + 1), true, origin, &hp)) return false;
            if (m_c.bindAddrs.contains(name))
                return fail(QStringLiteral("%1: transport '%2' given more than once").arg(origin, name));
            const int index = m_c.transports.indexOf(name);
            if (index < 0) {
                if (strict)
                    return fail(QStringLiteral("%1: '%2' is not a transport listed in %3")
                                    .arg(origin, name, dashed(Flag::Transports)));
                continue;
            }
            if (strict && index < lastIndex)
                return fail(QStringLiteral("%1: transports must be in the same order as in %2 ('%3')")
                                .arg(origin, dashed(Flag::Transports), name));
            lastIndex = index;
            m_c.bindAddrs.insert(name, hp);
        }
        return true;
    }

    bool bindAddresses()
    {
        if (!single(Flag::BindHost) || !single(Flag::BindPort)) return false;
        if (flag(Flag::BindAddr)) {
            if (flag(Flag::BindHost) || flag(Flag::BindPort))
                return fail(QStringLiteral("%1 cannot be combined with %2/%3")
                                .arg(dashed(Flag::BindAddr), dashed(Flag::BindHost), dashed(Flag::BindPort)));
            if (flag(Flag::Transport))
                return fail(
                    QStringLiteral("%1 cannot be combined with %2 (use %3)")
                        .arg(dashed(Flag::BindAddr), dashed(Flag::Transport), dashed(Flag::Transports)));
            return bindAddrList(value(Flag::BindAddr), dashed(Flag::BindAddr), true);
        }
        if (flag(Flag::BindHost) || flag(Flag::BindPort)) {
            const Flag given = flag(Flag::BindHost) ? Flag::BindHost : Flag::BindPort;
            if (!flag(Flag::Transport))
                return fail(QStringLiteral("%1 requires %2 (a single transport) with %3 and %4")
                                .arg(dashed(given), dashed(Flag::Transport), dashed(Flag::BindHost),
                                     dashed(Flag::BindPort)));
            if (!pair(Flag::BindHost, Flag::BindPort)) return false;
            HostPort hp;
            if (!splitAddress(Flag::BindHost, Flag::BindPort, true, true, &hp)) return false;
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
        return fail(QStringLiteral("server mode needs a bind address: %1, or %2 with %3 and %4")
                        .arg(dashed(Flag::BindAddr), dashed(Flag::Transport), dashed(Flag::BindHost),
                             dashed(Flag::BindPort)));
    }

    bool server()
    {
        if (!bindAddresses()) return false;

        if (flag(Flag::Target) && (flag(Flag::TargetHost) || flag(Flag::TargetPort)))
            return fail(QStringLiteral("%1 cannot be combined with %2/%3")
                            .arg(dashed(Flag::Target), dashed(Flag::TargetHost), dashed(Flag::TargetPort)));
        if (!pair(Flag::TargetHost, Flag::TargetPort)) return false;
        HostPort target;
        if (flag(Flag::Target)) {
            if (!anyAddress(value(Flag::Target), dashed(Flag::Target), &target)) return false;
            m_c.target = target;
        } else if (flag(Flag::TargetHost)) {
            if (!splitAddress(Flag::TargetHost, Flag::TargetPort, false, false, &target)) return false;
            m_c.target = target;
        } else if (m_tor && !envValue("TOR_PT_ORPORT").isEmpty()) {
            if (!anyAddress(envValue("TOR_PT_ORPORT"), QStringLiteral("TOR_PT_ORPORT"), &target))
                return false;
            m_c.target = target;
        }

        QString extOr = value(Flag::ExtOrPort);
        QString extOrOrigin = dashed(Flag::ExtOrPort);
        QString cookie = value(Flag::AuthCookie);
        if (flag(Flag::AuthCookie) && !flag(Flag::ExtOrPort))
            return fail(
                QStringLiteral("%1 requires %2").arg(dashed(Flag::AuthCookie), dashed(Flag::ExtOrPort)));
        if (m_tor && !flag(Flag::ExtOrPort) && !envValue("TOR_PT_EXTENDED_SERVER_PORT").isEmpty()) {
            // Tor sets TOR_PT_EXTENDED_SERVER_PORT empty when it has no ExtORPort.
            extOr = envValue("TOR_PT_EXTENDED_SERVER_PORT");
            extOrOrigin = QStringLiteral("TOR_PT_EXTENDED_SERVER_PORT");
            if (!flag(Flag::AuthCookie)) cookie = envValue("TOR_PT_AUTH_COOKIE_FILE");
        }
        if (!extOr.isEmpty() || flag(Flag::ExtOrPort)) {
            HostPort hp;
            if (!anyAddress(extOr, extOrOrigin, &hp)) return false;
            if (cookie.isEmpty())
                return fail(
                    flag(Flag::ExtOrPort)
                        ? QStringLiteral("No %1 when %2 set")
                              .arg(dashed(Flag::AuthCookie), dashed(Flag::ExtOrPort))
                        : QStringLiteral("No TOR_PT_AUTH_COOKIE_FILE when TOR_PT_EXTENDED_SERVER_PORT set"));
            m_c.extOrPort = hp;
            m_c.authCookieFile = QDir::cleanPath(QDir(m_cwd).absoluteFilePath(cookie));
        }

        if (!m_c.target && !m_c.extOrPort)
            return fail(m_tor
                            ? QStringLiteral("server mode needs TOR_PT_ORPORT or TOR_PT_EXTENDED_SERVER_PORT")
                            : QStringLiteral("server mode needs %1 (or %2 and %3) or %4")
                                  .arg(dashed(Flag::Target), dashed(Flag::TargetHost),
                                       dashed(Flag::TargetPort), dashed(Flag::ExtOrPort)));
        return true;
    }

    bool options()
    {
        if (flag(Flag::Options) && flag(Flag::OptionsFile))
            return fail(QStringLiteral("%1 and %2 cannot both be set")
                            .arg(dashed(Flag::Options), dashed(Flag::OptionsFile)));
        QString err;
        if (flag(Flag::OptionsFile)) {
            const QString path = QDir(m_cwd).absoluteFilePath(value(Flag::OptionsFile));
            QFile file(path);
            if (value(Flag::OptionsFile).isEmpty() || !file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("%1: cannot read '%2': %3")
                                .arg(dashed(Flag::OptionsFile), path, file.errorString()));
            if (file.size() > kMaxOptionsFileBytes)
                return fail(
                    QStringLiteral("%1: '%2' is larger than 1 MiB").arg(dashed(Flag::OptionsFile), path));
            const QString text = QString::fromUtf8(file.readAll());
            const auto opts = parseTransportOptions(text, m_c.transports, &err);
            if (!opts) return fail(QStringLiteral("%1 '%2': %3").arg(dashed(Flag::OptionsFile), path, err));
            m_c.options = *opts;
        } else if (flag(Flag::Options)) {
            const auto opts = parseTransportOptions(value(Flag::Options), m_c.transports, &err);
            if (!opts) return fail(QStringLiteral("%1: %2").arg(dashed(Flag::Options), err));
            m_c.options = *opts;
        } else if (m_tor && m_c.role == Role::Server && envHas("TOR_PT_SERVER_TRANSPORT_OPTIONS")) {
            const auto opts =
                parseTorServerTransportOptions(envValue("TOR_PT_SERVER_TRANSPORT_OPTIONS"), &err);
            if (!opts) return fail(QStringLiteral("TOR_PT_SERVER_TRANSPORT_OPTIONS: %1").arg(err));
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
    if (f.isTrue(Flag::Help)) {
        r.status = ConfigResult::Status::Help;
        return r;
    }
    if (f.isTrue(Flag::Version)) {
        r.status = ConfigResult::Status::Version;
        return r;
    }
    // An extension for parents (the GUI): the transports and their options as JSON. Like
    // -help and -version it answers whatever else is on the command line, which it
    // ignores, and prints no IPC line (its stdout is one JSON document).
    if (f.isTrue(Flag::DescribeTransports)) {
        r.status = ConfigResult::Status::DescribeTransports;
        return r;
    }

    // -check: a one-shot test of one bridge (dispatcher/core/Check). No IPC: its
    // answer is one CHECK line, so its own flags are validated here and every other
    // flag is refused rather than silently ignored.
    if (f.has(Flag::Check)) {
        auto invalid = [&r](const QString& why) {
            r.status = ConfigResult::Status::CheckInvalid;
            r.message = why;
            return r;
        };
        if (!f.firstError.isEmpty()) return invalid(f.firstError);
        for (auto it = f.values.cbegin(); it != f.values.cend(); ++it) {
            if (it.key() != Flag::Check && it.key() != Flag::CheckTimeout && it.key() != Flag::Proxy)
                return invalid(
                    QStringLiteral("%1 cannot be used with %2").arg(dashed(it.key()), dashed(Flag::Check)));
            if (it.value().size() > 1)
                return invalid(QStringLiteral("%1 given more than once").arg(dashed(it.key())));
        }
        r.config.checkLine = f.last(Flag::Check);
        if (r.config.checkLine.trimmed().isEmpty())
            return invalid(
                QStringLiteral("%1 needs a bridge line or an ss:// link").arg(dashed(Flag::Check)));
        if (f.has(Flag::CheckTimeout)) {
            const QString t = f.last(Flag::CheckTimeout);
            bool ok = false;
            const int seconds = t.toInt(&ok);
            if (!ok || seconds < 1 || seconds > 300)
                return invalid(QStringLiteral("%1 \"%2\" is not a whole number of seconds from 1 to 300")
                                   .arg(dashed(Flag::CheckTimeout), t));
            r.config.checkTimeoutSeconds = seconds;
        }
        if (f.has(Flag::Proxy)) {
            QString perr;
            const std::optional<UpstreamProxy> proxy = parseUpstreamProxy(f.last(Flag::Proxy), &perr);
            if (!proxy) return invalid(QStringLiteral("%1: %2").arg(dashed(Flag::Proxy), perr));
            r.config.proxy = proxy;
        }
        r.status = ConfigResult::Status::Check;
        return r;
    }

    // Tor mode: Tor speaks PT 1.0 through TOR_PT_* and passes no flags; a parent that
    // names transports or -ptversion on the command line is a 3.0 parent even if it
    // happens to run inside Tor's environment.
    const bool torMode = env.contains(QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER")) &&
                         !f.has(Flag::Transport) && !f.has(Flag::Transports) && !f.has(Flag::PtVersion);
    QString err;
    if (torMode) {
        if (!negotiateVersion(env.value(QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER")), kTorVersion, &err)) {
            r.status = ConfigResult::Status::VersionError;
            r.message = err;
            return r;
        }
        r.negotiatedVersion = kTorVersion;
    } else {
        if (f.has(Flag::PtVersion) && !negotiateVersion(f.last(Flag::PtVersion), kVersion3, &err)) {
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
    if (f.has(Flag::CheckTimeout)) {
        r.status = ConfigResult::Status::EnvError;
        r.message = QStringLiteral("%1 is only for %2").arg(dashed(Flag::CheckTimeout), dashed(Flag::Check));
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
    constexpr int helpColumn = 27;
    const QString indent(helpColumn, QLatin1Char(' '));
    QString text =
        QStringLiteral("Usage: ptdispatcher [flags]   (Dispatcher IPC 3.0; or run by Tor with TOR_PT_* set)\n"
                       "Flags take the form -name value, -name=value, --name value or --name=value.\n");
    std::optional<flags::Group> group;
    for (const flags::FlagInfo& f : flags::table()) {
        if (f.group != group) {
            group = f.group;
            text += QStringLiteral("\n%1:\n").arg(flags::groupTitle(f.group));
        }
        QString head = QStringLiteral("  -") + f.name;
        if (!f.alias.isEmpty()) head += QStringLiteral(", -") + f.alias;
        if (!f.placeholder.isEmpty()) head += QLatin1Char(' ') + f.placeholder;
        head = head.size() < helpColumn - 1 ? head.leftJustified(helpColumn, QLatin1Char(' '))
                                            : head + QStringLiteral("  ");

        QString help = f.help;
        if (!f.choices.isEmpty()) help += QStringLiteral(":\n") + flags::choiceList(f.choices);
        if (!f.defaultValue.isEmpty()) help += QStringLiteral(" (default: %1)").arg(f.defaultValue);
        text += head + help.replace(QLatin1Char('\n'), QLatin1Char('\n') + indent) + QLatin1Char('\n');
    }
    return text;
}

} // namespace pt
