#include "dispatcher/crypto/HashDrbg.h"

#include <cstring>

namespace pt::crypto {

namespace {
inline uint64_t rotl(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

inline void sipRound(uint64_t v[4])
{
    v[0] += v[1];
    v[1] = rotl(v[1], 13);
    v[1] ^= v[0];
    v[0] = rotl(v[0], 32);
    v[2] += v[3];
    v[3] = rotl(v[3], 16);
    v[3] ^= v[2];
    v[0] += v[3];
    v[3] = rotl(v[3], 21);
    v[3] ^= v[0];
    v[2] += v[1];
    v[1] = rotl(v[1], 17);
    v[1] ^= v[2];
    v[2] = rotl(v[2], 32);
}

inline uint64_t load64le(const uint8_t* p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}
} // namespace

SipHash24::SipHash24(const uint8_t key[16])
{
    const uint64_t k0 = load64le(key), k1 = load64le(key + 8);
    m_v[0] = k0 ^ 0x736f6d6570736575ULL;
    m_v[1] = k1 ^ 0x646f72616e646f6dULL;
    m_v[2] = k0 ^ 0x6c7967656e657261ULL;
    m_v[3] = k1 ^ 0x7465646279746573ULL;
}

void SipHash24::absorb8(const uint8_t block[8])
{
    const uint64_t m = load64le(block);
    m_v[3] ^= m;
    sipRound(m_v);
    sipRound(m_v);
    m_v[0] ^= m;
    m_length += 8;
}

uint64_t SipHash24::sum() const
{
    uint64_t v[4] = {m_v[0], m_v[1], m_v[2], m_v[3]};
    const uint64_t b = (m_length & 0xff) << 56; // no tail bytes: only whole blocks are absorbed
    v[3] ^= b;
    sipRound(v);
    sipRound(v);
    v[0] ^= b;
    v[2] ^= 0xff;
    for (int i = 0; i < 4; ++i)
        sipRound(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}

HashDrbg::HashDrbg(const Seed& seed) : HashDrbg(seed.data()) {}

HashDrbg::HashDrbg(const uint8_t seed[kSeedLength]) : m_sip(seed)
{
    std::memcpy(m_ofb.data(), seed + 16, 8);
}

std::array<uint8_t, 8> HashDrbg::nextBlock()
{
    m_sip.absorb8(m_ofb.data());
    uint64_t s = m_sip.sum();
    for (int i = 0; i < 8; ++i) {
        m_ofb[i] = uint8_t(s);
        s >>= 8;
    }
    return m_ofb;
}

int64_t HashDrbg::int63()
{
    const auto b = nextBlock();
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | b[i];
    return int64_t(v & 0x7fffffffffffffffULL);
}

} // namespace pt::crypto
