#include "dispatcher/transports/shadow/SaltFilter.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace pt::shadow {

SaltFilter::SaltFilter(size_t capacityPerGeneration) : m_capacity(std::max<size_t>(capacityPerGeneration, 1))
{
    if (sodium_init() < 0) qFatal("libsodium failed to initialise");
    static_assert(sizeof(m_key) == crypto_shorthash_KEYBYTES, "SipHash-2-4 key size");
    randombytes_buf(m_key, sizeof(m_key));
    m_slots = 1;
    while (m_slots < 2 * m_capacity)
        m_slots <<= 1;
}

uint64_t SaltFilter::hashOf(const QByteArray& salt) const
{
    unsigned char out[crypto_shorthash_BYTES];
    crypto_shorthash(out, reinterpret_cast<const unsigned char*>(salt.constData()),
                     static_cast<unsigned long long>(salt.size()), m_key);
    uint64_t h = 0;
    std::memcpy(&h, out, sizeof(h));
    return h == 0 ? 1 : h; // 0 marks an empty slot
}

bool SaltFilter::tableContains(const std::vector<uint64_t>& table, uint64_t h)
{
    if (table.empty()) return false;
    const size_t mask = table.size() - 1;
    for (size_t i = size_t(h) & mask;; i = (i + 1) & mask) {
        if (table[i] == h) return true;
        if (table[i] == 0) return false; // load <= 1/2 guarantees an empty slot
    }
}

bool SaltFilter::containsLocked(uint64_t h) const
{
    return tableContains(m_tables[0], h) || tableContains(m_tables[1], h);
}

void SaltFilter::insertLocked(uint64_t h)
{
    if (m_counts[m_current] >= m_capacity) {
        m_current ^= 1;
        std::fill(m_tables[m_current].begin(), m_tables[m_current].end(), 0);
        m_counts[m_current] = 0;
    }
    std::vector<uint64_t>& table = m_tables[m_current];
    if (table.empty()) table.assign(m_slots, 0);
    const size_t mask = table.size() - 1;
    size_t i = size_t(h) & mask;
    while (table[i] != 0)
        i = (i + 1) & mask;
    table[i] = h;
    ++m_counts[m_current];
}

bool SaltFilter::recordSeenBefore(const QByteArray& salt)
{
    const uint64_t h = hashOf(salt);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (containsLocked(h)) return true;
    insertLocked(h);
    return false;
}

bool SaltFilter::contains(const QByteArray& salt) const
{
    const uint64_t h = hashOf(salt);
    std::lock_guard<std::mutex> lock(m_mutex);
    return containsLocked(h);
}

} // namespace pt::shadow
