#pragma once

// Shared pieces of the fuzz targets: a deterministic SessionEnv, input slicing, and
// a server identity fixed at compile time (so a target is a pure function of its input).

#include "dispatcher/transports/Transport.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <cstring>

namespace pt::fuzz {

// Randomness from a counter, time from a counter: runs are reproducible.
class FixedEnv final : public SessionEnv
{
public:
    void randomBytes(void* out, size_t len) override
    {
        auto* p = static_cast<uint8_t*>(out);
        for (size_t i = 0; i < len; ++i)
            p[i] = uint8_t((m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL) >> 56);
    }
    uint32_t randomUniform(uint32_t upperExclusive) override
    {
        uint32_t v = 0;
        randomBytes(&v, sizeof v);
        return upperExclusive ? v % upperExclusive : 0;
    }
    int64_t nowMs() override { return m_now += 7; }
    int64_t unixTime() override { return 1700000000; }

private:
    uint64_t m_state = 0x9e3779b97f4a7c15ULL;
    int64_t m_now = 0;
};

// Reads input as a sequence of chunks: one length byte, then that many bytes. The
// protocols must give the same answers however their input is cut.
class Chunks
{
public:
    Chunks(const uint8_t* data, size_t size) : m_data(data), m_size(size) {}
    bool next(QByteArray& out)
    {
        if (m_pos >= m_size) return false;
        const size_t want = size_t(m_data[m_pos++]) + 1;
        const size_t n = std::min(want, m_size - m_pos);
        out = QByteArray(reinterpret_cast<const char*>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return true;
    }

private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_pos = 0;
};

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// A fixed obfs4 server identity (hex, as -options takes it).
inline QJsonObject obfs4ServerOptions(int iatMode = 0)
{
    return QJsonObject{{"node-id", "0123456789abcdef0123456789abcdef01234567"},
                       {"private-key", "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"},
                       {"drbg-seed", "000102030405060708090a0b0c0d0e0f1011121314151617"},
                       {"iat-mode", QString::number(iatMode)}};
}

} // namespace pt::fuzz
