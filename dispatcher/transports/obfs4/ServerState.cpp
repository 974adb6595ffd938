#include "dispatcher/transports/obfs4/ServerState.h"

#include "dispatcher/transports/obfs4/Framing.h"
#include "dispatcher/transports/obfs4/ProbDist.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <sodium.h>

namespace pt::obfs4 {

namespace {
const QString kStateFile = QStringLiteral("obfs4_state.json");
const QString kBridgeFile = QStringLiteral("obfs4_bridgeline.txt");

template <size_t N> bool fromHex(const QString& text, std::array<uint8_t, N>& out, bool allowLonger = false)
{
    const QByteArray ascii = text.toLatin1();
    for (char c : ascii) {
        if (!isxdigit(static_cast<unsigned char>(c))) return false;
    }
    if (ascii.size() % 2 != 0) return false;
    const QByteArray raw = QByteArray::fromHex(ascii);
    if (raw.size() != qsizetype(N) && !(allowLonger && raw.size() > qsizetype(N))) return false;
    std::copy(raw.constBegin(), raw.constBegin() + N, out.begin());
    return true;
}

template <size_t N> QString toHex(const std::array<uint8_t, N>& a)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(a.data()), qsizetype(N)).toHex());
}

bool writePrivateFile(const QString& path, const QByteArray& content, QString& error)
{
    QFile f(path);
    if (f.exists()) f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    // Created 0600 from the start (Qt >= 6.3), never briefly world-readable.
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate, QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(content) != content.size() || !f.flush()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QByteArray stateJson(const ServerIdentity& id)
{
    // Field order and compact form as Go's encoding/json writes obfs4proxy's struct.
    return QStringLiteral(
               "{\"node-id\":\"%1\",\"private-key\":\"%2\",\"public-key\":\"%3\",\"drbg-seed\":\"%4\","
               "\"iat-mode\":%5}")
        .arg(toHex(id.nodeId), toHex(id.privateKey), toHex(id.publicKey), toHex(id.drbgSeed))
        .arg(id.iatMode)
        .toUtf8();
}

QByteArray bridgeLine(const ServerIdentity& id)
{
    return QByteArrayLiteral("# obfs4 torrc client bridge line\n"
                             "#\n"
                             "# This file is an automatically generated bridge line based on\n"
                             "# the current obfs4proxy configuration.  EDITING IT WILL HAVE\n"
                             "# NO EFFECT.\n"
                             "#\n"
                             "# Before distributing this Bridge, edit the placeholder fields\n"
                             "# to contain the actual values:\n"
                             "#  <IP ADDRESS>  - The public IP address of your obfs4 bridge.\n"
                             "#  <PORT>        - The TCP/IP port of your obfs4 bridge.\n"
                             "#  <FINGERPRINT> - The bridge's fingerprint.\n\n") +
           QStringLiteral("Bridge obfs4 <IP ADDRESS>:<PORT> <FINGERPRINT> cert=%1 iat-mode=%2\n")
               .arg(certString(id.nodeId, id.publicKey))
               .arg(id.iatMode)
               .toUtf8();
}

Key32 publicFromPrivate(const Key32& priv)
{
    Key32 pub{};
    crypto_scalarmult_base(pub.data(), priv.data());
    return pub;
}

ServerIdentity freshIdentity()
{
    ServerIdentity id;
    randombytes_buf(id.nodeId.data(), id.nodeId.size());
    // Like obfs4proxy's NewKeypair(false): SHA-512 of 32 random bytes, first half.
    uint8_t seed[32], digest[crypto_hash_sha512_BYTES];
    randombytes_buf(seed, sizeof seed);
    crypto_hash_sha512(digest, seed, sizeof seed);
    std::copy(digest, digest + 32, id.privateKey.begin());
    sodium_memzero(digest, sizeof digest);
    id.publicKey = publicFromPrivate(id.privateKey);
    // obfs4proxy (0.0.14) panics in iat-mode 2 when it draws a length of 0 ("BUG:
    // Write(), iat length was 0"), and its clients draw from OUR seed's table: never
    // hand out a seed whose length table contains 0 (about 3.5% of seeds).
    do {
        randombytes_buf(id.drbgSeed.data(), id.drbgSeed.size());
    } while (lengthTableHasZero(id.drbgSeed));
    return id;
}

// Parses node-id, private-key and drbg-seed from text values.
bool parseKeys(const QString& nodeId, const QString& privateKey, const QString& drbgSeed, ServerIdentity& id,
               QString& error)
{
    if (!fromHex(nodeId, id.nodeId)) {
        error = QStringLiteral("malformed node-id (want 40 hex digits)");
        return false;
    }
    if (!fromHex(privateKey, id.privateKey)) {
        error = QStringLiteral("malformed private-key (want 64 hex digits)");
        return false;
    }
    if (!fromHex(drbgSeed, id.drbgSeed, true)) {
        error = QStringLiteral("malformed drbg-seed (want at least 48 hex digits)");
        return false;
    }
    id.publicKey = publicFromPrivate(id.privateKey);
    return true;
}
} // namespace

bool lengthTableHasZero(const crypto::HashDrbg::Seed& seed)
{
    const WeightedDist dist(seed, 0, kMaximumSegmentLength);
    return std::find(dist.values().begin(), dist.values().end(), 0) != dist.values().end();
}

QString certString(const NodeId& nodeId, const Key32& publicKey)
{
    QByteArray raw(reinterpret_cast<const char*>(nodeId.data()), qsizetype(nodeId.size()));
    raw += QByteArray(reinterpret_cast<const char*>(publicKey.data()), qsizetype(publicKey.size()));
    QByteArray b64 = raw.toBase64();
    if (b64.endsWith("==")) b64.chop(2);
    return QString::fromLatin1(b64);
}

bool parseCert(const QString& cert, NodeId& nodeId, Key32& publicKey, QString& error)
{
    const auto decoded = QByteArray::fromBase64Encoding(cert.trimmed().toLatin1() + "==",
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != qsizetype(nodeId.size()) + qsizetype(publicKey.size())) {
        error = QStringLiteral("malformed obfs4 cert (want 70 base64 characters)");
        return false;
    }
    const auto* p = reinterpret_cast<const uint8_t*>(decoded.decoded.constData());
    std::copy(p, p + nodeId.size(), nodeId.begin());
    std::copy(p + nodeId.size(), p + nodeId.size() + publicKey.size(), publicKey.begin());
    return true;
}

std::optional<QString> optionText(const QJsonObject& options, const QString& key)
{
    const auto it = options.constFind(key);
    if (it == options.constEnd() || it->isNull() || it->isUndefined()) return std::nullopt;
    if (it->isString()) return it->toString();
    if (it->isDouble()) return QString::number(qlonglong(it->toDouble()));
    if (it->isBool()) return it->toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return QString(); // objects/arrays: present but unusable
}

QStringList iatModeChoices()
{
    QStringList choices;
    for (int mode = 0; mode <= kMaxIatMode; ++mode)
        choices << QString::number(mode);
    return choices;
}

std::optional<int> parseIatMode(const QString& text)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok || v < 0 || v > kMaxIatMode) return std::nullopt;
    return v;
}

Result<ServerIdentity> loadServerIdentity(const QJsonObject& options, const QString& stateDir)
{
    using R = Result<ServerIdentity>;
    const auto nodeId = optionText(options, QStringLiteral("node-id"));
    const auto privateKey = optionText(options, QStringLiteral("private-key"));
    const auto drbgSeed = optionText(options, QStringLiteral("drbg-seed"));
    const auto iat = optionText(options, QStringLiteral("iat-mode"));

    std::optional<int> iatMode;
    if (iat) {
        iatMode = parseIatMode(*iat);
        if (!iatMode)
            return R::failure(QStringLiteral("obfs4: malformed iat-mode '%1' (want 0, 1 or 2)").arg(*iat));
    }

    ServerIdentity id;
    QString error;
    const int keyCount = int(bool(nodeId)) + int(bool(privateKey)) + int(bool(drbgSeed));
    if (keyCount == 3) {
        if (!parseKeys(*nodeId, *privateKey, *drbgSeed, id, error))
            return R::failure(QStringLiteral("obfs4: ") + error);
    } else if (keyCount > 0) {
        QStringList missing;
        if (!nodeId) missing << QStringLiteral("node-id");
        if (!privateKey) missing << QStringLiteral("private-key");
        if (!drbgSeed) missing << QStringLiteral("drbg-seed");
        return R::failure(
            QStringLiteral("obfs4: missing server option %1 (node-id, private-key and drbg-seed "
                           "go together)")
                .arg(missing.join(QStringLiteral(", "))));
    } else if (!stateDir.isEmpty() && QFile::exists(QDir(stateDir).filePath(kStateFile))) {
        const QString path = QDir(stateDir).filePath(kStateFile);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return R::failure(QStringLiteral("obfs4: cannot read %1: %2").arg(path, f.errorString()));
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
        if (!doc.isObject())
            return R::failure(
                QStringLiteral("obfs4: failed to load statefile '%1': %2").arg(path, perr.errorString()));
        const QJsonObject st = doc.object();
        if (!parseKeys(optionText(st, QStringLiteral("node-id")).value_or(QString()),
                       optionText(st, QStringLiteral("private-key")).value_or(QString()),
                       optionText(st, QStringLiteral("drbg-seed")).value_or(QString()), id, error))
            return R::failure(QStringLiteral("obfs4: statefile '%1': %2").arg(path, error));
        const auto fileIat =
            parseIatMode(optionText(st, QStringLiteral("iat-mode")).value_or(QStringLiteral("0")));
        if (!fileIat) return R::failure(QStringLiteral("obfs4: statefile '%1': invalid iat-mode").arg(path));
        id.iatMode = *fileIat;
    } else {
        id = freshIdentity();
    }
    if (iatMode) id.iatMode = *iatMode;

    if (!stateDir.isEmpty()) {
        if (!writePrivateFile(QDir(stateDir).filePath(kStateFile), stateJson(id), error) ||
            !writePrivateFile(QDir(stateDir).filePath(kBridgeFile), bridgeLine(id), error))
            return R::failure(QStringLiteral("obfs4: ") + error);
    }
    return R::success(id);
}

} // namespace pt::obfs4
