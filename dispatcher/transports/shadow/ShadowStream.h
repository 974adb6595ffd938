#pragma once

// The Shadowsocks AEAD TCP stream, one direction each (SIP004):
//   salt | [len(2, big-endian) + tag] [payload + tag] | [len + tag] [payload + tag] ...
// Both blocks of a chunk are separate AEAD messages under the per-stream subkey;
// the 12-byte nonce is a little-endian counter incremented after every message.
//
// Sans-IO: bytes in, bytes out. Neither class allocates per chunk beyond growing
// the caller's output buffer.

#include "dispatcher/transports/shadow/ShadowCipher.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>

namespace pt::shadow {

// A 12-byte little-endian counter nonce.
class NonceCounter
{
public:
    const uint8_t* data() const { return m_bytes; }
    void increment();

private:
    uint8_t m_bytes[crypto::kAeadNonceSize] = {};
};

class StreamEncoder
{
public:
    // salt must be spec.saltSize random bytes. nullptr if key derivation fails.
    static std::unique_ptr<StreamEncoder> create(const CipherSpec& spec, const QByteArray& masterKey,
                                                 const QByteArray& salt);

    // Appends the salt (first call only) and len bytes as chunks of at most
    // kMaxPayload. len == 0 emits only a pending salt. False only on an OpenSSL
    // failure (out is then left as it was).
    bool encode(const char* data, size_t len, QByteArray& out);

    const QByteArray& salt() const { return m_salt; }

private:
    StreamEncoder() = default;
    std::unique_ptr<crypto::AeadContext> m_aead;
    NonceCounter m_nonce;
    QByteArray m_salt;
    bool m_saltSent = false;
};

class StreamDecoder
{
public:
    StreamDecoder(const CipherSpec& spec, const QByteArray& masterKey);

    // Appends every payload byte that authenticates to out. Returns false once the
    // stream is broken (bad tag, length 0 or > 0x3FFF); error() says why and every
    // later call returns false without output. Payload decrypted before the bad
    // chunk within the same call has been appended (it did authenticate).
    bool feed(const char* data, size_t len, QByteArray& out);

    bool failed() const { return !m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    const QByteArray& salt() const { return m_salt; }
    // Number of AEAD messages (length or payload blocks) that authenticated.
    quint64 messagesOpened() const { return m_opened; }
    // Bytes held back waiting for the rest of a salt or block.
    size_t buffered() const { return size_t(m_partial.size()); }

private:
    size_t unitSize() const; // bytes the current state needs
    // Handles one complete unit (salt, length block or payload block).
    bool processUnit(const uint8_t* p, QByteArray& out);

    enum class State
    {
        Salt,
        Length,
        Payload
    };
    CipherSpec m_spec;
    QByteArray m_masterKey;
    std::unique_ptr<crypto::AeadContext> m_aead;
    NonceCounter m_nonce;
    QByteArray m_salt;
    QByteArray m_partial; // an incomplete unit
    State m_state = State::Salt;
    size_t m_payloadLen = 0;
    quint64 m_opened = 0;
    QString m_error;
};

} // namespace pt::shadow
