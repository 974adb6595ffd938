#pragma once

// One transport connection carrying framed UDP datagrams (the UDP counterpart of
// the Relay): the wire StreamSocket runs the transport Session; datagrams handed to
// sendDatagram() are framed (dispatcher/protocols/UdpFraming.h) and encrypted, and
// decoded stream bytes are split back into datagrams. Used by both the client pool
// and the server side.
//
// Backpressure is UDP's: when the wire already holds kHighWaterMark bytes, a
// datagram is dropped (and counted) rather than queued without bound.

#include "dispatcher/net/SessionDriver.h"
#include "dispatcher/protocols/UdpFraming.h"

namespace pt::net {

class UdpTunnel : public SessionDriver
{
    Q_OBJECT
public:
    static constexpr qint64 kHighWaterMark = 512 * 1024;
    enum class SendResult
    {
        Sent,
        Dropped,
        Failed
    };

    // Takes ownership of wire (connected) and session.
    UdpTunnel(StreamSocket* wire, std::unique_ptr<Session> session, udp::Framing framing, SessionEnv& env,
              QObject* parent = nullptr);
    ~UdpTunnel() override;

    // start(), injectWire(), handshakeDone(): see SessionDriver.

    // Dropped: malformed for the framing, or the wire is congested. Failed: the
    // connection is gone (a write failure in Table 1's sense).
    SendResult sendDatagram(const QByteArray& datagram);
    void abort(const QString& reason) override;

Q_SIGNALS:
    // (and SessionDriver::handshakeComplete)
    void datagramReceived(const QByteArray& datagram);
    // Emitted once, when the tunnel is gone (the same event as Relay::finished).
    void finished(const QString& reason);

private:
    void apply(SessionOutput& out) override;
    bool isClosed() const override { return m_closed; }
    void pumpWire();

    udp::StreamDecoder m_decoder;
    udp::Framing m_framing;
    bool m_closed = false;
};

} // namespace pt::net
