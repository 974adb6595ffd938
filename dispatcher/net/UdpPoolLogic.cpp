#include "dispatcher/net/UdpPoolLogic.h"

namespace pt::net {

UdpPoolLogic::Action UdpPoolLogic::onPacket(const QString& key, const QByteArray& datagram, int64_t nowMs)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        Entry e;
        e.lastActivityMs = nowMs;
        e.queue.push_back(datagram);
        m_entries.emplace(key, std::move(e));
        return Action::Dial;
    }
    it->lastActivityMs = nowMs;
    if (it->state == State::Connected) return Action::Send;
    if (int(it->queue.size()) >= m_queueLimit) {
        ++m_droppedQueueFull;
        return Action::Dropped;
    }
    it->queue.push_back(datagram);
    return Action::Queued;
}

QList<QByteArray> UdpPoolLogic::onConnected(const QString& key, int64_t nowMs)
{
    QList<QByteArray> out;
    auto it = m_entries.find(key);
    if (it == m_entries.end() || it->state != State::Waiting) return out;
    it->state = State::Connected;
    it->lastActivityMs = nowMs;
    for (auto& d : it->queue)
        out.append(std::move(d));
    it->queue.clear();
    return out;
}

void UdpPoolLogic::touch(const QString& key, int64_t nowMs)
{
    auto it = m_entries.find(key);
    if (it != m_entries.end()) it->lastActivityMs = nowMs;
}

int UdpPoolLogic::remove(const QString& key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end()) return 0;
    const int lost = int(it->queue.size());
    m_entries.erase(it);
    return lost;
}

QStringList UdpPoolLogic::expire(int64_t nowMs)
{
    QStringList gone;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->lastActivityMs >= m_idleTimeoutMs) {
            gone << it.key();
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    return gone;
}

std::optional<int64_t> UdpPoolLogic::nextExpiryMs() const
{
    std::optional<int64_t> next;
    for (const Entry& e : m_entries) {
        const int64_t at = e.lastActivityMs + m_idleTimeoutMs;
        if (!next || at < *next) next = at;
    }
    return next;
}

std::optional<UdpPoolLogic::State> UdpPoolLogic::state(const QString& key) const
{
    auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd()) return std::nullopt;
    return it->state;
}

qsizetype UdpPoolLogic::queued(const QString& key) const
{
    auto it = m_entries.constFind(key);
    return it == m_entries.constEnd() ? 0 : qsizetype(it->queue.size());
}

} // namespace pt::net
