// The parser side of IpcMessage.h. Works on bytes, bounds-checks every index and
// returns Kind::Unknown (with raw kept) for anything that does not fit, so a parent can
// feed it whatever a misbehaving child prints.

#include "shared/ipc/IpcMessage.h"

#include "shared/ipc/IpcText.h"

namespace pt::ipc {

namespace {

bool isKeywordChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Next space-separated token starting at pos (runs of spaces are skipped, as Tor does).
QByteArray nextToken(const QByteArray& s, int& pos)
{
    while (pos < s.size() && s[pos] == ' ')
        ++pos;
    const int start = pos;
    while (pos < s.size() && s[pos] != ' ')
        ++pos;
    return s.mid(start, pos - start);
}

// Free text after a token: everything past the single separating space, verbatim.
QByteArray textAfter(const QByteArray& s, int pos)
{
    if (pos < s.size() && s[pos] == ' ') ++pos;
    return s.mid(pos);
}

QList<QByteArray> tokens(const QByteArray& s)
{
    QList<QByteArray> out;
    int pos = 0;
    while (true) {
        QByteArray t = nextToken(s, pos);
        if (t.isEmpty()) break;
        out.append(t);
    }
    return out;
}

// "host:port" or "[v6]:port", port 0..65535. Host names are accepted (a CMETHOD carries
// an IP literal, but this is a parser, not the place to enforce the child's duties).
bool isPlausibleAddress(const QByteArray& a)
{
    int colon;
    if (a.startsWith('[')) {
        const int close = a.indexOf("]:");
        if (close < 2) return false;
        colon = close + 1;
    } else {
        colon = a.lastIndexOf(':');
        if (colon < 1 || a.left(colon).contains(':')) return false;
    }
    const QByteArray port = a.mid(colon + 1);
    if (port.isEmpty() || port.size() > 5) return false;
    for (char c : port)
        if (c < '0' || c > '9') return false;
    return port.toInt() <= 65535;
}

// Options after the SMETHOD address are separated by unescaped spaces.
QList<QByteArray> smethodOptions(const QByteArray& s, int pos)
{
    QList<QByteArray> out;
    QByteArray cur;
    for (int i = pos; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            cur.append(c);
            cur.append(s[++i]);
        } else if (c == ' ') {
            if (!cur.isEmpty()) out.append(cur);
            cur.clear();
        } else {
            cur.append(c);
        }
    }
    if (!cur.isEmpty()) out.append(cur);
    return out;
}

std::optional<LogLevel> torSeverity(const QString& s)
{
    const QString l = s.toLower();
    if (l == QLatin1String("error")) return LogLevel::Error;
    if (l == QLatin1String("warning") || l == QLatin1String("warn")) return LogLevel::Warn;
    if (l == QLatin1String("notice") || l == QLatin1String("info")) return LogLevel::Info;
    if (l == QLatin1String("debug")) return LogLevel::Debug;
    return std::nullopt;
}

bool parseLog(const QByteArray& rest, Message& m)
{
    int pos = 0;
    const QByteArray first = nextToken(rest, pos);
    if (first.isEmpty()) return false;
    if (const auto level = parseLogLevel(QString::fromLatin1(first)); level && *level != LogLevel::None) {
        m.level = *level;
        m.text = QString::fromUtf8(textAfter(rest, pos));
        return true;
    }
    // Tor's PT form: LOG SEVERITY=<sev> MESSAGE="<quoted>".
    const auto kv = detail::parseKvLine(rest);
    if (!kv) return false;
    std::optional<QString> severity, message;
    for (const auto& [k, v] : *kv) {
        if (k == QLatin1String("SEVERITY"))
            severity = v;
        else if (k == QLatin1String("MESSAGE"))
            message = v;
    }
    if (!severity || !message) return false;
    const auto level = torSeverity(*severity);
    if (!level) return false;
    m.level = *level;
    m.text = *message;
    m.args = *kv;
    return true;
}

// Fills m from the arguments; false means "malformed for this keyword".
bool parseKnown(Kind kind, const QByteArray& rest, Message& m)
{
    const auto toks = tokens(rest);
    switch (kind) {
    case Kind::Version:
        if (toks.size() != 1) return false;
        m.text = QString::fromUtf8(toks[0]);
        return true;
    case Kind::VersionError:
    case Kind::EnvError:
    case Kind::ProxyError:
        if (rest.trimmed().isEmpty()) return false;
        m.text = QString::fromUtf8(rest);
        return true;
    case Kind::Log:
        return parseLog(rest, m);
    case Kind::ProxyDone:
    case Kind::CMethodsDone:
    case Kind::SMethodsDone:
        return toks.size() == 1 && toks[0] == "DONE";
    case Kind::CMethod:
        if (toks.size() != 3) return false;
        m.transport = QString::fromUtf8(toks[0]);
        m.mode = QString::fromUtf8(toks[1]);
        m.address = QString::fromUtf8(toks[2]);
        return isProxyModeName(m.mode) && isPlausibleAddress(toks[2]);
    case Kind::CMethodError:
    case Kind::SMethodError: {
        int pos = 0;
        const QByteArray transport = nextToken(rest, pos);
        const QByteArray text = textAfter(rest, pos);
        if (transport.isEmpty() || text.trimmed().isEmpty()) return false;
        m.transport = QString::fromUtf8(transport);
        m.text = QString::fromUtf8(text);
        return true;
    }
    case Kind::SMethod: {
        int pos = 0;
        const QByteArray transport = nextToken(rest, pos);
        const QByteArray address = nextToken(rest, pos);
        if (transport.isEmpty() || !isPlausibleAddress(address)) return false;
        m.transport = QString::fromUtf8(transport);
        m.address = QString::fromUtf8(address);
        for (const QByteArray& opt : smethodOptions(rest, pos)) {
            if (!opt.startsWith("ARGS:")) continue; // options we don't know are ignored
            const auto args = parseArgs(QString::fromUtf8(opt.mid(5)));
            if (!args) return false;
            m.args += *args;
        }
        return true;
    }
    case Kind::Status: {
        const auto kv = detail::parseKvLine(rest);
        if (!kv) return false;
        m.args = *kv;
        return true;
    }
    case Kind::Unknown:
        break;
    }
    return false;
}

Kind kindForKeyword(const QByteArray& kw)
{
    static const Kind kinds[] = {
        Kind::Version,      Kind::VersionError, Kind::EnvError,     Kind::Log,          Kind::ProxyDone,
        Kind::ProxyError,   Kind::CMethod,      Kind::CMethodError, Kind::CMethodsDone, Kind::SMethod,
        Kind::SMethodError, Kind::SMethodsDone, Kind::Status};
    for (Kind k : kinds)
        if (kw == keywordFor(k).toLatin1()) return k;
    return Kind::Unknown;
}

} // namespace

Message parse(const QByteArray& input)
{
    QByteArray line = input;
    if (line.endsWith('\n')) line.chop(1);
    if (line.endsWith('\r')) line.chop(1);

    Message m;
    m.raw = QString::fromUtf8(line);
    // The grammar allows neither NUL nor a second line inside one line.
    if (line.contains('\0') || line.contains('\n')) return m;

    int i = 0;
    while (i < line.size() && isKeywordChar(line[i]))
        ++i;
    if (i == 0 || (i < line.size() && line[i] != ' ')) return m;
    const QByteArray keyword = line.left(i);
    m.keyword = QString::fromLatin1(keyword);

    const Kind kind = kindForKeyword(keyword);
    if (kind == Kind::Unknown) {
        m.text = QString::fromUtf8(textAfter(line, i));
        return m;
    }
    Message known = m;
    known.kind = kind;
    if (!parseKnown(kind, line.mid(i + 1), known)) return m;
    return known;
}

std::optional<QList<std::pair<QString, QString>>> parseArgs(const QString& s)
{
    QList<std::pair<QString, QString>> out;
    QString key, value;
    bool inValue = false;
    bool any = false;
    auto flush = [&]() {
        if (!any) return true; // empty item (",," or a trailing comma): nothing to add
        if (!inValue || key.isEmpty()) return false;
        out.append({key, value});
        key.clear();
        value.clear();
        inValue = false;
        any = false;
        return true;
    };
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= s.size()) return std::nullopt;
            (inValue ? value : key).append(s[++i]);
            any = true;
        } else if (c == QLatin1Char(',')) {
            if (!flush()) return std::nullopt;
        } else if (c == QLatin1Char('=') && !inValue) {
            inValue = true;
            any = true;
        } else {
            // An unescaped '=' inside a value is kept: the spec's own meeklite example has one.
            (inValue ? value : key).append(c);
            any = true;
        }
    }
    if (!flush()) return std::nullopt;
    return out;
}

} // namespace pt::ipc
