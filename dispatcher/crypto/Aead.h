#pragma once

// A thin RAII wrapper over OpenSSL's EVP AEAD ciphers with 12-byte nonces and
// 16-byte tags (AES-GCM and ChaCha20-Poly1305, RFC 5116 / RFC 8439).
//
// One AeadContext holds one key for one direction. The key schedule is done once
// in create(); each seal()/open() only installs a new nonce, so a stream of
// chunks allocates nothing (Shadowsocks seals two AEAD messages per chunk).

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <memory>

struct evp_cipher_st;
struct evp_cipher_ctx_st;

namespace pt::crypto {

enum class AeadAlgorithm
{
    Aes128Gcm,
    Aes192Gcm,
    Aes256Gcm,
    ChaCha20Poly1305
};

constexpr size_t kAeadNonceSize = 12;
constexpr size_t kAeadTagSize = 16;

size_t aeadKeySize(AeadAlgorithm alg);

// The OpenSSL cipher object for alg, fetched once per process (never freed).
// nullptr only if the OpenSSL build lacks the algorithm.
const evp_cipher_st* aeadEvpCipher(AeadAlgorithm alg);

class AeadContext
{
public:
    enum class Direction
    {
        Seal,
        Open
    };

    // nullptr if the key has the wrong size or OpenSSL refuses the algorithm.
    static std::unique_ptr<AeadContext> create(AeadAlgorithm alg, Direction dir, const uint8_t* key,
                                               size_t keyLen);
    ~AeadContext();
    AeadContext(const AeadContext&) = delete;
    AeadContext& operator=(const AeadContext&) = delete;

    // out receives len bytes of ciphertext followed by the 16-byte tag. in and out
    // may be the same buffer. Only valid for a Direction::Seal context.
    bool seal(const uint8_t* nonce, const uint8_t* in, size_t len, uint8_t* out);

    // in holds len bytes of ciphertext followed by the tag (so len + 16 bytes are
    // read); out receives len bytes of plaintext. Returns false when the tag does
    // not verify; out's content is then unspecified and must not be used. Only
    // valid for a Direction::Open context.
    bool open(const uint8_t* nonce, const uint8_t* in, size_t len, uint8_t* out);

private:
    AeadContext() = default;
    evp_cipher_ctx_st* m_ctx = nullptr;
    Direction m_dir = Direction::Seal;
};

} // namespace pt::crypto
