#include "dispatcher/net/ServerConnection.h"

#include "dispatcher/base/Log.h"

namespace pt::net {

ServerConnection::ServerConnection(std::shared_ptr<const ServerContext> ctx, std::function<void()> onDone,
                                   QObject* parent)
    : AcceptedConnection(ctx->counters, std::move(onDone), parent), m_ctx(std::move(ctx))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_relay && !m_relay->handshakeDone()) {
            recordHandshakeFailure(FailureCode::Timeout,
                                   QStringLiteral("the client's handshake did not complete in time"));
            m_relay->abort(QStringLiteral("transport handshake timed out"));
        } else {
            finish(QStringLiteral("connecting to the target timed out"));
        }
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
        if (!m_relay->handshakeDone() && !m_ctx->transport->hub())
            recordHandshakeFailure(m_relay->failureCode(), why);
        log::info(QStringLiteral("%1: rejected %2: %3").arg(m_ctx->transportName, m_peer, why));
    });
    connect(m_relay, &Relay::finished, this, [this](const QString& why) {
        // A hub transport's wire sessions (meek) have no handshake of their own to count.
        if (!m_relay->handshakeDone() && m_relay->hasFailure() && !m_ctx->transport->hub())
            recordHandshakeFailure(m_relay->failureCode(), m_relay->failureText());
        finish(why);
    });
    // A hub transport's wire sessions (meek's HTTP connections) never complete a
    // handshake: they keep their own request and keep-alive deadlines.
    if (!m_ctx->transport->hub()) m_timer.start(m_ctx->handshakeTimeoutMs);
    m_relay->start();
}

void ServerConnection::onHandshakeComplete()
{
    recordHandshakeOk();
    m_timer.start(m_ctx->connectTimeoutMs);
    // The client's address for the Extended ORPort: what the transport learned from a
    // front (webtunnel's X-Forwarded-For), else the TCP peer.
    const QString client = m_relay->session().clientAddress();
    m_dialer = new TargetDialer(m_ctx, this);
    connect(m_dialer, &TargetDialer::ready, this, &ServerConnection::attachTarget);
    connect(m_dialer, &TargetDialer::failed, this, [this](const QString& why) {
        m_ctx->counters->connectionsFailed.fetch_add(1);
        log::warn(
            QStringLiteral("%1: cannot reach %2: %3").arg(m_ctx->transportName, m_dialer->describe(), why));
        m_relay->abort(why);
    });
    m_dialer->dial(client.isEmpty() ? m_peer : client);
}

void ServerConnection::attachTarget(StreamSocket* target, const QByteArray& early)
{
    m_timer.stop();
    m_relay->attachApp(target);
    m_relay->enableAppReading(early);
    log::debug(
        QStringLiteral("%1: %2 relayed to %3").arg(m_ctx->transportName, m_peer, m_dialer->describe()));
}

void ServerConnection::finish(const QString& reason)
{
    if (!beginFinish()) return;
    if (m_dialer) m_dialer->cancel();
    if (!reason.isEmpty())
        log::debug(
            QStringLiteral("%1: connection from %2 ended: %3").arg(m_ctx->transportName, m_peer, reason));
    deleteLater();
}

} // namespace pt::net
