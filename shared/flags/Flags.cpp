#include "shared/flags/Flags.h"

#include "shared/ipc/IpcMessage.h"

namespace pt::flags {

namespace {

FlagInfo entry(Flag flag, const char* name, Kind kind, Group group, const char* placeholder, const char* help,
               const char* defaultValue = "")
{
    return FlagInfo{flag,
                    QLatin1String(name),
                    QString(),
                    kind,
                    group,
                    QLatin1String(placeholder),
                    QStringList(),
                    QLatin1String(help),
                    QLatin1String(defaultValue)};
}

QList<FlagInfo> makeTable()
{
    constexpr Kind S = Kind::Switch;
    constexpr Kind V = Kind::Value;
    constexpr Kind L = Kind::List;
    constexpr Group common = Group::Common;
    constexpr Group client = Group::Client;
    constexpr Group server = Group::Server;
    constexpr Group tuning = Group::Tuning;

    FlagInfo logLevel = entry(Flag::IpcLogLevel, "ipcLogLevel", V, common, "<level>",
                              "the least severe LOG line sent to the parent", "NONE");
    logLevel.choices = ipc::logLevelNames();
    FlagInfo mode =
        entry(Flag::Mode, "mode", V, common, "<mode>", "how the client takes connections", "socks5");
    mode.choices = ipc::proxyModeNames();
    FlagInfo help = entry(Flag::Help, "help", S, common, "", "show this text");
    help.alias = QStringLiteral("h");

    return {
        entry(Flag::PtVersion, "ptversion", L, common, "<list>",
              "versions the parent speaks, comma separated", "3.0"),
        entry(Flag::Transport, "transport", V, common, "<name>", "the one transport to run"),
        entry(Flag::Transports, "transports", L, common, "<a,b,...>",
              "several transports (not together with -transport)"),
        entry(Flag::State, "state", V, common, "<dir>", "state directory, relative to the current one", "."),
        entry(Flag::ExitOnStdinClose, "exit-on-stdin-close", S, common, "", "exit when stdin is closed",
              "false"),
        logLevel,
        entry(Flag::Options, "options", V, common, "<json>",
              "transport options: {name: {...}} or, with one transport, {...}"),
        entry(Flag::OptionsFile, "optionsFile", V, common, "<path>",
              "read the options from a file (not together with -options)"),
        mode,
        help,
        entry(Flag::Version, "version", S, common, "", "show the program version"),
        entry(Flag::DescribeTransports, "describe-transports", S, common, "",
              "print the transports, their roles and options as JSON, exit 0"),
        entry(Flag::Check, "check", V, common, "<bridge line or ss:// link>",
              "dial the bridge, complete the transport's handshake,\n"
              "print CHECK OK ... (exit 0) or CHECK-ERROR <code> <detail> (exit 1;\n"
              "64 for a bad line); only with -proxy and -check-timeout"),
        entry(Flag::CheckTimeout, "check-timeout", V, common, "<s>",
              "time limit of -check in seconds, 1..300", "15"),

        entry(Flag::Client, "client", S, client, "", "run as a client"),
        entry(Flag::ProxyListenAddr, "proxylistenaddr", V, client, "<ip:port>",
              "where to listen for the application", "127.0.0.1, any port"),
        entry(Flag::ProxyListenHost, "proxylistenhost", V, client, "<ip>",
              "the same, in two parts, with -proxylistenport"),
        entry(Flag::ProxyListenPort, "proxylistenport", V, client, "<port>",
              "the port of -proxylistenhost (0: any free port)"),
        entry(Flag::Proxy, "proxy", V, client, "<uri>",
              "upstream proxy: socks5://[user:pass@]ip:port, socks4a://[user@]ip:port,\n"
              "http://[user:pass@]ip:port"),

        entry(Flag::Server, "server", S, server, "", "run as a server"),
        entry(Flag::BindAddr, "bindaddr", L, server, "<t-ip:port,...>",
              "listen address per transport, in -transports order"),
        entry(Flag::BindHost, "bindhost", V, server, "<ip>",
              "listen address of the single -transport, with -bindport"),
        entry(Flag::BindPort, "bindport", V, server, "<port>",
              "listen port of the single -transport, with -bindhost"),
        entry(Flag::Target, "target", V, server, "<host:port>",
              "where to forward (or -targethost <host> -targetport <port>)"),
        entry(Flag::TargetHost, "targethost", V, server, "<host>", "the target's host, with -targetport"),
        entry(Flag::TargetPort, "targetport", V, server, "<port>", "the target's port, with -targethost"),
        entry(Flag::ExtOrPort, "extorport", V, server, "<host:port>",
              "forward through Tor's Extended ORPort instead"),
        entry(Flag::AuthCookie, "authcookie", V, server, "<path>",
              "the Extended ORPort auth cookie file (required with -extorport)"),

        entry(Flag::HandshakeTimeout, "handshake-timeout", V, tuning, "<ms>",
              "handshake time limit per connection", "30000"),
        entry(Flag::ConnectTimeout, "connect-timeout", V, tuning, "<ms>", "outgoing connect time limit",
              "30000"),
        entry(Flag::MaxConnections, "max-connections", V, tuning, "<n>", "concurrent connections per process",
              "4096"),
        entry(Flag::Threads, "threads", V, tuning, "<n>", "worker threads, 1..256", "number of cores"),
        entry(Flag::UdpIdleTimeout, "udp-idle-timeout", V, tuning, "<ms>",
              "idle UDP sessions are dropped after this", "120000"),
    };
}

} // namespace

const QList<FlagInfo>& table()
{
    // In Flag order (tst_flags checks), so info() can index.
    static const QList<FlagInfo> flags = makeTable();
    return flags;
}

const FlagInfo& info(Flag flag)
{
    return table().at(static_cast<int>(flag));
}

QString name(Flag flag)
{
    return info(flag).name;
}

QString dashed(Flag flag)
{
    return QLatin1Char('-') + info(flag).name;
}

std::optional<Flag> find(const QString& nameOrAlias)
{
    for (const FlagInfo& f : table()) {
        if (f.name == nameOrAlias || (!f.alias.isEmpty() && f.alias == nameOrAlias)) return f.flag;
    }
    return std::nullopt;
}

QStringList allFlagNames()
{
    QStringList names;
    for (const FlagInfo& f : table())
        names << f.name;
    return names;
}

bool isKnownFlag(const QString& nameOrAlias)
{
    return find(nameOrAlias).has_value();
}

QString groupTitle(Group group)
{
    switch (group) {
    case Group::Common:
        return QStringLiteral("Common flags");
    case Group::Client:
        return QStringLiteral("Client flags (default role)");
    case Group::Server:
        return QStringLiteral("Server flags");
    case Group::Tuning:
        return QStringLiteral("Tuning flags");
    }
    return QString();
}

QString choiceList(const QStringList& choices)
{
    if (choices.size() < 2) return choices.join(QString());
    return choices.mid(0, choices.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") +
           choices.last();
}

} // namespace pt::flags
