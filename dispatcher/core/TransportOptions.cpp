// Transport options: -options / -optionsFile JSON (strict or lenient) and Tor's
// TOR_PT_SERVER_TRANSPORT_OPTIONS. Declared in Config.h.

#include "dispatcher/core/Config.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace pt {

namespace {

// Characters of a bare word outside strings: identifiers, numbers, literals and
// option names such as "iat-mode".
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') || c == QLatin1Char('-') ||
           c == QLatin1Char('.') || c == QLatin1Char('+');
}

int skipSpace(const QString& s, int i)
{
    while (i < s.size() && s.at(i).isSpace())
        ++i;
    return i;
}

// Rewrites lenient JSON to strict JSON without touching the content of strings.
// Returns false (with error) for unterminated strings or comments; anything else
// that is wrong is left for QJsonDocument to report.
bool rewriteLenientJson(const QString& in, QString* out, QString* error)
{
    const int n = in.size();
    out->reserve(n + 16);
    int i = 0;
    while (i < n) {
        const QChar c = in.at(i);
        if (c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < n && in.at(j) != QLatin1Char('"'))
                j += in.at(j) == QLatin1Char('\\') ? 2 : 1;
            if (j >= n) {
                *error = QStringLiteral("unterminated string");
                return false;
            }
            out->append(QStringView(in).mid(i, j - i + 1));
            i = j + 1;
        } else if (c == QLatin1Char('\'')) {
            // 'text' -> "text": \' becomes ', a bare " gets escaped, other escapes stay.
            out->append(QLatin1Char('"'));
            int j = i + 1;
            while (j < n && in.at(j) != QLatin1Char('\'')) {
                const QChar d = in.at(j);
                if (d == QLatin1Char('\\')) {
                    if (j + 1 >= n) {
                        j = n; // a trailing backslash leaves the string unterminated
                        break;
                    }
                    const QChar e = in.at(j + 1);
                    if (e == QLatin1Char('\''))
                        out->append(e);
                    else
                        out->append(QLatin1Char('\\')).append(e);
                    j += 2;
                    continue;
                }
                if (d == QLatin1Char('"'))
                    out->append(QLatin1String("\\\""));
                else
                    out->append(d);
                ++j;
            }
            if (j >= n) {
                *error = QStringLiteral("unterminated string");
                return false;
            }
            out->append(QLatin1Char('"'));
            i = j + 1;
        } else if (c == QLatin1Char('/') && i + 1 < n && in.at(i + 1) == QLatin1Char('/')) {
            while (i < n && in.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && in.at(i + 1) == QLatin1Char('*')) {
            const int end = in.indexOf(QLatin1String("*/"), i + 2);
            if (end < 0) {
                *error = QStringLiteral("unterminated comment");
                return false;
            }
            out->append(QLatin1Char(' '));
            i = end + 2;
        } else if (c == QLatin1Char(',')) {
            const int j = skipSpace(in, i + 1);
            const bool trailing = j < n && (in.at(j) == QLatin1Char('}') || in.at(j) == QLatin1Char(']'));
            if (!trailing) out->append(c);
            ++i;
        } else if (isWordChar(c)) {
            int j = i;
            while (j < n && isWordChar(in.at(j)))
                ++j;
            const QStringView word = QStringView(in).mid(i, j - i);
            const int k = skipSpace(in, j);
            // A word followed by ':' can only be a key: quote it. Other words (numbers,
            // true/false/null, or garbage) go through unchanged.
            if (k < n && in.at(k) == QLatin1Char(':'))
                out->append(QLatin1Char('"')).append(word).append(QLatin1Char('"'));
            else
                out->append(word);
            i = j;
        } else {
            out->append(c);
            ++i;
        }
    }
    return true;
}

std::optional<QJsonObject> parseStrictObject(const QString& text, QString* error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('{')) &&
        !trimmed.startsWith(QLatin1Char('['))) {
        *error = QStringLiteral("options must be a JSON object");
        return std::nullopt;
    }
    if (pe.error != QJsonParseError::NoError) {
        *error = QStringLiteral("invalid JSON (%1 near offset %2)").arg(pe.errorString()).arg(pe.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("options must be a JSON object");
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QJsonObject> parseLenient(const QString& text, QString* error)
{
    QString strict;
    if (!rewriteLenientJson(text, &strict, error)) return std::nullopt;
    return parseStrictObject(strict, error);
}

// Splits at unescaped occurrences of sep; escapes stay in the pieces.
QStringList splitUnescaped(const QString& s, QChar sep, int maxPieces = -1)
{
    QStringList pieces;
    QString cur;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\\') && i + 1 < s.size()) {
            cur.append(c).append(s.at(++i));
        } else if (c == sep && (maxPieces < 0 || pieces.size() + 1 < maxPieces)) {
            pieces.append(cur);
            cur.clear();
        } else {
            cur.append(c);
        }
    }
    pieces.append(cur);
    return pieces;
}

std::optional<QString> unescapeBackslashes(const QString& s)
{
    QString out;
    for (int i = 0; i < s.size(); ++i) {
        if (s.at(i) == QLatin1Char('\\')) {
            if (++i >= s.size()) return std::nullopt;
        }
        out.append(s.at(i));
    }
    return out;
}

} // namespace

std::optional<QJsonObject> parseLenientJsonObject(const QString& text, QString* error)
{
    QString err;
    if (std::optional<QJsonObject> obj = parseLenient(text, &err)) return obj;
    // The spec's example, {shadow: {password: \"password\"}}, is shell-escaped; a
    // parent that copies it into argv verbatim passes the backslashes through.
    if (text.contains(QLatin1String("\\\""))) {
        QString unescaped = text;
        unescaped.replace(QLatin1String("\\\""), QLatin1String("\""));
        QString ignored;
        if (std::optional<QJsonObject> obj = parseLenient(unescaped, &ignored)) return obj;
    }
    if (error) *error = err;
    return std::nullopt;
}

std::optional<QMap<QString, QJsonObject>> parseTransportOptions(const QString& text,
                                                                const QStringList& transports, QString* error)
{
    QMap<QString, QJsonObject> result;
    if (text.trimmed().isEmpty()) return result;
    QString err;
    const std::optional<QJsonObject> obj = parseLenientJsonObject(text, &err);
    if (!obj) {
        if (error) *error = err;
        return std::nullopt;
    }

    bool mapForm = false;
    for (const QString& t : transports)
        mapForm = mapForm || obj->value(t).isObject();
    if (mapForm) {
        // Keys that are not configured transports are ignored, like unknown transports.
        for (const QString& t : transports) {
            if (!obj->contains(t)) continue;
            if (!obj->value(t).isObject()) {
                if (error) *error = QStringLiteral("options for transport '%1' must be a JSON object").arg(t);
                return std::nullopt;
            }
            result.insert(t, obj->value(t).toObject());
        }
        return result;
    }
    if (transports.size() == 1) {
        result.insert(transports.first(), *obj);
        return result;
    }
    if (obj->isEmpty()) return result;
    if (error)
        *error = QStringLiteral("options must be a map of transport name to options when several "
                                "transports are configured");
    return std::nullopt;
}

std::optional<QMap<QString, QJsonObject>> parseTorServerTransportOptions(const QString& text, QString* error)
{
    QMap<QString, QJsonObject> result;
    auto fail = [error](const QString& msg) {
        if (error) *error = msg;
        return std::nullopt;
    };
    for (const QString& item : splitUnescaped(text, QLatin1Char(';'))) {
        if (item.isEmpty()) continue;
        const QStringList nameRest = splitUnescaped(item, QLatin1Char(':'), 2);
        if (nameRest.size() != 2)
            return fail(QStringLiteral("missing ':' after the transport name in '%1'").arg(item));
        const QStringList kv = splitUnescaped(nameRest.at(1), QLatin1Char('='), 2);
        if (kv.size() != 2) return fail(QStringLiteral("missing '=' in '%1'").arg(item));
        const std::optional<QString> name = unescapeBackslashes(nameRest.at(0));
        const std::optional<QString> key = unescapeBackslashes(kv.at(0));
        const std::optional<QString> value = unescapeBackslashes(kv.at(1));
        if (!name || !key || !value) return fail(QStringLiteral("dangling backslash in '%1'").arg(item));
        if (name->isEmpty() || key->isEmpty())
            return fail(QStringLiteral("empty transport name or key in '%1'").arg(item));
        result[*name].insert(*key, *value);
    }
    return result;
}

} // namespace pt
