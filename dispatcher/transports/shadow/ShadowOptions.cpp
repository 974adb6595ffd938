#include "dispatcher/transports/shadow/ShadowOptions.h"

#include <QJsonValue>

namespace pt::shadow {

namespace {
// Options may arrive as JSON strings or, from SOCKS k=v arguments, always as
// strings; numbers are accepted for passwords like 12345 written without quotes.
std::optional<QString> stringOption(const QJsonObject& o, const QString& key)
{
    const QJsonValue v = o.value(key);
    if (v.isString()) return v.toString();
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 17);
    return std::nullopt;
}
} // namespace

Result<ShadowKeyOptions> parseKeyOptions(const QJsonObject& options)
{
    using R = Result<ShadowKeyOptions>;
    const std::optional<QString> password = stringOption(options, QStringLiteral("password"));
    if (!password || password->isEmpty())
        return R::failure(QStringLiteral("option \"password\" is required"));

    std::optional<QString> cipherName;
    for (const char* key : {"cipherName", "cipher", "method"}) {
        cipherName = stringOption(options, QLatin1String(key));
        if (cipherName) break;
    }
    if (!cipherName || cipherName->isEmpty())
        return R::failure(QStringLiteral("option \"cipherName\" is required (one of %1)")
                              .arg(cipherNames().join(QStringLiteral(", "))));
    const std::optional<CipherSpec> spec = findCipher(*cipherName);
    if (!spec)
        return R::failure(QStringLiteral("unknown cipher \"%1\" (use one of %2)")
                              .arg(*cipherName, cipherNames().join(QStringLiteral(", "))));

    ShadowKeyOptions k;
    k.cipher = *spec;
    k.password = password->toUtf8();
    k.masterKey = masterKey(k.cipher, k.password);
    if (k.masterKey.isEmpty()) return R::failure(QStringLiteral("key derivation failed (OpenSSL)"));
    return R::success(std::move(k));
}

Result<ShadowClientOptions> parseClientOptions(const QJsonObject& options)
{
    using R = Result<ShadowClientOptions>;
    Result<ShadowKeyOptions> key = parseKeyOptions(options);
    if (!key.ok()) return R::failure(key.error);
    ShadowClientOptions c;
    c.key = std::move(key.value);
    if (options.contains(QStringLiteral("target"))) {
        const std::optional<QString> text = stringOption(options, QStringLiteral("target"));
        QString error;
        std::optional<TargetAddress> t = text ? parseTargetString(*text, &error) : std::nullopt;
        if (!t)
            return R::failure(
                QStringLiteral("option \"target\": %1")
                    .arg(error.isEmpty() ? QStringLiteral("must be a \"host:port\" string") : error));
        c.target = std::move(t);
    }
    return R::success(std::move(c));
}

Result<ShadowServerOptions> parseServerOptions(const QJsonObject& options)
{
    using R = Result<ShadowServerOptions>;
    Result<ShadowKeyOptions> key = parseKeyOptions(options);
    if (!key.ok()) return R::failure(key.error);
    const QJsonValue allow = options.value(QStringLiteral("allowClientTarget"));
    if (allow.toBool() || allow.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return R::failure(QStringLiteral("\"allowClientTarget\" is not supported; "
                                         "the server always forwards to -target"));
    ShadowServerOptions s;
    s.key = std::move(key.value);
    return R::success(std::move(s));
}

} // namespace pt::shadow
