#include "shared/launch/LaunchConfig.h"

#include "shared/flags/Flags.h"
#include "shared/ipc/IpcMessage.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pt {

namespace {

using flags::dashed;
using flags::Flag;

void addIfSet(QStringList& argv, Flag flag, const QString& value)
{
    if (value.isEmpty()) return;
    argv << dashed(flag) << value;
}

bool fail(QString* error, const QString& why)
{
    if (error) *error = why;
    return false;
}

std::nullopt_t reject(QString* error, const QString& why)
{
    fail(error, why);
    return std::nullopt;
}

bool readString(const QJsonObject& o, const char* key, QString& out, QString* error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return true;
    if (!v.isString()) return fail(error, QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key)));
    out = v.toString();
    return true;
}

} // namespace

QStringList LaunchConfig::toArguments() const
{
    QStringList argv;
    const bool server = role == Role::Server;
    argv << dashed(server ? Flag::Server : Flag::Client);
    addIfSet(argv, Flag::PtVersion, ptversion);
    addIfSet(argv, Flag::Transports, transports.join(QLatin1Char(',')));
    addIfSet(argv, Flag::Mode, mode);

    QJsonObject optionMap;
    for (const QString& t : transports) {
        if (options.contains(t)) optionMap.insert(t, options.value(t));
    }
    if (!optionMap.isEmpty())
        argv << dashed(Flag::Options)
             << QString::fromUtf8(QJsonDocument(optionMap).toJson(QJsonDocument::Compact));

    if (server) {
        QStringList binds;
        for (const QString& t : transports) {
            const QString addr = bindAddrs.value(t);
            if (!addr.isEmpty()) binds << t + QLatin1Char('-') + addr;
        }
        addIfSet(argv, Flag::BindAddr, binds.join(QLatin1Char(',')));
        addIfSet(argv, Flag::Target, target);
        addIfSet(argv, Flag::ExtOrPort, extOrPort);
        addIfSet(argv, Flag::AuthCookie, authCookie);
    } else {
        addIfSet(argv, Flag::ProxyListenAddr, proxyListenAddr);
        addIfSet(argv, Flag::Proxy, proxy);
    }
    addIfSet(argv, Flag::State, stateDir);
    addIfSet(argv, Flag::IpcLogLevel, logLevel);
    if (exitOnStdinClose) argv << dashed(Flag::ExitOnStdinClose);
    return argv;
}

QJsonObject LaunchConfig::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("role"),
             role == Role::Server ? QStringLiteral("server") : QStringLiteral("client"));
    o.insert(QStringLiteral("transports"), QJsonArray::fromStringList(transports));
    o.insert(QStringLiteral("mode"), mode);
    QJsonObject opts;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        opts.insert(it.key(), it.value());
    o.insert(QStringLiteral("options"), opts);
    o.insert(QStringLiteral("stateDir"), stateDir);
    o.insert(QStringLiteral("logLevel"), logLevel);
    o.insert(QStringLiteral("exitOnStdinClose"), exitOnStdinClose);
    o.insert(QStringLiteral("ptversion"), ptversion);
    o.insert(QStringLiteral("proxyListenAddr"), proxyListenAddr);
    o.insert(QStringLiteral("proxy"), proxy);
    QJsonObject binds;
    for (auto it = bindAddrs.cbegin(); it != bindAddrs.cend(); ++it)
        binds.insert(it.key(), it.value());
    o.insert(QStringLiteral("bindAddr"), binds);
    o.insert(QStringLiteral("target"), target);
    o.insert(QStringLiteral("extOrPort"), extOrPort);
    o.insert(QStringLiteral("authCookie"), authCookie);
    return o;
}

std::optional<LaunchConfig> LaunchConfig::fromJson(const QJsonObject& o, QString* error)
{
    LaunchConfig c;
    QString role = QStringLiteral("client");
    if (!readString(o, "role", role, error)) return std::nullopt;
    if (role != QLatin1String("client") && role != QLatin1String("server"))
        return reject(error, QStringLiteral("unknown role \"%1\" (client or server)").arg(role));
    c.role = role == QLatin1String("server") ? Role::Server : Role::Client;

    const QJsonValue ts = o.value(QLatin1String("transports"));
    if (!ts.isUndefined() && !ts.isNull()) {
        if (!ts.isArray()) return reject(error, QStringLiteral("\"transports\" must be an array"));
        for (const auto& t : ts.toArray()) {
            if (!t.isString() || t.toString().isEmpty())
                return reject(error, QStringLiteral("\"transports\" must hold non-empty strings"));
            c.transports << t.toString();
        }
    }

    if (!readString(o, "mode", c.mode, error) || !readString(o, "stateDir", c.stateDir, error) ||
        !readString(o, "logLevel", c.logLevel, error) || !readString(o, "ptversion", c.ptversion, error) ||
        !readString(o, "proxyListenAddr", c.proxyListenAddr, error) ||
        !readString(o, "proxy", c.proxy, error) || !readString(o, "target", c.target, error) ||
        !readString(o, "extOrPort", c.extOrPort, error) || !readString(o, "authCookie", c.authCookie, error))
        return std::nullopt;
    if (!c.mode.isEmpty() && !ipc::isProxyModeName(c.mode))
        return reject(error, QStringLiteral("unknown mode \"%1\"").arg(c.mode));
    if (!c.logLevel.isEmpty() && !ipc::parseLogLevel(c.logLevel))
        return reject(error, QStringLiteral("unknown log level \"%1\"").arg(c.logLevel));

    const QJsonValue exit = o.value(QLatin1String("exitOnStdinClose"));
    if (!exit.isUndefined() && !exit.isNull()) {
        if (!exit.isBool()) return reject(error, QStringLiteral("\"exitOnStdinClose\" must be a boolean"));
        c.exitOnStdinClose = exit.toBool();
    }

    const QJsonValue opts = o.value(QLatin1String("options"));
    if (!opts.isUndefined() && !opts.isNull()) {
        if (!opts.isObject()) return reject(error, QStringLiteral("\"options\" must be an object"));
        const QJsonObject m = opts.toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (!it.value().isObject())
                return reject(error, QStringLiteral("options of \"%1\" must be an object").arg(it.key()));
            c.options.insert(it.key(), it.value().toObject());
        }
    }

    const QJsonValue binds = o.value(QLatin1String("bindAddr"));
    if (!binds.isUndefined() && !binds.isNull()) {
        if (!binds.isObject()) return reject(error, QStringLiteral("\"bindAddr\" must be an object"));
        const QJsonObject m = binds.toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (!it.value().isString())
                return reject(error, QStringLiteral("bindAddr of \"%1\" must be a string").arg(it.key()));
            c.bindAddrs.insert(it.key(), it.value().toString());
        }
    }
    return c;
}

bool operator==(const LaunchConfig& a, const LaunchConfig& b)
{
    return a.role == b.role && a.transports == b.transports && a.mode == b.mode && a.options == b.options &&
           a.stateDir == b.stateDir && a.logLevel == b.logLevel && a.exitOnStdinClose == b.exitOnStdinClose &&
           a.ptversion == b.ptversion && a.proxyListenAddr == b.proxyListenAddr && a.proxy == b.proxy &&
           a.bindAddrs == b.bindAddrs && a.target == b.target && a.extOrPort == b.extOrPort &&
           a.authCookie == b.authCookie;
}

} // namespace pt
