#include "dispatcher/transports/WebChannel.h"

namespace pt {

void WebChannel::flush(SessionOutput& out)
{
    out.toWire += m_tls->takeWire();
    if (m_tls->failed()) {
        // The engine's errors already start with "TLS: ".
        const QString e = m_tls->error();
        out.fail(e.startsWith(QLatin1String("TLS:")) ? e : QStringLiteral("TLS: ") + e, 0, FailureCode::Tls);
    }
}

void WebChannel::start(SessionOutput& out)
{
    if (!m_tls) return;
    m_tls->start();
    flush(out);
}

QByteArray WebChannel::onWire(const QByteArray& in, SessionOutput& out)
{
    if (!m_tls) return in;
    m_tls->feedWire(in);
    QByteArray plain = m_tls->takeApp();
    flush(out);
    return plain;
}

void WebChannel::send(const QByteArray& plain, SessionOutput& out)
{
    if (!m_tls) {
        out.toWire += plain;
        return;
    }
    m_tls->writeApp(plain);
    flush(out);
}

void WebChannel::close(SessionOutput& out)
{
    if (!m_tls) return;
    m_tls->close();
    flush(out);
}

bool WebChannel::peerClosed() const
{
    return m_tls && m_tls->peerClosed();
}

qint64 WebChannel::pendingBytes() const
{
    return m_tls ? m_tls->pendingAppBytes() : 0;
}

} // namespace pt
