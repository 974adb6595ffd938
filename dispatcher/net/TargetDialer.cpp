#include "dispatcher/net/TargetDialer.h"

#include "dispatcher/base/Log.h"
#include "dispatcher/transports/Transport.h"

namespace pt::net {

TargetDialer::TargetDialer(std::shared_ptr<const ServerContext> ctx, QObject* parent)
    : QObject(parent), m_ctx(std::move(ctx))
{
}

TargetDialer::~TargetDialer() = default;

QString TargetDialer::describe() const
{
    return m_ctx->extOrPort ? QStringLiteral("Extended ORPort ") + m_ctx->extOrPort->toString()
                            : m_ctx->target->toString();
}

void TargetDialer::dial(const QString& clientAddress)
{
    m_clientAddress = clientAddress;
    const HostPort target = m_ctx->extOrPort ? *m_ctx->extOrPort : *m_ctx->target;
    m_dialer = new Dialer(this);
    connect(m_dialer, &Dialer::connected, this, &TargetDialer::onConnected);
    connect(m_dialer, &Dialer::failed, this, [this](quint8, const QString& why) { fail(why); });
    m_dialer->dial(target.host, target.port, m_ctx->connectTimeoutMs);
}

void TargetDialer::cancel()
{
    m_done = true;
    if (m_dialer) m_dialer->cancel();
    delete m_orport;
    m_orport = nullptr;
}

void TargetDialer::fail(const QString& reason)
{
    if (m_done) return;
    m_done = true;
    delete m_orport;
    m_orport = nullptr;
    Q_EMIT failed(reason);
}

void TargetDialer::onConnected(StreamSocket* socket, const QByteArray& early)
{
    // (A server dials without an upstream proxy, so `early` is empty on the ExtORPort path.)
    m_dialer->deleteLater();
    m_dialer = nullptr;
    if (m_done) {
        delete socket;
        return;
    }
    if (!m_ctx->extOrPort) {
        m_done = true;
        Q_EMIT ready(socket, early);
        return;
    }
    // The cookie is re-read for every connection: tor may rewrite it after we started.
    QString err;
    const auto cookie = extorport::readCookieFile(m_ctx->authCookieFile, &err);
    if (!cookie) {
        delete socket;
        log::error(QStringLiteral("%1: %2").arg(m_ctx->transportName, err));
        fail(err);
        return;
    }
    QByteArray nonce(extorport::kNonceLen, Qt::Uninitialized);
    SessionEnv::system().randomBytes(nonce.data(), size_t(nonce.size()));
    m_orport = socket;
    m_orport->setParent(this);
    m_ext =
        std::make_unique<extorport::ClientHandshake>(*cookie, nonce, m_clientAddress, m_ctx->transportName);
    connect(m_orport, &StreamSocket::readyRead, this, &TargetDialer::onExtOrPortReadable);
    connect(m_orport, &StreamSocket::failed, this,
            [this](const NetError&) { fail(QStringLiteral("Extended ORPort connection failed")); });
}

void TargetDialer::onExtOrPortReadable()
{
    const QByteArray data = m_orport->read(4096);
    if (data.isEmpty()) {
        if (m_orport->atEof()) fail(QStringLiteral("Extended ORPort closed during its handshake"));
        return;
    }
    const QByteArray out = m_ext->onBytes(data);
    if (!out.isEmpty()) m_orport->write(out);
    if (m_ext->state() == extorport::ClientHandshake::State::Failed) {
        log::warn(
            QStringLiteral("%1: %2; closing %3").arg(m_ctx->transportName, m_ext->error(), m_clientAddress));
        fail(m_ext->error());
        return;
    }
    if (m_ext->state() == extorport::ClientHandshake::State::Done) {
        StreamSocket* s = m_orport;
        m_orport = nullptr;
        s->disconnect(this);
        s->setParent(nullptr);
        m_done = true;
        Q_EMIT ready(s, m_ext->takeLeftover());
    }
}

} // namespace pt::net
