#include "dispatcher/crypto/Random.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace pt::crypto {

namespace {

class ThreadRandom
{
public:
    void fill(void* out, size_t len)
    {
        if (len > sizeof m_buf / 2) {
            randombytes_buf(out, len);
            return;
        }
        auto* dst = static_cast<uint8_t*>(out);
        while (len > 0) {
            if (m_pos == sizeof m_buf) refill();
            const size_t n = std::min(len, sizeof m_buf - m_pos);
            std::memcpy(dst, m_buf + m_pos, n);
            sodium_memzero(m_buf + m_pos, n);
            m_pos += n;
            dst += n;
            len -= n;
        }
    }
    uint32_t uniform(uint32_t upperExclusive)
    {
        if (upperExclusive < 2) return 0;
        // Rejection sampling as randombytes_uniform does: no modulo bias.
        const uint32_t min = uint32_t(-upperExclusive) % upperExclusive;
        uint32_t r;
        do
            fill(&r, sizeof r);
        while (r < min);
        return r % upperExclusive;
    }

private:
    void refill()
    {
        if (!m_keyed) {
            randombytes_buf(m_key, sizeof m_key);
            m_keyed = true;
        }
        randombytes_buf_deterministic(m_buf, sizeof m_buf, m_key);
        std::memcpy(m_key, m_buf, sizeof m_key);
        sodium_memzero(m_buf, sizeof m_key);
        m_pos = sizeof m_key;
    }

    uint8_t m_key[randombytes_SEEDBYTES];
    uint8_t m_buf[4096];
    size_t m_pos = sizeof m_buf;
    bool m_keyed = false;
};

ThreadRandom& threadRandom()
{
    thread_local ThreadRandom r;
    return r;
}

} // namespace

void randomBytes(void* out, size_t len)
{
    threadRandom().fill(out, len);
}

uint32_t randomUniform(uint32_t upperExclusive)
{
    return threadRandom().uniform(upperExclusive);
}

} // namespace pt::crypto
