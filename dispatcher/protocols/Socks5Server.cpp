#include "dispatcher/protocols/Socks5Server.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <algorithm>

namespace pt::socks5 {

namespace {

constexpr uint8_t kSocksVersion = 0x05;
constexpr uint8_t kUserPassVersion = 0x01; // RFC 1929 subnegotiation version

constexpr uint8_t kMethodNoAuth = 0x00;
constexpr uint8_t kMethodUserPass = 0x02;
constexpr uint8_t kMethodJsonBlock = 0x09;

constexpr uint8_t kCmdConnect = 0x01;

constexpr uint8_t kAtypIPv4 = 0x01;
constexpr uint8_t kAtypDomain = 0x03;
constexpr uint8_t kAtypIPv6 = 0x04;

// The longest RFC 1929 request: VER ULEN UNAME(255) PLEN PASSWD(255).
constexpr qsizetype kMaxUserPassMessage = 1 + 1 + 255 + 1 + 255;

uint8_t byteAt(const QByteArray& b, qsizetype i)
{
    return static_cast<uint8_t>(b.at(i));
}

// Strict UTF-8: a name or argument that is not valid UTF-8 is refused rather than
// silently changed by replacement characters.
std::optional<QString> decodeUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    QString s = decoder.decode(bytes);
    if (decoder.hasError()) return std::nullopt;
    return s;
}

QString hexByte(uint8_t b)
{
    return QStringLiteral("0x%1").arg(b, 2, 16, QLatin1Char('0'));
}

} // namespace

ServerHandshake::ServerHandshake(Limits limits) : m_limits(limits) {}

int ServerHandshake::maxBufferedBytes() const
{
    const uint32_t largest =
        std::max({uint32_t(kMaxUserPassMessage), m_limits.maxJsonBlockBytes, m_limits.maxPipelinedBytes});
    return int(std::min<uint32_t>(largest, uint32_t(INT32_MAX)));
}

QByteArray ServerHandshake::fail(const QString& why, const QByteArray& toSend)
{
    m_state = State::Failed;
    m_error = why;
    m_buf.clear();
    return toSend;
}

bool ServerHandshake::fill(qsizetype n)
{
    const qsizetype missing = n - m_buf.size();
    if (missing > 0 && m_in) {
        const qsizetype take = std::min(missing, m_in->size() - m_inPos);
        if (take > 0) {
            m_buf.append(m_in->constData() + m_inPos, take);
            m_inPos += take;
        }
    }
    return m_buf.size() >= n;
}

QByteArray ServerHandshake::onBytes(const QByteArray& in)
{
    if (m_state == State::Failed) return {};

    QByteArray out;
    m_in = &in;
    m_inPos = 0;
    for (;;) {
        Step step = Step::NeedMore;
        switch (m_state) {
        case State::Greeting:
            step = stepGreeting(out);
            break;
        case State::UserPass:
            step = stepUserPass(out);
            break;
        case State::JsonLength:
            step = stepJsonLength(out);
            break;
        case State::JsonBody:
            step = stepJsonBody();
            break;
        case State::Request:
            step = stepRequest(out);
            break;
        case State::RequestReady:
        case State::Replied:
        case State::Failed:
            break;
        }
        if (step == Step::NeedMore) break;
    }

    const qsizetype rest = in.size() - m_inPos;
    if (rest > 0 && m_state == State::RequestReady &&
        m_buf.size() + rest > qsizetype(m_limits.maxPipelinedBytes)) {
        out += fail(QStringLiteral("client sent more than %1 bytes before the CONNECT reply")
                        .arg(m_limits.maxPipelinedBytes),
                    encodeReply(GeneralFailure, QString(), 0));
    } else if (rest > 0 && (m_state == State::RequestReady || m_state == State::Replied)) {
        m_buf.append(in.constData() + m_inPos, rest);
    }
    m_in = nullptr;
    m_inPos = 0;
    return out;
}

ServerHandshake::Step ServerHandshake::stepGreeting(QByteArray& out)
{
    if (!fill(1)) return Step::NeedMore;
    if (byteAt(m_buf, 0) != kSocksVersion) {
        // Probably SOCKS4 or HTTP: a SOCKS5 method reply would mean nothing to it.
        out += fail(QStringLiteral("greeting has version %1, not 5").arg(hexByte(byteAt(m_buf, 0))));
        return Step::Progress;
    }
    if (!fill(2)) return Step::NeedMore;
    const int nmethods = byteAt(m_buf, 1);
    if (nmethods == 0) {
        out += fail(QStringLiteral("greeting offers no methods"), QByteArray::fromRawData("\x05\xFF", 2));
        return Step::Progress;
    }
    if (!fill(2 + nmethods)) return Step::NeedMore;

    bool offered[256] = {};
    for (int i = 0; i < nmethods; ++i)
        offered[byteAt(m_buf, 2 + i)] = true;
    m_buf.clear();

    // Prefer the methods that carry arguments: a client offering them has some.
    if (offered[kMethodJsonBlock]) {
        m_method = kMethodJsonBlock;
        m_state = State::JsonLength;
    } else if (offered[kMethodUserPass]) {
        m_method = kMethodUserPass;
        m_state = State::UserPass;
    } else if (offered[kMethodNoAuth]) {
        m_method = kMethodNoAuth;
        m_state = State::Request;
    } else {
        out += fail(QStringLiteral("no acceptable authentication method offered"),
                    QByteArray::fromRawData("\x05\xFF", 2));
        return Step::Progress;
    }
    out += char(kSocksVersion);
    out += char(m_method);
    return Step::Progress;
}

ServerHandshake::Step ServerHandshake::stepUserPass(QByteArray& out)
{
    if (!fill(1)) return Step::NeedMore;
    if (byteAt(m_buf, 0) != kUserPassVersion) {
        out += fail(QStringLiteral("RFC 1929 request has version %1, not 1").arg(hexByte(byteAt(m_buf, 0))),
                    QByteArray::fromRawData("\x01\x01", 2));
        return Step::Progress;
    }
    if (!fill(2)) return Step::NeedMore;
    const qsizetype ulen = byteAt(m_buf, 1);
    if (!fill(2 + ulen + 1)) return Step::NeedMore;
    const qsizetype plen = byteAt(m_buf, 2 + ulen);
    if (!fill(3 + ulen + plen)) return Step::NeedMore;

    const QByteArray user = m_buf.mid(2, ulen);
    QByteArray password = m_buf.mid(3 + ulen, plen);
    m_buf.clear();
    // Tor fills the password with one NUL byte when the arguments fit in the
    // username, because RFC 1929 clients may not send an empty password.
    if (password == QByteArray(1, '\0')) password.clear();

    QString why;
    if (auto args = parseTorArgs(user + password, &why)) {
        m_args = *args;
    } else {
        // RFC 1929 has no way to say "bad arguments"; the spec's X'13' in the
        // CONNECT reply does.
        m_args = QJsonObject();
        m_settingsError = SettingsInvalid;
        m_error = QStringLiteral("bad per-connection arguments: %1").arg(why);
    }
    out += QByteArray::fromRawData("\x01\x00", 2);
    m_state = State::Request;
    return Step::Progress;
}

ServerHandshake::Step ServerHandshake::stepJsonLength(QByteArray& out)
{
    if (!fill(4)) return Step::NeedMore;
    m_jsonLen = (uint32_t(byteAt(m_buf, 0)) << 24) | (uint32_t(byteAt(m_buf, 1)) << 16) |
                (uint32_t(byteAt(m_buf, 2)) << 8) | uint32_t(byteAt(m_buf, 3));
    m_buf.clear();
    if (m_jsonLen > m_limits.maxJsonBlockBytes) {
        // We will not read (or skip) that much, so the request that follows the
        // block can never be found: answer in the CONNECT reply's shape now.
        m_settingsError = SettingsTooLarge;
        out += fail(QStringLiteral("JSON parameter block of %1 bytes exceeds the limit of %2")
                        .arg(m_jsonLen)
                        .arg(m_limits.maxJsonBlockBytes),
                    encodeReply(SettingsTooLarge, QString(), 0));
        return Step::Progress;
    }
    m_state = m_jsonLen == 0 ? State::Request : State::JsonBody;
    return Step::Progress;
}

ServerHandshake::Step ServerHandshake::stepJsonBody()
{
    if (!fill(qsizetype(m_jsonLen))) return Step::NeedMore;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(m_buf, &err);
    m_buf.clear();
    if (err.error != QJsonParseError::NoError) {
        m_settingsError = SettingsNotJson;
        m_error = QStringLiteral("JSON parameter block does not parse: %1").arg(err.errorString());
    } else if (!doc.isObject()) {
        m_settingsError = SettingsNotJson;
        m_error = QStringLiteral("JSON parameter block is not an object");
    } else {
        m_args = doc.object();
    }
    m_state = State::Request;
    return Step::Progress;
}

ServerHandshake::Step ServerHandshake::stepRequest(QByteArray& out)
{
    const auto refuse = [&](uint8_t code, const QString& why) {
        out += fail(why, encodeReply(code, QString(), 0));
        return Step::Progress;
    };

    if (!fill(1)) return Step::NeedMore;
    if (byteAt(m_buf, 0) != kSocksVersion)
        return refuse(GeneralFailure,
                      QStringLiteral("request has version %1, not 5").arg(hexByte(byteAt(m_buf, 0))));
    if (!fill(2)) return Step::NeedMore;
    if (byteAt(m_buf, 1) != kCmdConnect)
        return refuse(
            CommandNotSupported,
            QStringLiteral("command %1 is not supported (CONNECT only)").arg(hexByte(byteAt(m_buf, 1))));
    // Byte 2 is RSV: RFC 1928 says it must be 0, we do not care.
    if (!fill(4)) return Step::NeedMore;
    m_atyp = byteAt(m_buf, 3);

    qsizetype total = 0;
    switch (m_atyp) {
    case kAtypIPv4:
        total = 4 + 4 + 2;
        break;
    case kAtypIPv6:
        total = 4 + 16 + 2;
        break;
    case kAtypDomain: {
        if (!fill(5)) return Step::NeedMore;
        const qsizetype dlen = byteAt(m_buf, 4);
        if (dlen == 0) return refuse(GeneralFailure, QStringLiteral("request names an empty domain"));
        total = 5 + dlen + 2;
        break;
    }
    default:
        return refuse(AddressTypeNotSupported,
                      QStringLiteral("address type %1 is not supported").arg(hexByte(m_atyp)));
    }
    if (!fill(total)) return Step::NeedMore;

    const auto* p = reinterpret_cast<const uint8_t*>(m_buf.constData());
    switch (m_atyp) {
    case kAtypIPv4:
        m_host =
            QHostAddress((quint32(p[4]) << 24) | (quint32(p[5]) << 16) | (quint32(p[6]) << 8) | quint32(p[7]))
                .toString();
        break;
    case kAtypIPv6:
        m_host = QHostAddress(p + 4).toString();
        break;
    default: {
        const QByteArray name = m_buf.mid(5, total - 7);
        if (name.contains('\0'))
            return refuse(GeneralFailure, QStringLiteral("domain name contains a NUL byte"));
        const auto decoded = decodeUtf8(name);
        if (!decoded) return refuse(GeneralFailure, QStringLiteral("domain name is not valid UTF-8"));
        m_host = *decoded;
        break;
    }
    }
    m_port = uint16_t((uint16_t(p[total - 2]) << 8) | p[total - 1]);
    if (m_port == 0) return refuse(GeneralFailure, QStringLiteral("request names port 0"));

    m_buf.clear();
    m_state = State::RequestReady;
    return Step::Progress;
}

QByteArray ServerHandshake::onTimeout()
{
    switch (m_state) {
    case State::JsonLength:
    case State::JsonBody:
        m_settingsError = SettingsTimeout;
        return fail(QStringLiteral("timed out reading the JSON parameter block"),
                    encodeReply(SettingsTimeout, QString(), 0));
    case State::Greeting:
    case State::UserPass:
    case State::Request:
    case State::RequestReady:
        return fail(QStringLiteral("SOCKS5 handshake timed out"));
    case State::Replied:
    case State::Failed:
        break;
    }
    return {};
}

QByteArray ServerHandshake::reply(uint8_t code, const QString& boundHost, uint16_t boundPort)
{
    if (m_state != State::RequestReady) return {};
    QByteArray bytes = encodeReply(code, boundHost, boundPort);
    if (code == Succeeded) {
        m_state = State::Replied;
        return bytes;
    }
    return fail(QStringLiteral("CONNECT answered with %1").arg(hexByte(code)), bytes);
}

QByteArray ServerHandshake::takeLeftover()
{
    if (m_state != State::RequestReady && m_state != State::Replied) return {};
    QByteArray out;
    out.swap(m_buf);
    return out;
}

std::optional<QJsonObject> parseTorArgs(const QByteArray& s, QString* error)
{
    const auto bad = [&](const QString& why) -> std::optional<QJsonObject> {
        if (error) *error = why;
        return std::nullopt;
    };

    QJsonObject args;
    const qsizetype n = s.size();
    if (n == 0) return args;
    if (s.contains('\0')) return bad(QStringLiteral("arguments contain a NUL byte"));

    // Reads up to an unescaped stop character; '\' takes the next byte literally.
    qsizetype i = 0;
    const auto readUntil = [&](bool stopAtEquals, QByteArray& into) {
        while (i < n && s.at(i) != ';' && !(stopAtEquals && s.at(i) == '=')) {
            if (s.at(i) == '\\') {
                if (i + 1 >= n) return false;
                ++i;
            }
            into += s.at(i++);
        }
        return true;
    };

    for (;;) {
        const qsizetype begin = i;
        QByteArray key, value;
        if (!readUntil(true, key))
            return bad(QStringLiteral("dangling backslash at the end of the arguments"));
        if (i >= n || s.at(i) != '=')
            return bad(
                QStringLiteral("no '=' in argument \"%1\"").arg(QString::fromUtf8(s.mid(begin, i - begin))));
        ++i;
        // Only ';' ends a value: an unescaped '=' inside it is kept, as goptlib does.
        if (!readUntil(false, value))
            return bad(QStringLiteral("dangling backslash at the end of the arguments"));
        if (key.isEmpty())
            return bad(QStringLiteral("empty key in argument \"%1\"")
                           .arg(QString::fromUtf8(s.mid(begin, i - begin))));
        const auto k = decodeUtf8(key);
        const auto v = decodeUtf8(value);
        if (!k || !v) return bad(QStringLiteral("argument is not valid UTF-8"));
        // goptlib keeps every value and Get() returns the first: so do we.
        if (!args.contains(*k)) args.insert(*k, *v);
        if (i >= n) break;
        ++i; // the ';'
    }
    return args;
}

QByteArray encodeReply(uint8_t code, const QString& boundHost, uint16_t boundPort)
{
    QByteArray out;
    out += char(kSocksVersion);
    out += char(code);
    out += char(0x00); // RSV

    QHostAddress addr;
    const bool isLiteral = !boundHost.isEmpty() && addr.setAddress(boundHost);
    if (isLiteral && addr.protocol() == QAbstractSocket::IPv6Protocol) {
        out += char(kAtypIPv6);
        const Q_IPV6ADDR a = addr.toIPv6Address();
        out.append(reinterpret_cast<const char*>(a.c), 16);
    } else {
        quint32 v4 = 0;
        if (isLiteral && addr.protocol() == QAbstractSocket::IPv4Protocol) v4 = addr.toIPv4Address();
        out += char(kAtypIPv4);
        out += char((v4 >> 24) & 0xFF);
        out += char((v4 >> 16) & 0xFF);
        out += char((v4 >> 8) & 0xFF);
        out += char(v4 & 0xFF);
    }
    out += char((boundPort >> 8) & 0xFF);
    out += char(boundPort & 0xFF);
    return out;
}

Reply replyFor(const NetError& err)
{
    using Kind = NetError::Kind;
    switch (err.kind) {
    case Kind::Refused:
        return ConnectionRefused;
    case Kind::NetUnreachable:
        return NetworkUnreachable;
    case Kind::HostUnreachable:
        return HostUnreachable;
    case Kind::TimedOut:
        return TtlExpired;
    case Kind::AddressFamily:
        return AddressTypeNotSupported;
    default:
        return GeneralFailure;
    }
}

} // namespace pt::socks5
