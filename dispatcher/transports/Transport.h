#pragma once

// The one transport interface (DESIGN.md principle 2).
//
// A transport is a factory that validates its options once (ClientTransport /
// ServerTransport, immutable and shared by all worker threads) plus one sans-IO
// Session per connection. A Session owns no socket, timer or thread: the Relay
// (dispatcher/net) feeds it bytes and writes what it returns. Randomness and time
// are injected through SessionEnv so tests can be deterministic.

#include "dispatcher/base/Failure.h"
#include "dispatcher/base/HostPort.h"
#include "dispatcher/transports/StreamHub.h"
#include "shared/describe/TransportDescription.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace pt {

// Source of randomness and time for sessions. The default implementation uses
// crypto/Random (per-thread CSPRNG) and a monotonic clock; tests substitute fixed ones.
class SessionEnv
{
public:
    virtual ~SessionEnv() = default;
    virtual void randomBytes(void* out, size_t len) = 0;
    // Uniform in [0, upperExclusive); upperExclusive > 0.
    virtual uint32_t randomUniform(uint32_t upperExclusive) = 0;
    // Monotonic milliseconds (for delayed sends and close delays).
    virtual int64_t nowMs() = 0;
    // Wall-clock seconds since the Unix epoch (obfs4's epoch hour).
    virtual int64_t unixTime() = 0;

    // Process-wide default (thread-safe).
    static SessionEnv& system();
};

// What a session call produced. Appended to, never replaced, so one Output can
// collect several calls.
struct SessionOutput
{
    QByteArray toWire; // bytes to send to the transport peer (network side)
    QByteArray toApp;  // decoded application bytes
    // Non-empty: the connection is dead (bad MAC, failed handshake, …). The Relay
    // stops reading, optionally waits closeDelayMs (probe resistance: never answer
    // a prober fast) and then closes both sides. Nothing decoded after the error is
    // delivered.
    QString error;
    int closeDelayMs = 0;
    // What kind of failure `error` is, for STATUS LAST-ERROR and -check (TLS, an HTTP
    // error answer, a peer that is not speaking this transport: Closed, ...).
    FailureCode failureCode = FailureCode::Error;
    // Close the wire once toWire has been sent, without an error: an HTTP server that
    // answered "Connection: close" (webtunnel's and meek's web-server answers).
    bool endWire = false;
    // Client: this wire connection is spent (meek's HTTP keep-alive ended): close it,
    // connect again to the same server and call onRedialed(). Nothing goes in toWire
    // until then.
    bool redial = false;

    bool failed() const { return !error.isEmpty(); }
    void fail(const QString& why, int delayMs = 0, FailureCode code = FailureCode::Error)
    {
        if (error.isEmpty()) {
            error = why;
            closeDelayMs = delayMs;
            failureCode = code;
        }
    }
};

class Session
{
public:
    virtual ~Session() = default;

    // Called once when the wire connection is established (client) or accepted
    // (server). Clients typically emit their handshake here.
    virtual void start(SessionOutput& out) = 0;

    // Bytes arrived from the network peer.
    virtual void onWire(const QByteArray& in, SessionOutput& out) = 0;

    // Bytes from the application to send. A session whose handshake is not done
    // yet buffers them internally (the Relay bounds how much it hands over by
    // looking at pendingAppBytes()).
    virtual void onApp(const QByteArray& in, SessionOutput& out) = 0;

    // True once application data can flow both ways. A client's SOCKS reply is
    // sent when this becomes true; a server connects to its target only then.
    virtual bool handshakeDone() const = 0;

    // Client: true once the server has proved it is the bridge (STATUS HANDSHAKES-OK,
    // -check). Usually handshakeDone(); sessions that let data flow before the server
    // has answered (shadow: its first reply authenticated; meek: the first POST answered
    // 200) say so later.
    virtual bool peerVerified() const { return handshakeDone(); }

    // Application bytes accepted by onApp() but not yet emitted (waiting for the
    // handshake or for a delayed send).
    virtual qint64 pendingAppBytes() const { return 0; }

    // Delayed sends (obfs4 iat-mode): the monotonic time at which onTimer() wants
    // to be called, or nullopt when nothing is scheduled.
    virtual std::optional<int64_t> nextWakeupMs() const { return std::nullopt; }
    virtual void onTimer(SessionOutput& out) { (void)out; }

    // The application side sent EOF. A session may flush what it holds.
    virtual void onAppEof(SessionOutput& out) { (void)out; }

    // The wire side closed (EOF). A client session that goes on over a new connection
    // sets out.redial; otherwise the Relay half-closes the application side as usual.
    virtual void onWireEof(SessionOutput& out) { (void)out; }
    // After out.redial: the new wire connection is up (start() is not called again).
    virtual void onRedialed(SessionOutput& out) { (void)out; }

    // Server sessions behind a front (webtunnel's X-Forwarded-For): the client's real
    // address as host:port, or a bare IP when the front gave no port, for the Extended
    // ORPort's USERADDR. Empty: the TCP peer.
    virtual QString clientAddress() const { return QString(); }
};

// Where the client-side connection is heading, as the listener learned it.
struct ClientSessionParams
{
    // Options for this connection: -options merged with per-connection arguments
    // (SOCKS5 0x09 JSON block or RFC 1929 Tor-style k=v;k=v), the latter winning.
    QJsonObject args;
    // The SOCKS5 CONNECT destination (socks5 mode); empty host in transparent modes.
    QString connectHost;
    quint16 connectPort = 0;
};

template <typename T> struct Result
{
    T value{};
    QString error; // non-empty on failure

    bool ok() const { return error.isEmpty(); }
    static Result failure(const QString& why)
    {
        Result r;
        r.error = why;
        return r;
    }
    static Result success(T v)
    {
        Result r;
        r.value = std::move(v);
        return r;
    }
};

// A configured client transport (validated -options). Immutable; shared by threads.
class ClientTransport
{
public:
    virtual ~ClientTransport() = default;
    // Per-connection session. An error here (bad or missing per-connection key)
    // becomes SOCKS reply X'13'.
    virtual Result<std::unique_ptr<Session>> newSession(const ClientSessionParams& params,
                                                        SessionEnv& env) const = 0;

    // Transports that pick their own server (webtunnel dials its url's host or addr,
    // meek its front) name it here for one connection's arguments; the bridge line's
    // address (the SOCKS CONNECT destination, serverAddress) is then a placeholder that
    // nobody dials. nullopt: the I/O layer chooses (serverAddress, then the CONNECT
    // destination). Bad arguments give nullopt here and an error from newSession().
    virtual std::optional<HostPort> dialTarget(const QJsonObject& args) const
    {
        (void)args;
        return std::nullopt;
    }
    // True when dialTarget() always answers from -options alone, so transparent and
    // UDP modes need no serverAddress.
    virtual bool namesOwnServer() const { return false; }
};

// A configured server transport (validated -options and -state). Immutable.
class ServerTransport
{
public:
    virtual ~ServerTransport() = default;
    virtual std::unique_ptr<Session> newSession(SessionEnv& env) const = 0;
    // Key/value pairs for SMETHOD's ARGS: option (unescaped; the IPC layer escapes).
    virtual QList<std::pair<QString, QString>> smethodArgs() const { return {}; }
    // Transports whose streams outlive wire connections (meek): the hub the sessions
    // feed. The I/O layer sets its acceptor and connects each new stream to the target;
    // the wire sessions of such a transport never complete a handshake themselves.
    virtual StreamHub* hub() const { return nullptr; }
};

struct ServerTransportContext
{
    QString stateDir;    // -state, already created
    QString bindAddress; // host:port the listener will use (for bridge lines)
};

// One registry entry per transport (dispatcher/transports/Registry.cpp).
struct TransportFactory
{
    QString name;
    std::function<Result<std::shared_ptr<const ClientTransport>>(const QJsonObject& options)> makeClient;
    std::function<Result<std::shared_ptr<const ServerTransport>>(const QJsonObject& options,
                                                                 const ServerTransportContext& ctx)>
        makeServer;
    // What -describe-transports prints about this transport: its roles and options.
    // Filled beside the factory from the same tables its option parsing uses (the
    // shadow cipher table, obfs4's iat-modes, ...), so the GUI's forms cannot drift.
    describe::Transport description;
};

// The client option the I/O layer reads (net/ClientConnection, core/Dispatcher) for
// transports that dial the bridge's address: one description for all of them.
inline describe::Option serverAddressOption()
{
    return describe::withExample(
        describe::option(
            QStringLiteral("serverAddress"), describe::OptionType::HostPort,
            QStringLiteral("The PT server (ip:port). Without it the SOCKS CONNECT destination is "
                           "dialled, as Tor does; transparent modes need it.")),
        QStringLiteral("192.0.2.1:443"));
}

} // namespace pt
