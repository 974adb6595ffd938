#pragma once

// Replay protection for Shadowsocks servers: remembers recently seen salts so a
// recorded connection cannot be replayed (an active-probing technique).
//
// Bounded memory: two generations of a fixed-size open-addressing table of keyed
// 64-bit salt hashes. When the current generation is full, the older one is
// wiped and becomes current, so at least `capacity` and at most 2 x `capacity`
// of the most recent salts are remembered. Hashes are SipHash-2-4 under a
// random per-filter key, so a peer cannot aim salts at one bucket; a false
// "replayed" answer needs a 64-bit collision.
//
// Thread-safe: one filter is shared by all worker threads of a ServerTransport.

#include <QByteArray>

#include <cstdint>
#include <mutex>
#include <vector>

namespace pt::shadow {

class SaltFilter
{
public:
    static constexpr size_t kDefaultCapacity = size_t(1) << 17; // per generation; 4 MiB in all

    explicit SaltFilter(size_t capacityPerGeneration = kDefaultCapacity);

    // Records salt. True if it had been seen before (a replay), false if it is new.
    // Same polarity as obfs4::ReplayFilter::recordSeenBefore().
    bool recordSeenBefore(const QByteArray& salt);
    bool contains(const QByteArray& salt) const;

private:
    uint64_t hashOf(const QByteArray& salt) const;
    bool containsLocked(uint64_t h) const;
    static bool tableContains(const std::vector<uint64_t>& table, uint64_t h);
    void insertLocked(uint64_t h);

    mutable std::mutex m_mutex;
    unsigned char m_key[16];
    size_t m_capacity;
    size_t m_slots;                    // power of two, >= 2 x capacity (load factor <= 1/2)
    std::vector<uint64_t> m_tables[2]; // allocated on first insert; 0 = empty slot
    size_t m_counts[2] = {0, 0};
    int m_current = 0;
};

} // namespace pt::shadow
