#pragma once

// The "shadow" transport's options (JSON, keys as in shapeshifter-dispatcher).
// See docs/transports/shadow.md for the user-facing description.

#include "dispatcher/transports/Transport.h"
#include "dispatcher/transports/shadow/ShadowAddress.h"
#include "dispatcher/transports/shadow/ShadowCipher.h"

#include <QJsonObject>

#include <optional>

namespace pt::shadow {

struct ShadowKeyOptions
{
    CipherSpec cipher{};
    QByteArray password;  // UTF-8
    QByteArray masterKey; // EVP_BytesToKey(MD5) of password
};

struct ShadowClientOptions
{
    ShadowKeyOptions key;
    std::optional<TargetAddress> target; // option "target": overrides the header target
};

struct ShadowServerOptions
{
    ShadowKeyOptions key;
};

// "password" (required) and "cipherName" (required; "cipher" and "method" are
// aliases). Failure text is one line naming the problem.
Result<ShadowKeyOptions> parseKeyOptions(const QJsonObject& options);
Result<ShadowClientOptions> parseClientOptions(const QJsonObject& options);
// Also refuses "allowClientTarget": true (the I/O layer always forwards to -target).
Result<ShadowServerOptions> parseServerOptions(const QJsonObject& options);

} // namespace pt::shadow
