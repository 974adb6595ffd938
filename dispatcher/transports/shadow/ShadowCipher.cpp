#include "dispatcher/transports/shadow/ShadowCipher.h"

#include "dispatcher/crypto/Kdf.h"

#include <algorithm>

namespace pt::shadow {

namespace {
struct Entry
{
    crypto::AeadAlgorithm alg;
    const char* canonical;
    const char* aliases[2];
};

const Entry kCiphers[] = {
    {crypto::AeadAlgorithm::Aes128Gcm, "aes-128-gcm", {"aead_aes_128_gcm", nullptr}},
    {crypto::AeadAlgorithm::Aes192Gcm, "aes-192-gcm", {"aead_aes_192_gcm", nullptr}},
    {crypto::AeadAlgorithm::Aes256Gcm, "aes-256-gcm", {"aead_aes_256_gcm", nullptr}},
    {crypto::AeadAlgorithm::ChaCha20Poly1305,
     "chacha20-ietf-poly1305",
     {"aead_chacha20_poly1305", "chacha20-poly1305"}},
};
} // namespace

std::optional<CipherSpec> findCipher(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (const Entry& e : kCiphers) {
        bool match = n == QLatin1String(e.canonical);
        for (const char* alias : e.aliases)
            match = match || (alias && n == QLatin1String(alias));
        if (match) {
            const size_t keySize = crypto::aeadKeySize(e.alg);
            return CipherSpec{e.alg, QString::fromLatin1(e.canonical), keySize,
                              std::max<size_t>(keySize, 16)};
        }
    }
    return std::nullopt;
}

QStringList cipherNames()
{
    QStringList names;
    for (const Entry& e : kCiphers)
        names << QString::fromLatin1(e.canonical).toUpper();
    return names;
}

QByteArray masterKey(const CipherSpec& spec, const QByteArray& password)
{
    return crypto::evpBytesToKeyMd5(password, spec.keySize).value_or(QByteArray());
}

QByteArray sessionSubkey(const CipherSpec& spec, const QByteArray& masterKey, const QByteArray& salt)
{
    return crypto::hkdfSha1(masterKey, salt, QByteArrayLiteral("ss-subkey"), spec.keySize)
        .value_or(QByteArray());
}

} // namespace pt::shadow
