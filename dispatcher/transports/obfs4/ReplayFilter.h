#pragma once

// Remembers the MAC_C of every accepted client handshake for a while, so a
// captured handshake replayed by a prober is refused (lyrebird
// common/replayfilter). Shared by all sessions of one server, hence the mutex.

#include <QByteArray>

#include <array>
#include <cstdint>
#include <deque>
#include <mutex>
#include <unordered_set>

namespace pt::obfs4 {

class ReplayFilter
{
public:
    static constexpr int64_t kDefaultTtlSeconds = 3 * 3600;
    static constexpr size_t kMaxEntries = 100 * 1024;

    explicit ReplayFilter(int64_t ttlSeconds = kDefaultTtlSeconds);
    // Records `data`. True if it had been seen within the TTL (a replay), false if
    // it is new. Same polarity as shadow::SaltFilter::recordSeenBefore().
    bool recordSeenBefore(int64_t nowSeconds, const QByteArray& data);
    size_t size() const;

private:
    struct Entry
    {
        uint64_t digest;
        int64_t firstSeen;
    };
    void compact(int64_t nowSeconds);

    mutable std::mutex m_mutex;
    std::array<uint8_t, 16> m_key{};
    int64_t m_ttl;
    std::deque<Entry> m_fifo;
    std::unordered_set<uint64_t> m_digests;
};

} // namespace pt::obfs4
