#include "dispatcher/transports/StreamHub.h"

namespace pt {

HubStream::HubStream(QString id, QString clientAddress, int64_t nowMs)
    : m_id(std::move(id)), m_clientAddress(std::move(clientAddress)), m_lastActivityMs(nowMs)
{
}

bool HubStream::pushUp(const QByteArray& bytes, int64_t nowMs)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_upClosed || m_downClosed) return false;
        m_up += bytes;
        m_lastActivityMs = nowMs;
    }
    wake();
    return true;
}

QByteArray HubStream::takeDown(qint64 max, int64_t nowMs)
{
    QByteArray out;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_lastActivityMs = nowMs;
        if (m_down.isEmpty()) return out;
        out = m_down.left(max);
        m_down.remove(0, out.size());
    }
    wake(); // the I/O side may resume reading the target
    return out;
}

qint64 HubStream::downQueued() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_down.size();
}

qint64 HubStream::upQueued() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_up.size();
}

bool HubStream::finished() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return (m_downClosed || m_upClosed) && m_down.isEmpty();
}

QByteArray HubStream::takeUp()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QByteArray out;
    out.swap(m_up);
    return out;
}

bool HubStream::upClosed() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_upClosed;
}

void HubStream::pushDown(const QByteArray& bytes)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_downClosed) m_down += bytes;
}

void HubStream::closeDown(const QString& reason)
{
    (void)reason;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_downClosed = true;
}

int64_t HubStream::idleMs(int64_t nowMs) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return nowMs - m_lastActivityMs;
}

void HubStream::setWakeup(std::function<void()> wakeup)
{
    std::lock_guard<std::mutex> lock(m_wakeMutex);
    m_wakeup = std::move(wakeup);
}

void HubStream::closeUp()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_upClosed = true;
    }
    wake();
}

void HubStream::wake()
{
    std::lock_guard<std::mutex> lock(m_wakeMutex);
    if (m_wakeup) m_wakeup();
}

void StreamHub::setAcceptor(Acceptor acceptor)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_acceptor = std::move(acceptor);
}

std::shared_ptr<HubStream> StreamHub::find(const QString& id) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_streams.value(id);
}

std::shared_ptr<HubStream> StreamHub::open(const QString& id, const QString& clientAddress, int64_t nowMs)
{
    Acceptor acceptor;
    std::shared_ptr<HubStream> stream;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_acceptor || m_streams.size() >= m_maxStreams) return nullptr;
        if (auto existing = m_streams.value(id)) return existing;
        stream = std::make_shared<HubStream>(id, clientAddress, nowMs);
        m_streams.insert(id, stream);
        acceptor = m_acceptor;
    }
    acceptor(stream);
    return stream;
}

void StreamHub::remove(const QString& id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_streams.remove(id);
}

int StreamHub::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_streams.size());
}

} // namespace pt
