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
//
// Choices where RFC 1928/1929 leave room (tor, our main client, never hits them):
//  - method preference when several are offered: 0x09, then 0x02, then 0x00 (a client
//    offering 0x09 or 0x02 wants to pass arguments); none of them -> 05 FF, Failed.
//  - a greeting whose VER is not 5 fails silently (it may be SOCKS4 or HTTP: any
//    SOCKS5-shaped answer would be noise to it).
//  - RFC 1929: a VER other than 1 gets 01 01 and Failed; ULEN 0 is accepted (an empty
//    username, be liberal); arguments that do not parse still get 01 00, and the
//    CONNECT is then answered with X'13' via pendingSettingsError().
//  - request: VER other than 5 -> X'01'; RSV ignored; zero-length domain, a domain
//    with a NUL byte or invalid UTF-8, and port 0 are all refused with X'01'
//    (GeneralFailure) without dialing: none of them names a reachable endpoint.
//  - a request is rejected as soon as the offending byte arrives, so the answer does
//    not depend on how the input was split.
//  - buffering is bounded: at most one handshake message (a JSON block is at most
//    limits.maxJsonBlockBytes) and, in RequestReady, at most limits.maxPipelinedBytes
//    of early application data; more than that fails with X'01'. The I/O shell should
//    stop reading while it dials.

#include "dispatcher/base/NetError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace pt::socks5 {

enum Reply : uint8_t
{
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
    // Application data a client may pipeline after its CONNECT before we reply.
    uint32_t maxPipelinedBytes = 64 * 1024;
};

class ServerHandshake
{
public:
    enum class State
    {
        Greeting,     // waiting for VER NMETHODS METHODS
        JsonLength,   // method 0x09 chosen: waiting for the 4-byte length
        JsonBody,     // waiting for the JSON body
        UserPass,     // method 0x02 chosen: waiting for the RFC 1929 request
        Request,      // waiting for the CONNECT request
        RequestReady, // a CONNECT request is complete: dial, then reply()
        Replied,      // reply sent; any bytes left over are application data
        Failed,       // protocol error: send toSend (if any) and close
    };

    explicit ServerHandshake(Limits limits = {});

    // Consumes as much of `in` as the handshake needs; the rest (bytes the client
    // pipelined after its request) is kept and returned by takeLeftover() .
    // Returns bytes to send to the client (method selection, auth status, or a
    // failure reply). Several messages in one call are all processed. In Replied the
    // bytes are only appended to the leftover; in Failed they are dropped.
    QByteArray onBytes(const QByteArray& in);

    State state() const { return m_state; }
    // Human-readable reason when state() == Failed, or why pendingSettingsError()
    // is set (for a LOG line).
    QString error() const { return m_error; }

    // The CONNECT destination (RequestReady onwards). For ATYP 3 host is the domain
    // name as sent; for ATYP 1/4 the textual IP address.
    QString host() const { return m_host; }
    uint16_t port() const { return m_port; }
    uint8_t addressType() const { return m_atyp; }
    // The method we selected (0x00, 0x02, 0x09), 0xFF before or if none.
    uint8_t method() const { return m_method; }

    // Per-connection arguments from the 0x09 block (a JSON object; non-string values
    // kept as JSON) or RFC 1929 k=v;k=v. Empty when method 0x00 was used.
    QJsonObject arguments() const { return m_args; }
    // When per-connection settings were unusable, the REP code to send once the
    // request is read (0x10/0x12/0x13); 0 when fine. The caller may also decide
    // SettingsInvalid itself after asking the transport.
    uint8_t pendingSettingsError() const { return m_settingsError; }

    // The handshake timed out: returns the reply to send (X'11' if we were inside a
    // JSON block and the request can still be answered, otherwise nothing) and
    // moves to Failed. No effect in Replied or Failed. In RequestReady the caller
    // should rather answer its own dial timeout with reply().
    QByteArray onTimeout();

    // Builds the CONNECT reply with the given code and bound address (IPv4/IPv6
    // literal; empty or not a literal -> 0.0.0.0) and moves to Replied (code 0) or
    // Failed. Only valid in RequestReady; elsewhere returns nothing and changes
    // nothing.
    QByteArray reply(uint8_t code, const QString& boundHost = QString(), uint16_t boundPort = 0);

    // Bytes the client sent after its CONNECT request (RequestReady/Replied only;
    // empty in other states, whose buffer is an incomplete handshake message).
    QByteArray takeLeftover();

    // What is buffered now, and the most that can ever be buffered before Replied.
    int bufferedBytes() const { return int(m_buf.size()); }
    int maxBufferedBytes() const;

private:
    enum class Step
    {
        NeedMore,
        Progress
    };

    QByteArray fail(const QString& why, const QByteArray& toSend = QByteArray());
    // Moves input bytes into m_buf until it holds n bytes; true when it does.
    bool fill(qsizetype n);
    Step stepGreeting(QByteArray& out);
    Step stepUserPass(QByteArray& out);
    Step stepJsonLength(QByteArray& out);
    Step stepJsonBody();
    Step stepRequest(QByteArray& out);

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
    // The input of the onBytes() call in progress and how far it is consumed.
    const QByteArray* m_in = nullptr;
    qsizetype m_inPos = 0;
};

// Tor's per-connection argument encoding (pt-spec 3.5): "k=v;k=v" with '\' escaping
// ';', '=' and '\'. Returns nullopt on a malformed string (missing '=', dangling '\').
std::optional<QJsonObject> parseTorArgs(const QByteArray& s, QString* error = nullptr);

// Encodes a REP reply (RFC 1928 section 6).
QByteArray encodeReply(uint8_t code, const QString& boundHost, uint16_t boundPort);

// A failed connect (or any socket error) -> its REP code (RFC 1928 section 6):
// refused 05, network unreachable 03, host unreachable 04, timed out 06, address
// family 08, anything else 01.
Reply replyFor(const NetError& err);

} // namespace pt::socks5
