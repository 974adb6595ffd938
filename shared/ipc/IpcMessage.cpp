#include "shared/ipc/IpcMessage.h"

#include "shared/ipc/IpcText.h"

namespace pt::ipc {

using detail::sanitizeText;
using detail::sanitizeToken;

const QStringList& logLevelNames()
{
    static const QStringList names = {QStringLiteral("NONE"), QStringLiteral("ERROR"), QStringLiteral("WARN"),
                                      QStringLiteral("INFO"), QStringLiteral("DEBUG")};
    return names;
}

QString logLevelName(LogLevel level)
{
    return logLevelNames().value(static_cast<int>(level), logLevelNames().first());
}

std::optional<LogLevel> parseLogLevel(const QString& s)
{
    const int i = logLevelNames().indexOf(s);
    if (i < 0) return std::nullopt;
    return static_cast<LogLevel>(i);
}

const QStringList& proxyModeNames()
{
    static const QStringList names = {QStringLiteral("socks5"), QStringLiteral("transparent-TCP"),
                                      QStringLiteral("transparent-UDP"), QStringLiteral("STUN")};
    return names;
}

bool isProxyModeName(const QString& s)
{
    return proxyModeNames().contains(s);
}

QString keywordFor(Kind kind)
{
    switch (kind) {
    case Kind::Version:
        return QStringLiteral("VERSION");
    case Kind::VersionError:
        return QStringLiteral("VERSION-ERROR");
    case Kind::EnvError:
        return QStringLiteral("ENV-ERROR");
    case Kind::Log:
        return QStringLiteral("LOG");
    case Kind::ProxyDone:
        return QStringLiteral("PROXY");
    case Kind::ProxyError:
        return QStringLiteral("PROXY-ERROR");
    case Kind::CMethod:
        return QStringLiteral("CMETHOD");
    case Kind::CMethodError:
        return QStringLiteral("CMETHOD-ERROR");
    case Kind::CMethodsDone:
        return QStringLiteral("CMETHODS");
    case Kind::SMethod:
        return QStringLiteral("SMETHOD");
    case Kind::SMethodError:
        return QStringLiteral("SMETHOD-ERROR");
    case Kind::SMethodsDone:
        return QStringLiteral("SMETHODS");
    case Kind::Status:
        return QStringLiteral("STATUS");
    case Kind::Unknown:
        break;
    }
    return QString();
}

namespace {

Message make(Kind kind)
{
    Message m;
    m.kind = kind;
    m.keyword = keywordFor(kind);
    return m;
}

// Free text that the spec requires to be present: never let an empty message turn the
// line into a different (argument-less) line.
QByteArray requiredText(const QString& s, const char* fallback)
{
    QByteArray t = sanitizeText(s);
    if (t.trimmed().isEmpty()) return QByteArray(fallback);
    return t;
}

QByteArray formatUnknown(const Message& m)
{
    // Only printable keyword characters survive, so the line still fits the grammar.
    QByteArray kw;
    for (QChar c : m.keyword) {
        const char16_t u = c.unicode();
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' ||
            u == '_')
            kw.append(char(u));
    }
    if (kw.isEmpty()) kw = "UNKNOWN";
    const QByteArray t = sanitizeText(m.text);
    return t.isEmpty() ? kw : kw + ' ' + t;
}

} // namespace

Message Message::version(const QString& v)
{
    Message m = make(Kind::Version);
    m.text = v;
    return m;
}

Message Message::versionError(const QString& msg)
{
    Message m = make(Kind::VersionError);
    m.text = msg;
    return m;
}

Message Message::envError(const QString& msg)
{
    Message m = make(Kind::EnvError);
    m.text = msg;
    return m;
}

Message Message::log(LogLevel level, const QString& msg)
{
    Message m = make(Kind::Log);
    m.level = level;
    m.text = msg;
    return m;
}

Message Message::proxyDone()
{
    return make(Kind::ProxyDone);
}

Message Message::proxyError(const QString& msg)
{
    Message m = make(Kind::ProxyError);
    m.text = msg;
    return m;
}

Message Message::cmethod(const QString& transport, const QString& mode, const QString& address)
{
    Message m = make(Kind::CMethod);
    m.transport = transport;
    m.mode = mode;
    m.address = address;
    return m;
}

Message Message::cmethodError(const QString& transport, const QString& msg)
{
    Message m = make(Kind::CMethodError);
    m.transport = transport;
    m.text = msg;
    return m;
}

Message Message::cmethodsDone()
{
    return make(Kind::CMethodsDone);
}

Message Message::smethod(const QString& transport, const QString& address,
                         const QList<std::pair<QString, QString>>& args)
{
    Message m = make(Kind::SMethod);
    m.transport = transport;
    m.address = address;
    m.args = args;
    return m;
}

Message Message::smethodError(const QString& transport, const QString& msg)
{
    Message m = make(Kind::SMethodError);
    m.transport = transport;
    m.text = msg;
    return m;
}

Message Message::smethodsDone()
{
    return make(Kind::SMethodsDone);
}

Message Message::status(const QList<std::pair<QString, QString>>& kv)
{
    Message m = make(Kind::Status);
    m.args = kv;
    return m;
}

bool goesToStderr(Kind kind)
{
    switch (kind) {
    case Kind::VersionError:
    case Kind::EnvError:
    case Kind::ProxyError:
    case Kind::CMethodError:
    case Kind::SMethodError:
        return true;
    default:
        return false;
    }
}

QByteArray format(const Message& m)
{
    static const char* const kUnspecified = "unspecified error";
    switch (m.kind) {
    case Kind::Version:
        return "VERSION " + sanitizeToken(m.text, "3.0");
    case Kind::VersionError:
        return "VERSION-ERROR " + requiredText(m.text, "no-version");
    case Kind::EnvError:
        return "ENV-ERROR " + requiredText(m.text, kUnspecified);
    case Kind::Log: {
        // LOG NONE is not a valid line; a message logged "at no level" is still news.
        const LogLevel level = m.level == LogLevel::None ? LogLevel::Info : m.level;
        const QByteArray t = sanitizeText(m.text);
        return "LOG " + logLevelName(level).toLatin1() + ' ' + t;
    }
    case Kind::ProxyDone:
        return "PROXY DONE";
    case Kind::ProxyError:
        return "PROXY-ERROR " + requiredText(m.text, kUnspecified);
    case Kind::CMethod:
        return "CMETHOD " + sanitizeToken(m.transport, "unknown") + ' ' + sanitizeToken(m.mode, "unknown") +
               ' ' + sanitizeToken(m.address, "unknown");
    case Kind::CMethodError:
        return "CMETHOD-ERROR " + sanitizeToken(m.transport, "unknown") + ' ' +
               requiredText(m.text, kUnspecified);
    case Kind::CMethodsDone:
        return "CMETHODS DONE";
    case Kind::SMethod: {
        QByteArray line =
            "SMETHOD " + sanitizeToken(m.transport, "unknown") + ' ' + sanitizeToken(m.address, "unknown");
        if (!m.args.isEmpty()) {
            // Line breaks become spaces first; escapeArgValue then escapes those spaces.
            QList<std::pair<QString, QString>> clean;
            for (const auto& [k, v] : m.args)
                clean.append({QString::fromUtf8(sanitizeText(k)), QString::fromUtf8(sanitizeText(v))});
            line += " ARGS:" + formatArgs(clean).toUtf8();
        }
        return line;
    }
    case Kind::SMethodError:
        return "SMETHOD-ERROR " + sanitizeToken(m.transport, "unknown") + ' ' +
               requiredText(m.text, kUnspecified);
    case Kind::SMethodsDone:
        return "SMETHODS DONE";
    case Kind::Status: {
        QByteArray line = "STATUS";
        for (const auto& [k, v] : m.args)
            line += ' ' + detail::formatKvItem(k, v);
        return line;
    }
    case Kind::Unknown:
        break;
    }
    return formatUnknown(m);
}

QByteArray formatTorLog(LogLevel level, const QString& msg)
{
    const char* severity = "notice";
    switch (level) {
    case LogLevel::Error:
        severity = "error";
        break;
    case LogLevel::Warn:
        severity = "warning";
        break;
    case LogLevel::None:
    case LogLevel::Info:
        severity = "notice";
        break;
    case LogLevel::Debug:
        severity = "debug";
        break;
    }
    return QByteArray("LOG SEVERITY=") + severity + " MESSAGE=" + detail::cQuote(msg.toUtf8());
}

QString escapeArgValue(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        // Space and TAB are escaped too: unescaped, they would end the SMETHOD option.
        if (c == QLatin1Char('\\') || c == QLatin1Char('=') || c == QLatin1Char(',') ||
            c == QLatin1Char(' ') || c == QLatin1Char('\t'))
            out.append(QLatin1Char('\\'));
        out.append(c);
    }
    return out;
}

QString formatArgs(const QList<std::pair<QString, QString>>& args)
{
    QString out;
    for (const auto& [k, v] : args) {
        if (!out.isEmpty()) out.append(QLatin1Char(','));
        out.append(escapeArgValue(k) + QLatin1Char('=') + escapeArgValue(v));
    }
    return out;
}

} // namespace pt::ipc
