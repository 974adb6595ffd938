#pragma once

// Server side of the SOCKS5 handshake (RFC 1928) as a sans-IO state machine, with
// the Pluggable Transports extensions of Dispatcher IPC 3.0 section 1.4:
//  - method 0x00 (no authentication),
//  - method 0x09 "JSON Parameter Block": 4-byte big-endian length then UTF-8 JSON,
//    with no status reply of its own; errors are returned as the REP field of the
//    CONNECT reply: X'10' too large, X'11' timeout, X'12' not JSON, X'13' bad keys,
//  - method 0x02 (RFC 1929) carrying Tor-style "k=v;k=v" arguments split over
//    username and password (a password of one NUL byte is treated as empty).
// Only CONNECT is supported (BIND and UDP ASSOCIATE get X'07').
//
// Feed bytes with onBytes(); it returns bytes to send back and moves through states.
// When state() == RequestReady the caller dials, then calls reply().

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace pt::socks5 {

enum Reply : uint8_t {
    Succeeded = 0x00,
    GeneralFailure = 0x01,
    NotAllowed = 0x02,
    NetworkUnreachable = 0x03,
    HostUnreachable = 0x04,
    ConnectionRefused = 0x05,
    TtlExpired = 0x06,
    CommandNotSupported = 0x07,
    AddressTypeNotSupported = 0x08,
    // Dispatcher IPC 3.0 section 1.4
    SettingsTooLarge = 0x10,
    SettingsTimeout = 0x11,
    SettingsNotJson = 0x12,
    SettingsInvalid = 0x13,
};

struct Limits
{
    uint32_t maxJsonBlockBytes = 64 * 1024;
};

class ServerHandshake
{
public:
    enum class State {
        Greeting,      // waiting for VER NMETHODS METHODS
        JsonLength,    // method 0x09 chosen: waiting for the 4-byte length
        JsonBody,      // waiting for the JSON body
        UserPass,      // method 0x02 chosen: waiting for the RFC 1929 request
        Request,       // waiting for the CONNECT request
        RequestReady,  // a CONNECT request is complete: dial, then reply()
        Replied,       // reply sent; any bytes left over are application data
        Failed,        // protocol error: send toSend (if any) and close
    };

    explicit ServerHandshake(Limits limits = {});

    // Consumes as much of `in` as the handshake needs; the rest (bytes the client
    // pipelined after its request) is kept and returned by takeLeftover() .
    // Returns bytes to send to the client (method selection, auth status, or a
    // failure reply).
    QByteArray onBytes(const QByteArray& in);

    State state() const { return m_state; }
    // Human-readable reason when state() == Failed (for a LOG line).
    QString error() const { return m_error; }

    // The CONNECT destination (RequestReady onwards). For ATYP 3 host is the domain
    // name as sent; for ATYP 1/4 the textual IP address.
    QString host() const { return m_host; }
    uint16_t port() const { return m_port; }
    uint8_t addressType() const { return m_atyp; }

    // Per-connection arguments from the 0x09 block (a JSON object; non-string values
    // kept as JSON) or RFC 1929 k=v;k=v. Empty when method 0x00 was used.
    QJsonObject arguments() const { return m_args; }
    // When per-connection settings were unusable, the REP code to send once the
    // request is read (0x10/0x12/0x13); 0 when fine. The caller may also decide
    // SettingsInvalid itself after asking the transport.
    uint8_t pendingSettingsError() const { return m_settingsError; }

    // The handshake timed out: returns the reply to send (X'11' if we were inside a
    // JSON block and the request can still be answered, otherwise nothing) and
    // moves to Failed.
    QByteArray onTimeout();

    // Builds the CONNECT reply with the given code and bound address (IPv4/IPv6
    // literal; empty -> 0.0.0.0:0) and moves to Replied (code 0) or Failed.
    QByteArray reply(uint8_t code, const QString& boundHost = QString(), uint16_t boundPort = 0);

    QByteArray takeLeftover();

private:
    QByteArray fail(const QString& why, const QByteArray& toSend = QByteArray());

    Limits m_limits;
    State m_state = State::Greeting;
    QByteArray m_buf;
    QString m_error;
    uint8_t m_method = 0xFF;
    uint32_t m_jsonLen = 0;
    QString m_host;
    uint16_t m_port = 0;
    uint8_t m_atyp = 0;
    QJsonObject m_args;
    uint8_t m_settingsError = 0;
};

// Tor's per-connection argument encoding (pt-spec 3.5): "k=v;k=v" with '\' escaping
// ';', '=' and '\'. Returns nullopt on a malformed string (missing '=', dangling '\').
std::optional<QJsonObject> parseTorArgs(const QByteArray& s, QString* error = nullptr);

// Encodes a REP reply (RFC 1928 section 6).
QByteArray encodeReply(uint8_t code, const QString& boundHost, uint16_t boundPort);

} // namespace pt::socks5
