#pragma once

// Key derivation helpers over OpenSSL: HKDF (RFC 5869) and the legacy
// EVP_BytesToKey password stretching that Shadowsocks uses for its master key.

#include <QByteArray>

#include <cstddef>
#include <optional>

namespace pt::crypto {

// HKDF-SHA1(IKM, salt, info) -> outLen bytes (RFC 5869, SHA-1 as in Shadowsocks
// AEAD). nullopt if OpenSSL fails (outLen > 255 * 20, missing provider).
std::optional<QByteArray> hkdfSha1(const QByteArray& ikm, const QByteArray& salt, const QByteArray& info,
                                   size_t outLen);

// OpenSSL's EVP_BytesToKey with MD5, no salt and one iteration:
// D_1 = MD5(password), D_i = MD5(D_{i-1} | password), key = D_1 | D_2 | ... cut to
// keyLen bytes. keyLen must be 16, 24 or 32. Weak by modern standards; kept only
// because every Shadowsocks implementation derives its key this way.
std::optional<QByteArray> evpBytesToKeyMd5(const QByteArray& password, size_t keyLen);

} // namespace pt::crypto
