#include "dispatcher/net/HubStreamConnection.h"

#include "dispatcher/base/Log.h"
#include "dispatcher/transports/Transport.h"

namespace pt::net {

HubStreamConnection::HubStreamConnection(std::shared_ptr<const ServerContext> ctx,
                                         std::shared_ptr<HubStream> stream, QObject* parent)
    : QObject(parent), m_ctx(std::move(ctx)), m_stream(std::move(stream))
{
}

HubStreamConnection::~HubStreamConnection()
{
    // No wake-up may reach this object once it is gone (setWakeup waits for one in flight).
    m_stream->setWakeup({});
    m_stream->closeDown(QString());
}

void HubStreamConnection::start()
{
    m_open.emplace(m_ctx->counters);
    // Sessions on other threads push upstream bytes and take downstream ones: each such
    // event queues a pump on this thread.
    m_stream->setWakeup([this] { m_inbox.post([this] { pump(); }); });
    connect(&m_check, &QTimer::timeout, this, &HubStreamConnection::check);
    m_check.start(1000);
    m_dialer = new TargetDialer(m_ctx, this);
    connect(m_dialer, &TargetDialer::ready, this, &HubStreamConnection::onTargetReady);
    connect(m_dialer, &TargetDialer::failed, this, [this](const QString& why) {
        m_ctx->counters->connectionsFailed.fetch_add(1);
        log::warn(
            QStringLiteral("%1: cannot reach %2: %3").arg(m_ctx->transportName, m_dialer->describe(), why));
        finish(why);
    });
    m_dialer->dial(m_stream->clientAddress());
}

void HubStreamConnection::onTargetReady(StreamSocket* target, const QByteArray& early)
{
    m_target = target;
    m_target->setParent(this);
    connect(m_target, &StreamSocket::readyRead, this, &HubStreamConnection::pump);
    connect(m_target, &StreamSocket::bytesWritten, this, &HubStreamConnection::pump);
    connect(m_target, &StreamSocket::failed, this, [this](const NetError& err) {
        m_targetEof = true;
        finish(QStringLiteral("target: ") + platform::errorText(err));
    });
    if (!early.isEmpty()) {
        m_ctx->counters->bytesDown.fetch_add(early.size(), std::memory_order_relaxed);
        m_stream->pushDown(early);
    }
    log::debug(QStringLiteral("%1: stream %2 from %3 relayed to %4")
                   .arg(m_ctx->transportName, m_stream->id().left(8), m_stream->clientAddress(),
                        m_dialer->describe()));
    pump();
}

void HubStreamConnection::pump()
{
    if (m_finished) return;
    if (m_stream->upClosed()) {
        finish(QStringLiteral("client went away"));
        return;
    }
    if (!m_target) return; // still dialing: upstream bytes wait in the stream
    if (m_target->bytesToWrite() < kTargetHighWater) {
        const QByteArray up = m_stream->takeUp();
        if (!up.isEmpty()) {
            m_ctx->counters->bytesUp.fetch_add(up.size(), std::memory_order_relaxed);
            m_target->write(up);
        }
    }
    if (m_targetEof) return;
    // Read the target only while the client has room waiting for it.
    const bool room = m_stream->downQueued() < HubStream::kDownHighWater;
    m_target->setReadEnabled(room);
    if (!room) return;
    const QByteArray down = m_target->read(HubStream::kDownHighWater);
    if (!down.isEmpty()) {
        m_ctx->counters->bytesDown.fetch_add(down.size(), std::memory_order_relaxed);
        m_stream->pushDown(down);
    } else if (m_target->atEof()) {
        m_targetEof = true;
        m_stream->closeDown(QStringLiteral("target closed"));
        log::debug(
            QStringLiteral("%1: stream %2: target closed").arg(m_ctx->transportName, m_stream->id().left(8)));
    }
}

void HubStreamConnection::check()
{
    const StreamHub* hub = m_ctx->transport->hub();
    const int64_t idleTimeoutMs = hub ? hub->idleTimeoutMs() : 120 * 1000;
    if (m_stream->idleMs(SessionEnv::system().nowMs()) > idleTimeoutMs) {
        finish(QStringLiteral("idle for %1 s").arg(idleTimeoutMs / 1000));
        return;
    }
    // The target ended: stay until the client took everything (its session then
    // removes the stream) or the idle timeout.
    if (m_targetEof && m_stream->finished() && m_stream->downQueued() == 0) {
        if (!hub || hub->find(m_stream->id()) != m_stream) finish(QStringLiteral("target closed"));
    }
}

void HubStreamConnection::finish(const QString& reason)
{
    if (m_finished) return;
    m_finished = true;
    m_check.stop();
    if (m_dialer) m_dialer->cancel();
    m_stream->closeDown(reason);
    m_stream->closeUp();
    if (StreamHub* hub = m_ctx->transport->hub(); hub && hub->find(m_stream->id()) == m_stream)
        hub->remove(m_stream->id());
    if (m_target) m_target->close();
    log::debug(
        QStringLiteral("%1: stream %2 ended: %3").arg(m_ctx->transportName, m_stream->id().left(8), reason));
    m_open.reset();
    deleteLater();
}

} // namespace pt::net
