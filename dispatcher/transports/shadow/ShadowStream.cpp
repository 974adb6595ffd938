#include "dispatcher/transports/shadow/ShadowStream.h"

#include <algorithm>
#include <cstring>

namespace pt::shadow {

void NonceCounter::increment()
{
    for (uint8_t& b : m_bytes) {
        if (++b != 0) break;
    }
}

std::unique_ptr<StreamEncoder> StreamEncoder::create(const CipherSpec& spec, const QByteArray& masterKey,
                                                     const QByteArray& salt)
{
    if (size_t(salt.size()) != spec.saltSize) return nullptr;
    const QByteArray subkey = sessionSubkey(spec, masterKey, salt);
    if (subkey.isEmpty()) return nullptr;
    std::unique_ptr<StreamEncoder> e(new StreamEncoder);
    e->m_aead = crypto::AeadContext::create(spec.algorithm, crypto::AeadContext::Direction::Seal,
                                            reinterpret_cast<const uint8_t*>(subkey.constData()),
                                            size_t(subkey.size()));
    if (!e->m_aead) return nullptr;
    e->m_salt = salt;
    return e;
}

bool StreamEncoder::encode(const char* data, size_t len, QByteArray& out)
{
    const size_t chunks = (len + kMaxPayload - 1) / kMaxPayload;
    const size_t saltBytes = m_saltSent ? 0 : size_t(m_salt.size());
    const qsizetype old = out.size();
    out.resize(old + qsizetype(saltBytes + chunks * kChunkOverhead + len));
    auto* p = reinterpret_cast<uint8_t*>(out.data()) + old;
    if (saltBytes) {
        std::memcpy(p, m_salt.constData(), saltBytes);
        p += saltBytes;
    }
    const auto* src = reinterpret_cast<const uint8_t*>(data);
    for (size_t done = 0; done < len;) {
        const size_t n = std::min(kMaxPayload, len - done);
        const uint8_t lenBytes[2] = {uint8_t(n >> 8), uint8_t(n & 0xFF)};
        if (!m_aead->seal(m_nonce.data(), lenBytes, 2, p)) {
            out.truncate(old);
            return false;
        }
        m_nonce.increment();
        p += kLengthBlock;
        if (!m_aead->seal(m_nonce.data(), src + done, n, p)) {
            out.truncate(old);
            return false;
        }
        m_nonce.increment();
        p += n + crypto::kAeadTagSize;
        done += n;
    }
    m_saltSent = true;
    return true;
}

StreamDecoder::StreamDecoder(const CipherSpec& spec, const QByteArray& masterKey)
    : m_spec(spec), m_masterKey(masterKey)
{
}

size_t StreamDecoder::unitSize() const
{
    switch (m_state) {
    case State::Salt:
        return m_spec.saltSize;
    case State::Length:
        return kLengthBlock;
    case State::Payload:
        return m_payloadLen + crypto::kAeadTagSize;
    }
    return 0;
}

bool StreamDecoder::processUnit(const uint8_t* p, QByteArray& out)
{
    switch (m_state) {
    case State::Salt: {
        m_salt = QByteArray(reinterpret_cast<const char*>(p), qsizetype(m_spec.saltSize));
        const QByteArray subkey = sessionSubkey(m_spec, m_masterKey, m_salt);
        if (!subkey.isEmpty())
            m_aead = crypto::AeadContext::create(m_spec.algorithm, crypto::AeadContext::Direction::Open,
                                                 reinterpret_cast<const uint8_t*>(subkey.constData()),
                                                 size_t(subkey.size()));
        if (!m_aead) {
            m_error = QStringLiteral("key derivation failed");
            return false;
        }
        m_state = State::Length;
        return true;
    }
    case State::Length: {
        uint8_t lenBytes[2];
        if (!m_aead->open(m_nonce.data(), p, 2, lenBytes)) {
            m_error = QStringLiteral("chunk length failed authentication "
                                     "(wrong password or cipher, or tampered data)");
            return false;
        }
        m_nonce.increment();
        ++m_opened;
        m_payloadLen = (size_t(lenBytes[0]) << 8) | lenBytes[1];
        if (m_payloadLen > kMaxPayload) {
            m_error = QStringLiteral("chunk length %1 exceeds 0x3FFF").arg(m_payloadLen);
            return false;
        }
        if (m_payloadLen == 0) {
            // ss-libev treats an empty chunk as an error too; no sender produces one.
            m_error = QStringLiteral("empty chunk");
            return false;
        }
        m_state = State::Payload;
        return true;
    }
    case State::Payload: {
        const qsizetype old = out.size();
        out.resize(old + qsizetype(m_payloadLen));
        if (!m_aead->open(m_nonce.data(), p, m_payloadLen, reinterpret_cast<uint8_t*>(out.data()) + old)) {
            out.truncate(old);
            m_error = QStringLiteral("chunk payload failed authentication (tampered data)");
            return false;
        }
        m_nonce.increment();
        ++m_opened;
        m_state = State::Length;
        return true;
    }
    }
    return false;
}

bool StreamDecoder::feed(const char* data, size_t len, QByteArray& out)
{
    if (failed()) return false;
    // Plaintext is never longer than the ciphertext: one reservation per call.
    out.reserve(out.size() + qsizetype(len));
    const auto* p = reinterpret_cast<const uint8_t*>(data);

    // Complete a unit left over from an earlier call, copying only what it lacks.
    while (!m_partial.isEmpty() && len > 0) {
        const size_t need = unitSize() - size_t(m_partial.size());
        const size_t take = std::min(need, len);
        m_partial.append(reinterpret_cast<const char*>(p), qsizetype(take));
        p += take;
        len -= take;
        if (take < need) return true;
        const bool ok = processUnit(reinterpret_cast<const uint8_t*>(m_partial.constData()), out);
        m_partial.resize(0); // keeps the capacity for the next partial unit
        if (!ok) return false;
    }
    // Then work straight from the caller's buffer.
    while (len > 0) {
        const size_t need = unitSize();
        if (len < need) {
            m_partial.append(reinterpret_cast<const char*>(p), qsizetype(len));
            return true;
        }
        if (!processUnit(p, out)) return false;
        p += need;
        len -= need;
    }
    return true;
}

} // namespace pt::shadow
