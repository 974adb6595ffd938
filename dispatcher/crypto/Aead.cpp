#include "dispatcher/crypto/Aead.h"

#include <openssl/evp.h>

#include <climits>

namespace pt::crypto {

size_t aeadKeySize(AeadAlgorithm alg)
{
    switch (alg) {
    case AeadAlgorithm::Aes128Gcm:
        return 16;
    case AeadAlgorithm::Aes192Gcm:
        return 24;
    case AeadAlgorithm::Aes256Gcm:
    case AeadAlgorithm::ChaCha20Poly1305:
        return 32;
    }
    return 0;
}

namespace {
// Explicit fetches: with OpenSSL 3 the legacy EVP_aes_128_gcm() style getters make
// every EVP_*Init_ex look the implementation up again; a fetched object does not.
EVP_CIPHER* fetchCipher(const char* name)
{
    return EVP_CIPHER_fetch(nullptr, name, nullptr);
}
} // namespace

const EVP_CIPHER* aeadEvpCipher(AeadAlgorithm alg)
{
    static EVP_CIPHER* const aes128 = fetchCipher("AES-128-GCM");
    static EVP_CIPHER* const aes192 = fetchCipher("AES-192-GCM");
    static EVP_CIPHER* const aes256 = fetchCipher("AES-256-GCM");
    static EVP_CIPHER* const chacha = fetchCipher("ChaCha20-Poly1305");
    switch (alg) {
    case AeadAlgorithm::Aes128Gcm:
        return aes128;
    case AeadAlgorithm::Aes192Gcm:
        return aes192;
    case AeadAlgorithm::Aes256Gcm:
        return aes256;
    case AeadAlgorithm::ChaCha20Poly1305:
        return chacha;
    }
    return nullptr;
}

std::unique_ptr<AeadContext> AeadContext::create(AeadAlgorithm alg, Direction dir, const uint8_t* key,
                                                 size_t keyLen)
{
    const EVP_CIPHER* cipher = aeadEvpCipher(alg);
    if (!cipher || keyLen != aeadKeySize(alg)) return nullptr;
    std::unique_ptr<AeadContext> c(new AeadContext);
    c->m_dir = dir;
    c->m_ctx = EVP_CIPHER_CTX_new();
    if (!c->m_ctx) return nullptr;
    const int enc = dir == Direction::Seal ? 1 : 0;
    // Two steps: select the cipher and set the nonce length, then install the key.
    // Both algorithms default to 12-byte nonces; setting it keeps that explicit.
    if (EVP_CipherInit_ex(c->m_ctx, cipher, nullptr, nullptr, nullptr, enc) != 1) return nullptr;
    if (EVP_CIPHER_CTX_ctrl(c->m_ctx, EVP_CTRL_AEAD_SET_IVLEN, int(kAeadNonceSize), nullptr) != 1)
        return nullptr;
    if (EVP_CipherInit_ex(c->m_ctx, nullptr, nullptr, key, nullptr, enc) != 1) return nullptr;
    return c;
}

AeadContext::~AeadContext()
{
    EVP_CIPHER_CTX_free(m_ctx);
}

bool AeadContext::seal(const uint8_t* nonce, const uint8_t* in, size_t len, uint8_t* out)
{
    if (m_dir != Direction::Seal || len > size_t(INT_MAX)) return false;
    int n = 0;
    if (EVP_EncryptInit_ex(m_ctx, nullptr, nullptr, nullptr, nonce) != 1) return false;
    if (len > 0 && EVP_EncryptUpdate(m_ctx, out, &n, in, int(len)) != 1) return false;
    int fin = 0;
    if (EVP_EncryptFinal_ex(m_ctx, out + n, &fin) != 1) return false;
    return EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_AEAD_GET_TAG, int(kAeadTagSize), out + len) == 1;
}

bool AeadContext::open(const uint8_t* nonce, const uint8_t* in, size_t len, uint8_t* out)
{
    if (m_dir != Direction::Open || len > size_t(INT_MAX)) return false;
    if (EVP_DecryptInit_ex(m_ctx, nullptr, nullptr, nullptr, nonce) != 1) return false;
    int n = 0;
    if (len > 0 && EVP_DecryptUpdate(m_ctx, out, &n, in, int(len)) != 1) return false;
    // SET_TAG wants a non-const pointer but only reads it.
    if (EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_AEAD_SET_TAG, int(kAeadTagSize),
                            const_cast<uint8_t*>(in + len)) != 1)
        return false;
    int fin = 0;
    return EVP_DecryptFinal_ex(m_ctx, out + n, &fin) == 1;
}

} // namespace pt::crypto
