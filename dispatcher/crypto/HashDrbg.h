#pragma once

// obfs4's "HashDrbg": SipHash-2-4 in OFB mode over ONE running hash that is never
// reset. Block n = SipHash(key, iv | block1 | ... | block(n-1)), so every step
// absorbs the previous block into the same state and finalizes a copy of it.
// libsodium only has one-shot SipHash, which would make this O(n^2) over a
// connection's life; hence this incremental form (tested against libsodium).

#include <array>
#include <cstdint>

namespace pt::crypto {

class SipHash24
{
public:
    explicit SipHash24(const uint8_t key[16]);
    // Absorbs exactly 8 bytes (all obfs4 ever writes).
    void absorb8(const uint8_t block[8]);
    // SipHash of everything absorbed so far; the state stays usable.
    uint64_t sum() const;

private:
    uint64_t m_v[4];
    uint64_t m_length = 0;
};

class HashDrbg
{
public:
    static constexpr int kSeedLength = 24; // SipHash key 16 | OFB IV 8
    using Seed = std::array<uint8_t, kSeedLength>;

    explicit HashDrbg(const Seed& seed);
    explicit HashDrbg(const uint8_t seed[kSeedLength]);
    // The next 8-byte block (SipHash output, little-endian as Go's Sum()).
    std::array<uint8_t, 8> nextBlock();
    // Go's Int63(): the block read big-endian with the top bit cleared.
    int64_t int63();

private:
    SipHash24 m_sip;
    std::array<uint8_t, 8> m_ofb;
};

} // namespace pt::crypto
