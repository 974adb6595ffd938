#include "dispatcher/transports/obfs4/Ntor.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <QStringBuilder>
#include <sodium.h>

namespace pt::obfs4 {

namespace {
const QByteArray kProtoId = QByteArrayLiteral("ntor-curve25519-sha256-1");
const QByteArray kTMac = kProtoId + ":mac";
const QByteArray kTKey = kProtoId + ":key_extract";
const QByteArray kTVerify = kProtoId + ":key_verify";
const QByteArray kMExpand = kProtoId + ":key_expand";

QByteArray bytes(const uint8_t* p, size_t n)
{
    return QByteArray(reinterpret_cast<const char*>(p), qsizetype(n));
}

bool dh(uint8_t out[32], const Key32& scalar, const Key32& point)
{
    // libsodium returns -1 for an all-zero result (low-order input): ntor aborts then.
    return crypto_scalarmult(out, scalar.data(), point.data()) == 0 && !sodium_is_zero(out, 32);
}

NtorResult finish(QByteArray secretInput, const Key32& b, const Key32& x, const Key32& y, const NodeId& id,
                  bool ok)
{
    QByteArray suffix;
    suffix += bytes(b.data(), 32);
    suffix += bytes(b.data(), 32);
    suffix += bytes(x.data(), 32);
    suffix += bytes(y.data(), 32);
    suffix += kProtoId;
    suffix += bytes(id.data(), id.size());
    secretInput += suffix;

    NtorResult r;
    r.ok = ok;
    r.keySeed = hmacSha256(kTKey, secretInput);
    const auto verify = hmacSha256(kTVerify, secretInput);
    r.auth = hmacSha256(kTMac, bytes(verify.data(), 32) + suffix + QByteArrayLiteral("Server"));
    sodium_memzero(secretInput.data(), size_t(secretInput.size()));
    return r;
}
} // namespace

std::array<uint8_t, 32> hmacSha256(const QByteArray& key, const QByteArray& data)
{
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, reinterpret_cast<const uint8_t*>(key.constData()), size_t(key.size()));
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const uint8_t*>(data.constData()),
                                  quint64(data.size()));
    std::array<uint8_t, 32> out{};
    crypto_auth_hmacsha256_final(&st, out.data());
    return out;
}

NtorResult ntorClient(const Key32& clientPrivate, const Key32& clientPublic, const Key32& serverPublic,
                      const Key32& identityPublic, const NodeId& nodeId)
{
    uint8_t e1[32], e2[32];
    const bool ok1 = dh(e1, clientPrivate, serverPublic);
    const bool ok2 = dh(e2, clientPrivate, identityPublic);
    QByteArray secret = bytes(e1, 32) + bytes(e2, 32);
    sodium_memzero(e1, 32);
    sodium_memzero(e2, 32);
    return finish(secret, identityPublic, clientPublic, serverPublic, nodeId, ok1 && ok2);
}

NtorResult ntorServer(const Key32& clientPublic, const Key32& serverPrivate, const Key32& serverPublic,
                      const Key32& identityPrivate, const Key32& identityPublic, const NodeId& nodeId)
{
    uint8_t e1[32], e2[32];
    const bool ok1 = dh(e1, serverPrivate, clientPublic);
    const bool ok2 = dh(e2, identityPrivate, clientPublic);
    QByteArray secret = bytes(e1, 32) + bytes(e2, 32);
    sodium_memzero(e1, 32);
    sodium_memzero(e2, 32);
    return finish(secret, identityPublic, clientPublic, serverPublic, nodeId, ok1 && ok2);
}

QByteArray ntorKdf(const Key32& keySeed, int length)
{
    QByteArray out(length, '\0');
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX* ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    bool ok = false;
    if (ctx) {
        char digest[] = "SHA256";
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<uint8_t*>(keySeed.data()),
                                              keySeed.size()),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(kTKey.constData()),
                                              size_t(kTKey.size())),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(kMExpand.constData()),
                                              size_t(kMExpand.size())),
            OSSL_PARAM_construct_end(),
        };
        ok = EVP_KDF_derive(ctx, reinterpret_cast<uint8_t*>(out.data()), size_t(out.size()), params) == 1;
    }
    EVP_KDF_CTX_free(ctx);
    EVP_KDF_free(kdf);
    if (!ok) return {};
    return out;
}

} // namespace pt::obfs4
