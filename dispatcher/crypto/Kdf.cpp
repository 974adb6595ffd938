#include "dispatcher/crypto/Kdf.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>

namespace pt::crypto {

namespace {
struct KdfCtxDeleter
{
    void operator()(EVP_KDF_CTX* c) const { EVP_KDF_CTX_free(c); }
};

EVP_KDF* hkdfImpl()
{
    static EVP_KDF* const kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    return kdf;
}

// EVP_BytesToKey takes its output length from a cipher; any cipher with the
// wanted key length will do (the IV is not requested).
const EVP_CIPHER* cipherWithKeyLength(size_t keyLen)
{
    static EVP_CIPHER* const aes128 = EVP_CIPHER_fetch(nullptr, "AES-128-CBC", nullptr);
    static EVP_CIPHER* const aes192 = EVP_CIPHER_fetch(nullptr, "AES-192-CBC", nullptr);
    static EVP_CIPHER* const aes256 = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
    switch (keyLen) {
    case 16:
        return aes128;
    case 24:
        return aes192;
    case 32:
        return aes256;
    default:
        return nullptr;
    }
}
} // namespace

std::optional<QByteArray> hkdfSha1(const QByteArray& ikm, const QByteArray& salt, const QByteArray& info,
                                   size_t outLen)
{
    EVP_KDF* kdf = hkdfImpl();
    if (!kdf || outLen == 0 || outLen > 255 * 20) return std::nullopt;
    std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter> ctx(EVP_KDF_CTX_new(kdf));
    if (!ctx) return std::nullopt;
    char digest[] = "SHA1";
    // OSSL_PARAM wants non-const pointers; none of these buffers is written.
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char*>(ikm.constData()),
                                          size_t(ikm.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.constData()),
                                          size_t(salt.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(info.constData()),
                                          size_t(info.size())),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(qsizetype(outLen), Qt::Uninitialized);
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), outLen, params) != 1)
        return std::nullopt;
    return out;
}

std::optional<QByteArray> evpBytesToKeyMd5(const QByteArray& password, size_t keyLen)
{
    const EVP_CIPHER* cipher = cipherWithKeyLength(keyLen);
    if (!cipher) return std::nullopt;
    QByteArray key(qsizetype(keyLen), Qt::Uninitialized);
    const int n = EVP_BytesToKey(
        cipher, EVP_md5(), nullptr, reinterpret_cast<const unsigned char*>(password.constData()),
        int(password.size()), 1, reinterpret_cast<unsigned char*>(key.data()), nullptr);
    if (n != int(keyLen)) return std::nullopt;
    return key;
}

} // namespace pt::crypto
