#pragma once

// The Shadowsocks AEAD cipher table and key schedule (SIP004/SIP007):
// master key = EVP_BytesToKey-MD5(password), per-direction subkey =
// HKDF-SHA1(master key, salt, "ss-subkey").

#include "dispatcher/crypto/Aead.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::shadow {

struct CipherSpec
{
    crypto::AeadAlgorithm algorithm;
    QString name;    // canonical ss-libev spelling, e.g. "aes-128-gcm"
    size_t keySize;  // bytes
    size_t saltSize; // max(keySize, 16)
};

// Case-insensitive; accepts the ss-libev names ("aes-128-gcm",
// "chacha20-ietf-poly1305") and the SIP004 / Outline names ("AEAD_AES_128_GCM",
// "AEAD_CHACHA20_POLY1305", "chacha20-poly1305").
std::optional<CipherSpec> findCipher(const QString& name);
QStringList cipherNames(); // canonical names, for error messages and docs

constexpr size_t kMaxPayload = 0x3FFF;                    // per chunk, SIP004
constexpr size_t kLengthBlock = 2 + crypto::kAeadTagSize; // sealed length prefix
constexpr size_t kChunkOverhead = kLengthBlock + crypto::kAeadTagSize;

// EVP_BytesToKey(MD5) of the password, keySize bytes. Empty on failure.
QByteArray masterKey(const CipherSpec& spec, const QByteArray& password);

// HKDF-SHA1(masterKey, salt, "ss-subkey"), keySize bytes. Empty on failure.
QByteArray sessionSubkey(const CipherSpec& spec, const QByteArray& masterKey, const QByteArray& salt);

} // namespace pt::shadow
