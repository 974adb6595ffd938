#include "dispatcher/protocols/Http1.h"

#include <limits>

namespace pt::http {

namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// Locale-free: only A-Z/a-z fold, bytes >= 0x80 compare exactly.
bool equalsCI(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size()) return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (asciiLower(a[i]) != asciiLower(b[i])) return false;
    return true;
}

bool isTchar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty()) return false;
    for (char c : s)
        if (!isTchar(c)) return false;
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// field-vchar / SP / HTAB (obs-text allowed): everything but CTLs other than HTAB.
bool isFieldValueByte(char c)
{
    const auto u = uint8_t(c);
    return u == '\t' || (u >= 0x20 && u != 0x7F);
}

bool isFieldValue(QByteArrayView s)
{
    for (char c : s)
        if (!isFieldValueByte(c)) return false;
    return true;
}

// A request-target: visible ASCII only.
bool isTarget(QByteArrayView s)
{
    if (s.isEmpty()) return false;
    for (char c : s) {
        const auto u = uint8_t(c);
        if (u <= 0x20 || u >= 0x7F) return false;
    }
    return true;
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimOws(QByteArrayView s)
{
    while (!s.isEmpty() && isOws(s.front()))
        s = s.sliced(1);
    while (!s.isEmpty() && isOws(s.back()))
        s.chop(1);
    return s;
}

// "HTTP/1.x" -> x; -1 when not HTTP-version syntax, -2 when a major version other than 1.
int parseVersion(QByteArrayView s)
{
    if (s.size() != 8 || !s.startsWith("HTTP/") || !isDigit(s[5]) || s[6] != '.' || !isDigit(s[7])) return -1;
    if (s[5] != '1') return -2;
    return s[7] - '0';
}

// Decimal digits into a non-negative qint64; nullopt on anything else or overflow.
std::optional<qint64> parseDecimal(QByteArrayView s)
{
    if (s.isEmpty()) return std::nullopt;
    qint64 v = 0;
    for (char c : s) {
        if (!isDigit(c)) return std::nullopt;
        if (v > (std::numeric_limits<qint64>::max() - (c - '0')) / 10) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

template <typename F> void forEachListElement(QByteArrayView list, F&& f)
{
    while (true) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView element = trimOws(comma < 0 ? list : list.first(comma));
        if (!element.isEmpty()) f(element);
        if (comma < 0) return;
        list = list.sliced(comma + 1);
    }
}

bool appendFields(QByteArray& out, const Headers& h)
{
    for (const Field& f : h.fields) {
        if (!isToken(f.name) || !isFieldValue(f.value)) return false;
        out += f.name;
        out += ": ";
        out += f.value;
        out += "\r\n";
    }
    out += "\r\n";
    return true;
}

bool statusHasNoBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

} // namespace

// ---------------------------------------------------------------------------- Headers

void Headers::set(const QByteArray& name, const QByteArray& value)
{
    remove(name);
    add(name, value);
}

int Headers::remove(const QByteArray& name)
{
    return int(fields.removeIf([&](const Field& f) { return equalsCI(f.name, name); }));
}

bool Headers::has(const QByteArray& name) const
{
    for (const Field& f : fields)
        if (equalsCI(f.name, name)) return true;
    return false;
}

QByteArray Headers::value(const QByteArray& name) const
{
    for (const Field& f : fields)
        if (equalsCI(f.name, name)) return f.value;
    return QByteArray();
}

QList<QByteArray> Headers::values(const QByteArray& name) const
{
    QList<QByteArray> out;
    for (const Field& f : fields)
        if (equalsCI(f.name, name)) out.append(f.value);
    return out;
}

bool Headers::tokenListContains(const QByteArray& name, const QByteArray& token) const
{
    bool found = false;
    for (const Field& f : fields) {
        if (!equalsCI(f.name, name)) continue;
        forEachListElement(f.value, [&](QByteArrayView e) { found = found || equalsCI(e, token); });
    }
    return found;
}

// ---------------------------------------------------------------------------- helpers

static bool keepAliveFor(int versionMinor, const Headers& h)
{
    if (h.tokenListContains("Connection", "close")) return false;
    if (versionMinor >= 1) return true;
    return h.tokenListContains("Connection", "keep-alive");
}

bool keepAlive(const Request& r)
{
    return keepAliveFor(r.versionMinor, r.headers);
}

bool keepAlive(const Response& r)
{
    return keepAliveFor(r.versionMinor, r.headers);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

QByteArray encodeRequestHead(const Request& r)
{
    if (!isToken(r.method) || !isTarget(r.target) || r.versionMinor < 0 || r.versionMinor > 1)
        return QByteArray();
    QByteArray out = r.method + ' ' + r.target + " HTTP/1." + char('0' + r.versionMinor) + "\r\n";
    if (!appendFields(out, r.headers)) return QByteArray();
    return out;
}

QByteArray encodeResponseHead(const Response& r)
{
    if (r.status < 100 || r.status > 999 || r.versionMinor < 0 || r.versionMinor > 1 ||
        !isFieldValue(r.reason))
        return QByteArray();
    QByteArray out = "HTTP/1." + QByteArray(1, char('0' + r.versionMinor)) + ' ' +
                     QByteArray::number(r.status) + ' ' + r.reason + "\r\n";
    if (!appendFields(out, r.headers)) return QByteArray();
    return out;
}

QByteArray encodeRequest(Request r, const QByteArray& body)
{
    const bool wantsLength =
        !body.isEmpty() || r.method == "POST" || r.method == "PUT" || r.method == "PATCH";
    r.headers.remove("Transfer-Encoding");
    if (wantsLength) r.headers.set("Content-Length", QByteArray::number(body.size()));
    QByteArray head = encodeRequestHead(r);
    if (head.isNull()) return head;
    return head + body;
}

QByteArray encodeResponse(Response r, const QByteArray& body)
{
    if (statusHasNoBody(r.status)) {
        if (!body.isEmpty()) return QByteArray();
        return encodeResponseHead(r);
    }
    r.headers.remove("Transfer-Encoding");
    r.headers.set("Content-Length", QByteArray::number(body.size()));
    QByteArray head = encodeResponseHead(r);
    if (head.isNull()) return head;
    return head + body;
}

QByteArray encodeErrorResponse(int status)
{
    Response r;
    r.status = status;
    r.reason = reasonPhrase(status);
    r.headers.add("Content-Type", "text/plain; charset=utf-8");
    r.headers.add("Connection", "close");
    return encodeResponse(r, r.reason + '\n');
}

QByteArray encodeChunk(const QByteArray& data)
{
    if (data.isEmpty()) return QByteArrayLiteral("0\r\n\r\n");
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// ---------------------------------------------------------------------------- Parser

Parser::Parser(Mode mode, Limits limits) : m_mode(mode), m_limits(limits) {}

void Parser::fail(int status, const QString& why)
{
    m_phase = Phase::Failed;
    m_state = State::Failed;
    m_errorStatus = status;
    m_error = why;
    m_buf.clear();
    m_pos = m_scan = 0;
    m_body.clear();
}

void Parser::feed(const QByteArray& bytes)
{
    if (m_state == State::Failed || m_eof || bytes.isEmpty()) return;
    m_buf += bytes;
    if (m_phase != Phase::Done) run();
    compact();
}

void Parser::compact()
{
    if (m_pos == 0) return;
    m_buf.remove(0, m_pos);
    m_scan -= m_pos;
    m_pos = 0;
}

std::optional<QByteArray> Parser::nextLine(qint64& counter, qint64 max, int status, const char* what)
{
    const qsizetype lf = m_buf.indexOf('\n', std::max(m_pos, m_scan));
    if (lf < 0) {
        m_scan = m_buf.size();
        if (counter + (m_buf.size() - m_pos) > max)
            fail(status, QStringLiteral("%1 longer than %2 bytes").arg(QLatin1String(what)).arg(max));
        return std::nullopt;
    }
    counter += lf + 1 - m_pos;
    if (counter > max) {
        fail(status, QStringLiteral("%1 longer than %2 bytes").arg(QLatin1String(what)).arg(max));
        return std::nullopt;
    }
    qsizetype end = lf;
    if (end > m_pos && m_buf[end - 1] == '\r') --end;
    QByteArray line = m_buf.mid(m_pos, end - m_pos);
    m_pos = m_scan = lf + 1;
    return line;
}

// A request line still waiting for its LF: a method byte that is not a tchar fails it
// now, as the whole line would (a web server answers a TLS ClientHello or random
// bytes at once instead of waiting for a line ending that never comes).
void Parser::checkPartialMethod()
{
    if (m_mode != Mode::Request) return;
    for (qsizetype i = m_pos; i < m_buf.size(); ++i) {
        const char c = m_buf[i];
        if (c == ' ' && i > m_pos) return;
        if (c == '\r' && i + 1 == m_buf.size())
            return; // may be the CR of a CRLF (an empty line before the request)
        if (!isTchar(c)) {
            fail(400, QStringLiteral("request method is not a token"));
            return;
        }
    }
}

bool Parser::parseStartLine(const QByteArray& line)
{
    const qsizetype sp1 = line.indexOf(' ');
    if (m_mode == Mode::Request) {
        const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 < 0 || sp2 < 0) {
            fail(400, QStringLiteral("request line is not 'method target version'"));
            return false;
        }
        const QByteArrayView method = QByteArrayView(line).first(sp1);
        const QByteArrayView target = QByteArrayView(line).sliced(sp1 + 1, sp2 - sp1 - 1);
        const QByteArrayView version = QByteArrayView(line).sliced(sp2 + 1);
        if (!isToken(method)) {
            fail(400, QStringLiteral("request method is not a token"));
            return false;
        }
        if (!isTarget(target)) {
            fail(400, QStringLiteral("request target is empty or has a space or control byte"));
            return false;
        }
        const int minor = parseVersion(version);
        if (minor == -2) {
            fail(505, QStringLiteral("HTTP major version is not 1"));
            return false;
        }
        if (minor < 0) {
            fail(400, QStringLiteral("bad HTTP version in request line"));
            return false;
        }
        m_request.method = method.toByteArray();
        m_request.target = target.toByteArray();
        m_request.versionMinor = minor;
        return true;
    }
    // status-line = HTTP-version SP 3DIGIT [ SP reason-phrase ]
    const QByteArrayView view(line);
    const int minor = parseVersion(sp1 < 0 ? view : view.first(sp1));
    if (minor == -2) {
        fail(505, QStringLiteral("HTTP major version is not 1"));
        return false;
    }
    if (minor < 0 || sp1 < 0) {
        fail(400, QStringLiteral("bad HTTP version in status line"));
        return false;
    }
    const QByteArrayView rest = view.sliced(sp1 + 1);
    if (rest.size() < 3 || !isDigit(rest[0]) || !isDigit(rest[1]) || !isDigit(rest[2]) || rest[0] == '0' ||
        (rest.size() > 3 && rest[3] != ' ')) {
        fail(400, QStringLiteral("bad status code"));
        return false;
    }
    const QByteArrayView reason = rest.size() > 3 ? rest.sliced(4) : QByteArrayView();
    if (!isFieldValue(reason)) {
        fail(400, QStringLiteral("control byte in reason phrase"));
        return false;
    }
    m_response.versionMinor = minor;
    m_response.status = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
    m_response.reason = reason.toByteArray();
    return true;
}

bool Parser::parseFieldLine(const QByteArray& line, Headers& into, int& count)
{
    if (isOws(line[0])) {
        fail(400, QStringLiteral("obsolete line folding"));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        fail(400, QStringLiteral("field line without ':'"));
        return false;
    }
    const QByteArrayView name = QByteArrayView(line).first(colon);
    if (!isToken(name)) {
        fail(400, QStringLiteral("field name is not a token (or whitespace before ':')"));
        return false;
    }
    const QByteArrayView value = trimOws(QByteArrayView(line).sliced(colon + 1));
    if (!isFieldValue(value)) {
        fail(400, QStringLiteral("control byte in field value"));
        return false;
    }
    if (++count > m_limits.maxHeaders) {
        fail(431, QStringLiteral("more than %1 fields").arg(m_limits.maxHeaders));
        return false;
    }
    into.add(name.toByteArray(), value.toByteArray());
    return true;
}

void Parser::finishHead()
{
    const bool isRequest = m_mode == Mode::Request;
    const Headers& h = isRequest ? m_request.headers : m_response.headers;
    const int minor = isRequest ? m_request.versionMinor : m_response.versionMinor;

    if (isRequest) {
        const int hosts = int(h.values("Host").size());
        if (hosts > 1 || (hosts == 0 && minor >= 1))
            return fail(400, QStringLiteral("an HTTP/1.1 request needs exactly one Host field"));
    }

    bool chunked = false;
    const bool hasTe = h.has("Transfer-Encoding");
    if (hasTe) {
        if (minor == 0) return fail(400, QStringLiteral("Transfer-Encoding in an HTTP/1.0 message"));
        if (h.has("Content-Length"))
            return fail(400, QStringLiteral("both Transfer-Encoding and Content-Length"));
        int chunkedCount = 0;
        int other = 0;
        for (const QByteArray& v : h.values("Transfer-Encoding"))
            forEachListElement(v, [&](QByteArrayView e) {
                if (equalsCI(e, "chunked"))
                    ++chunkedCount;
                else
                    ++other;
            });
        if (other > 0) return fail(501, QStringLiteral("unsupported transfer coding"));
        if (chunkedCount != 1) return fail(400, QStringLiteral("Transfer-Encoding must be 'chunked' once"));
        chunked = true;
    }

    std::optional<qint64> length;
    for (const QByteArray& v : h.values("Content-Length")) {
        bool bad = false;
        int elements = 0;
        forEachListElement(v, [&](QByteArrayView e) {
            ++elements;
            const auto n = parseDecimal(e);
            if (!n || (length && *length != *n))
                bad = true;
            else
                length = n;
        });
        if (bad || elements == 0) return fail(400, QStringLiteral("bad or conflicting Content-Length"));
    }

    m_headReady = true;
    m_keepAliveHead = keepAliveFor(minor, h);
    if (!isRequest) {
        const int status = m_response.status;
        const bool connect2xx = equalsCI(m_requestMethod, "CONNECT") && status >= 200 && status < 300;
        m_upgrade = status == 101 || connect2xx;
        if (statusHasNoBody(status) || connect2xx || equalsCI(m_requestMethod, "HEAD")) {
            m_phase = Phase::Done;
            return;
        }
    }
    if (chunked) {
        m_phase = Phase::ChunkSize;
        m_lineBytes = 0;
        return;
    }
    if (length) {
        if (*length > m_limits.maxBodyBytes)
            return fail(413, QStringLiteral("Content-Length %1 exceeds the limit of %2 bytes")
                                 .arg(*length)
                                 .arg(m_limits.maxBodyBytes));
        m_remaining = *length;
        m_phase = m_remaining == 0 ? Phase::Done : Phase::FixedBody;
        return;
    }
    if (isRequest) {
        m_phase = Phase::Done;
        return;
    }
    m_untilClose = true;
    m_phase = Phase::UntilClose;
}

bool Parser::parseChunkSize(const QByteArray& line)
{
    qsizetype i = 0;
    qint64 size = 0;
    while (i < line.size()) {
        const char c = line[i];
        int d;
        if (isDigit(c))
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            break;
        if (size > (std::numeric_limits<qint64>::max() >> 4)) {
            fail(400, QStringLiteral("chunk size overflows"));
            return false;
        }
        size = size * 16 + d;
        ++i;
    }
    if (i == 0) {
        fail(400, QStringLiteral("chunk size is not hexadecimal"));
        return false;
    }
    const QByteArrayView rest = trimOws(QByteArrayView(line).sliced(i));
    // chunk extensions are ignored, but must start with ';' and hold no CTL
    if ((!rest.isEmpty() && rest[0] != ';') || !isFieldValue(rest)) {
        fail(400, QStringLiteral("bad chunk-size line"));
        return false;
    }
    if (size > m_limits.maxBodyBytes - m_bodyTotal) {
        fail(413, QStringLiteral("chunked body exceeds the limit of %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_remaining = size;
    return true;
}

void Parser::appendBody(qint64 n)
{
    m_body.append(m_buf.constData() + m_pos, qsizetype(n));
    m_pos += qsizetype(n);
    m_scan = std::max(m_scan, m_pos);
    m_bodyTotal += n;
}

void Parser::run()
{
    while (true) {
        const qint64 avail = m_buf.size() - m_pos;
        switch (m_phase) {
        case Phase::StartLine: {
            auto line = nextLine(m_lineBytes, m_limits.maxHeadBytes, 431, "message head");
            if (!line) {
                if (m_state != State::Failed) checkPartialMethod();
                return;
            }
            if (line->isEmpty()) break; // empty lines before the start line are skipped (RFC 9112 2.2)
            if (!parseStartLine(*line)) return;
            m_phase = Phase::Fields;
            break;
        }
        case Phase::Fields: {
            auto line = nextLine(m_lineBytes, m_limits.maxHeadBytes, 431, "message head");
            if (!line) return;
            if (line->isEmpty()) {
                finishHead();
                if (m_phase == Phase::Failed) return;
                break;
            }
            Headers& h = m_mode == Mode::Request ? m_request.headers : m_response.headers;
            if (!parseFieldLine(*line, h, m_fieldCount)) return;
            break;
        }
        case Phase::FixedBody: {
            if (avail == 0) return;
            appendBody(std::min(avail, m_remaining));
            m_remaining = m_remaining - std::min(avail, m_remaining);
            if (m_remaining == 0) m_phase = Phase::Done;
            break;
        }
        case Phase::ChunkSize: {
            auto line = nextLine(m_lineBytes, m_limits.maxChunkLineBytes, 400, "chunk-size line");
            if (!line) return;
            m_lineBytes = 0;
            if (!parseChunkSize(*line)) return;
            if (m_remaining == 0) {
                m_phase = Phase::Trailer;
                m_fieldCount = 0;
            } else {
                m_phase = Phase::ChunkData;
            }
            break;
        }
        case Phase::ChunkData: {
            if (avail == 0) return;
            const qint64 n = std::min(avail, m_remaining);
            appendBody(n);
            m_remaining -= n;
            if (m_remaining == 0) m_phase = Phase::ChunkDataEnd;
            break;
        }
        case Phase::ChunkDataEnd: {
            if (avail == 0) return;
            if (m_buf[m_pos] == '\n') {
                m_pos += 1;
            } else if (m_buf[m_pos] == '\r') {
                if (avail < 2) return;
                if (m_buf[m_pos + 1] != '\n')
                    return fail(400, QStringLiteral("chunk data not followed by CRLF"));
                m_pos += 2;
            } else {
                return fail(400, QStringLiteral("chunk data longer than its size"));
            }
            m_scan = std::max(m_scan, m_pos);
            m_lineBytes = 0;
            m_phase = Phase::ChunkSize;
            break;
        }
        case Phase::Trailer: {
            auto line = nextLine(m_lineBytes, m_limits.maxHeadBytes, 431, "trailer section");
            if (!line) return;
            if (line->isEmpty()) {
                m_phase = Phase::Done;
                break;
            }
            if (!parseFieldLine(*line, m_trailers, m_fieldCount)) return;
            break;
        }
        case Phase::UntilClose: {
            if (avail == 0) return;
            if (avail > m_limits.maxBodyBytes - m_bodyTotal)
                return fail(413,
                            QStringLiteral("body exceeds the limit of %1 bytes").arg(m_limits.maxBodyBytes));
            appendBody(avail);
            return;
        }
        case Phase::Done:
            m_state = State::Complete;
            return;
        case Phase::Failed:
            return;
        }
        if (m_phase == Phase::FixedBody || m_phase == Phase::ChunkSize || m_phase == Phase::ChunkData ||
            m_phase == Phase::ChunkDataEnd || m_phase == Phase::Trailer || m_phase == Phase::UntilClose)
            m_state = State::Body;
    }
}

void Parser::onEof()
{
    if (m_eof || m_state == State::Failed) return;
    m_eof = true;
    if (m_phase == Phase::Done) return;
    if (m_phase == Phase::UntilClose) {
        m_phase = Phase::Done;
        m_state = State::Complete;
        return;
    }
    if (m_phase == Phase::StartLine && m_lineBytes == 0 && bufferedBytes() == 0)
        return; // a clean close between messages
    fail(400, QStringLiteral("connection closed before the message was complete"));
}

std::optional<Request> Parser::takeRequest()
{
    if (m_mode != Mode::Request || !m_headReady) return std::nullopt;
    m_headReady = false;
    return std::move(m_request);
}

std::optional<Response> Parser::takeResponse()
{
    if (m_mode != Mode::Response || !m_headReady) return std::nullopt;
    m_headReady = false;
    return std::move(m_response);
}

QByteArray Parser::takeBody()
{
    QByteArray out;
    out.swap(m_body);
    return out;
}

bool Parser::keepAlive() const
{
    if (m_state != State::Complete || m_untilClose || m_upgrade) return false;
    return m_keepAliveHead;
}

void Parser::resetMessage()
{
    m_state = State::Head;
    m_phase = Phase::StartLine;
    m_lineBytes = 0;
    m_fieldCount = 0;
    m_request = Request();
    m_response = Response();
    m_headReady = false;
    m_body.clear();
    m_bodyTotal = 0;
    m_remaining = 0;
    m_trailers = Headers();
    m_untilClose = false;
    m_upgrade = false;
    m_keepAliveHead = false;
}

bool Parser::nextMessage(const QByteArray& requestMethod)
{
    if (m_state != State::Complete) return false;
    resetMessage();
    m_requestMethod = requestMethod;
    m_scan = m_pos;
    run();
    compact();
    if (m_eof && m_state != State::Complete && m_state != State::Failed) {
        m_eof = false;
        onEof();
    }
    return true;
}

QByteArray Parser::takeLeftover()
{
    if (m_state != State::Complete) return QByteArray();
    QByteArray out = m_buf.mid(m_pos);
    m_buf.clear();
    m_pos = m_scan = 0;
    return out;
}

} // namespace pt::http
