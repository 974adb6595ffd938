#include "dispatcher/transports/obfs4/ReplayFilter.h"

#include <sodium.h>

namespace pt::obfs4 {

ReplayFilter::ReplayFilter(int64_t ttlSeconds) : m_ttl(ttlSeconds)
{
    randombytes_buf(m_key.data(), m_key.size());
}

bool ReplayFilter::recordSeenBefore(int64_t nowSeconds, const QByteArray& data)
{
    uint8_t h[crypto_shorthash_siphash24_BYTES];
    crypto_shorthash_siphash24(h, reinterpret_cast<const uint8_t*>(data.constData()), quint64(data.size()),
                               m_key.data());
    uint64_t digest = 0;
    for (int i = 7; i >= 0; --i)
        digest = (digest << 8) | h[i];

    std::lock_guard<std::mutex> lock(m_mutex);
    compact(nowSeconds);
    if (m_digests.count(digest)) return true;
    m_digests.insert(digest);
    m_fifo.push_back({digest, nowSeconds});
    return false;
}

size_t ReplayFilter::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_fifo.size();
}

void ReplayFilter::compact(int64_t nowSeconds)
{
    while (!m_fifo.empty()) {
        const Entry& e = m_fifo.front();
        if (m_fifo.size() < kMaxEntries) {
            if (nowSeconds < e.firstSeen) {
                // The clock went backwards: nothing can be trusted, start over.
                m_fifo.clear();
                m_digests.clear();
                return;
            }
            if (nowSeconds - e.firstSeen < m_ttl) return;
        }
        m_digests.erase(e.digest);
        m_fifo.pop_front();
    }
}

} // namespace pt::obfs4
