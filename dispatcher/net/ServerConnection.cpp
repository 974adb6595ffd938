#include "dispatcher/net/ServerConnection.h"

#include "dispatcher/core/IpcWriter.h"

namespace pt::net {

ServerConnection::ServerConnection(std::shared_ptr<const ServerContext> ctx, std::function<void()> onDone,
                                   QObject* parent)
    : AcceptedConnection(ctx->counters, std::move(onDone), parent), m_ctx(std::move(ctx))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_relay && !m_relay->handshakeDone())
            m_relay->abort(QStringLiteral("transport handshake timed out"));
        else
            finish(QStringLiteral("connecting to the target timed out"));
    });
}

ServerConnection::~ServerConnection() = default;

void ServerConnection::start(qintptr fd)
{
    auto* wire = adoptAccepted(fd, nullptr); // the Relay takes it
    if (!wire) {
        finish(QStringLiteral("bad descriptor"));
        return;
    }
    m_relay = new Relay(wire, m_ctx->transport->newSession(SessionEnv::system()), SessionEnv::system(), this);
    auto counters = m_ctx->counters;
    // On the server, "up" is what clients send towards the target.
    m_relay->setStats({[counters](qint64 n) { counters->bytesDown.fetch_add(n, std::memory_order_relaxed); },
                       [counters](qint64 n) { counters->bytesUp.fetch_add(n, std::memory_order_relaxed); }});
    connect(m_relay, &Relay::handshakeComplete, this, &ServerConnection::onHandshakeComplete);
    connect(m_relay, &Relay::sessionFailed, this, [this](const QString& why) {
        m_ctx->counters->connectionsFailed.fetch_add(1);
        logInfo(QStringLiteral("%1: rejected %2: %3").arg(m_ctx->transportName, m_peer, why));
    });
    connect(m_relay, &Relay::finished, this, [this](const QString& why) { finish(why); });
    m_timer.start(m_ctx->handshakeTimeoutMs);
    m_relay->start();
}

void ServerConnection::onHandshakeComplete()
{
    m_timer.start(m_ctx->connectTimeoutMs);
    // With an Extended ORPort, Tor gets the client's address and the transport name
    // first; otherwise the payload goes straight to -target.
    const HostPort target = m_ctx->extOrPort ? *m_ctx->extOrPort : *m_ctx->target;
    m_dialer = new Dialer(this);
    connect(m_dialer, &Dialer::connected, this, &ServerConnection::onTargetConnected);
    connect(m_dialer, &Dialer::failed, this, [this](quint8, const QString& why) {
        m_ctx->counters->connectionsFailed.fetch_add(1);
        logWarn(QStringLiteral("%1: cannot reach target: %2").arg(m_ctx->transportName, why));
        m_relay->abort(why);
    });
    m_dialer->dial(target.host, target.port, m_ctx->connectTimeoutMs);
}

void ServerConnection::onTargetConnected(StreamSocket* target, const QByteArray& early)
{
    m_dialer->deleteLater();
    m_dialer = nullptr;
    if (m_ctx->extOrPort) {
        startExtOrPort(target);
        return;
    }
    attachTarget(target, early);
}

void ServerConnection::attachTarget(StreamSocket* target, const QByteArray& early)
{
    m_timer.stop();
    m_relay->attachApp(target);
    m_relay->enableAppReading(early);
    logDebug(QStringLiteral("%1: %2 relayed to %3")
                 .arg(m_ctx->transportName, m_peer,
                      (m_ctx->extOrPort ? *m_ctx->extOrPort : *m_ctx->target).toString()));
}

void ServerConnection::startExtOrPort(StreamSocket* orport)
{
    // The cookie is re-read for every connection: tor may rewrite it after we
    // started.
    QString err;
    const auto cookie = extorport::readCookieFile(m_ctx->authCookieFile, &err);
    if (!cookie) {
        delete orport;
        logError(QStringLiteral("%1: %2").arg(m_ctx->transportName, err));
        m_relay->abort(err);
        return;
    }
    QByteArray nonce(extorport::kNonceLen, Qt::Uninitialized);
    SessionEnv::system().randomBytes(nonce.data(), size_t(nonce.size()));
    m_orport = orport;
    m_orport->setParent(this);
    m_ext = std::make_unique<extorport::ClientHandshake>(*cookie, nonce, m_peer, m_ctx->transportName);
    connect(m_orport, &StreamSocket::readyRead, this, &ServerConnection::onExtOrPortReadable);
    connect(m_orport, &StreamSocket::failed, this, [this](const platform::NetError&) {
        m_relay->abort(QStringLiteral("Extended ORPort connection failed"));
    });
}

void ServerConnection::onExtOrPortReadable()
{
    const QByteArray data = m_orport->read(4096);
    if (data.isEmpty()) {
        if (m_orport->atEof())
            m_relay->abort(QStringLiteral("Extended ORPort closed during its handshake"));
        return;
    }
    const QByteArray out = m_ext->onBytes(data);
    if (!out.isEmpty())
        m_orport->write(out);
    if (m_ext->state() == extorport::ClientHandshake::State::Failed) {
        logWarn(QStringLiteral("%1: %2; closing %3").arg(m_ctx->transportName, m_ext->error(), m_peer));
        m_relay->abort(m_ext->error());
        return;
    }
    if (m_ext->state() == extorport::ClientHandshake::State::Done) {
        StreamSocket* s = m_orport;
        m_orport = nullptr;
        s->disconnect(this);
        attachTarget(s, m_ext->takeLeftover());
    }
}

void ServerConnection::finish(const QString& reason)
{
    if (!beginFinish())
        return;
    if (m_dialer)
        m_dialer->cancel();
    if (!reason.isEmpty())
        logDebug(QStringLiteral("%1: connection from %2 ended: %3").arg(m_ctx->transportName, m_peer, reason));
    deleteLater();
}

} // namespace pt::net
