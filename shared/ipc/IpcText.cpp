#include "shared/ipc/IpcText.h"

namespace pt::ipc::detail {

namespace {

bool isLineBreakLike(char32_t c)
{
    // Python's str.splitlines() and several GUI text widgets break on more than "\n";
    // a parent using them must still see one message per line.
    return (c < 0x20 && c != '\t') || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool isTokenBad(char32_t c)
{
    return c <= 0x20 || c == 0x7f || c == 0x85 || c == 0xa0 || c == 0x2028 || c == 0x2029;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray sanitizeText(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (char32_t c : s.toUcs4()) {
        if (isLineBreakLike(c)) c = ' ';
        out.append(QString::fromUcs4(&c, 1));
    }
    // toUtf8 turns lone surrogates into U+FFFD, so the result is always valid UTF-8.
    return out.toUtf8();
}

QByteArray sanitizeToken(const QString& s, const char* fallback)
{
    QString out;
    out.reserve(s.size());
    for (char32_t c : s.toUcs4()) {
        if (isTokenBad(c)) c = '_';
        out.append(QString::fromUcs4(&c, 1));
    }
    if (out.isEmpty()) return QByteArray(fallback);
    return out.toUtf8();
}

QByteArray cQuote(const QByteArray& bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 2);
    out.append('"');
    for (char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        switch (b) {
        case '\\':
            out.append("\\\\");
            break;
        case '"':
            out.append("\\\"");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (b < 0x20 || b >= 0x7f) {
                const char oct[5] = {'\\', char('0' + ((b >> 6) & 7)), char('0' + ((b >> 3) & 7)),
                                     char('0' + (b & 7)), 0};
                out.append(oct);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
    return out;
}

std::optional<QByteArray> cUnquote(const QByteArray& line, int& pos)
{
    if (pos < 0 || pos >= line.size() || line[pos] != '"') return std::nullopt;
    QByteArray out;
    int i = pos + 1;
    while (i < line.size()) {
        const char c = line[i];
        if (c == '"') {
            pos = i + 1;
            return out;
        }
        if (c != '\\') {
            out.append(c);
            ++i;
            continue;
        }
        if (i + 1 >= line.size()) return std::nullopt; // backslash at the end: unterminated
        const char e = line[i + 1];
        i += 2;
        switch (e) {
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'x': {
            int v = 0;
            int digits = 0;
            while (digits < 2 && i < line.size() && hexValue(line[i]) >= 0) {
                v = v * 16 + hexValue(line[i]);
                ++i;
                ++digits;
            }
            if (digits == 0) return std::nullopt;
            out.append(char(v));
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                int v = e - '0';
                int digits = 1;
                while (digits < 3 && i < line.size() && line[i] >= '0' && line[i] <= '7') {
                    v = v * 8 + (line[i] - '0');
                    ++i;
                    ++digits;
                }
                if (v > 0xff) return std::nullopt;
                out.append(char(v));
            } else {
                out.append(e); // \" \\ \' and anything else: the character itself
            }
        }
    }
    return std::nullopt;
}

std::optional<QList<std::pair<QString, QString>>> parseKvLine(const QByteArray& s)
{
    QList<std::pair<QString, QString>> items;
    int i = 0;
    const int n = s.size();
    while (true) {
        while (i < n && s[i] == ' ')
            ++i;
        if (i >= n) break;
        const int keyStart = i;
        while (i < n && s[i] != '=' && s[i] != ' ' && s[i] != '"')
            ++i;
        if (i >= n || s[i] != '=' || i == keyStart) return std::nullopt;
        const QByteArray key = s.mid(keyStart, i - keyStart);
        ++i; // '='
        QByteArray value;
        if (i < n && s[i] == '"') {
            auto v = cUnquote(s, i);
            if (!v) return std::nullopt;
            if (i < n && s[i] != ' ') return std::nullopt; // garbage right after the quote
            value = *v;
        } else {
            const int valueStart = i;
            while (i < n && s[i] != ' ')
                ++i;
            value = s.mid(valueStart, i - valueStart);
        }
        items.append({QString::fromUtf8(key), QString::fromUtf8(value)});
    }
    return items;
}

QByteArray formatKvItem(const QString& key, const QString& value)
{
    QByteArray k = sanitizeToken(key, "_");
    k.replace('=', '_');
    k.replace('"', '_');
    const QByteArray v = value.toUtf8();
    bool quote = false;
    for (char ch : v) {
        const auto b = static_cast<unsigned char>(ch);
        if (b <= 0x20 || b >= 0x7f || ch == '"' || ch == '\\' || ch == '=') {
            quote = true;
            break;
        }
    }
    return k + '=' + (quote ? cQuote(v) : v);
}

} // namespace pt::ipc::detail
