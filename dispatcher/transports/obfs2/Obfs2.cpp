#include "dispatcher/transports/obfs2/Obfs2.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <QStringBuilder>

#include <memory>

namespace pt::obfs2 {

namespace {

constexpr quint32 kMagic = 0x2bf5ca7e;
constexpr int kSeedLength = 16;
constexpr int kMaxPadding = 8192;
constexpr int kHeaderLength = 8; // magic + padding length

const QByteArray kInitiatorPad = QByteArrayLiteral("Initiator obfuscation padding");
const QByteArray kResponderPad = QByteArrayLiteral("Responder obfuscation padding");
const QByteArray kInitiatorData = QByteArrayLiteral("Initiator obfuscated data");
const QByteArray kResponderData = QByteArrayLiteral("Responder obfuscated data");

// MAC(s, x) = SHA256(s | x | s); key = first 16 bytes, IV = last 16.
QByteArray mac(const QByteArray& s, const QByteArray& x)
{
    const QByteArray in = s + x + s;
    QByteArray out(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<uint8_t*>(out.data()),
                       reinterpret_cast<const uint8_t*>(in.constData()), quint64(in.size()));
    return out;
}

// AES-128-CTR keystream (128-bit big-endian counter, as Go's cipher.NewCTR).
class CtrStream
{
public:
    explicit CtrStream(const QByteArray& keyAndIv) : m_ctx(EVP_CIPHER_CTX_new())
    {
        const auto* p = reinterpret_cast<const uint8_t*>(keyAndIv.constData());
        EVP_EncryptInit_ex(m_ctx, EVP_aes_128_ctr(), nullptr, p, p + 16);
    }
    ~CtrStream() { EVP_CIPHER_CTX_free(m_ctx); }
    CtrStream(const CtrStream&) = delete;
    CtrStream& operator=(const CtrStream&) = delete;

    QByteArray apply(const QByteArray& in)
    {
        QByteArray out(in.size(), '\0');
        int len = 0;
        EVP_EncryptUpdate(m_ctx, reinterpret_cast<uint8_t*>(out.data()), &len,
                          reinterpret_cast<const uint8_t*>(in.constData()), int(in.size()));
        return out;
    }

private:
    EVP_CIPHER_CTX* m_ctx;
};

class Obfs2Session final : public Session
{
public:
    Obfs2Session(bool initiator, SessionEnv& env) : m_initiator(initiator), m_env(env) {}

    void start(SessionOutput& out) override
    {
        // Both ends speak first: seed | E(pad key, magic | padlen | padding).
        m_seed.resize(kSeedLength);
        m_env.randomBytes(m_seed.data(), kSeedLength);
        m_tx = std::make_unique<CtrStream>(mac(m_initiator ? kInitiatorPad : kResponderPad, m_seed));
        const quint32 padLength = m_env.randomUniform(kMaxPadding + 1);
        QByteArray blob(kHeaderLength + int(padLength), '\0');
        auto* b = reinterpret_cast<uint8_t*>(blob.data());
        for (int i = 0; i < 4; ++i) {
            b[i] = uint8_t(kMagic >> (24 - 8 * i));
            b[4 + i] = uint8_t(padLength >> (24 - 8 * i));
        }
        if (padLength > 0) m_env.randomBytes(b + kHeaderLength, padLength);
        out.toWire += m_seed + m_tx->apply(blob);
    }

    void onWire(const QByteArray& in, SessionOutput& out) override
    {
        if (m_failed) return;
        if (m_done) {
            out.toApp += m_rx->apply(in);
            return;
        }
        m_buffer += in;
        if (!m_rx && m_buffer.size() >= kSeedLength) {
            m_peerSeed = m_buffer.left(kSeedLength);
            m_buffer.remove(0, kSeedLength);
            m_rx = std::make_unique<CtrStream>(mac(m_initiator ? kResponderPad : kInitiatorPad, m_peerSeed));
        }
        if (m_rx && m_peerPadLength < 0 && m_buffer.size() >= kHeaderLength) {
            const QByteArray hdr = m_rx->apply(m_buffer.left(kHeaderLength));
            m_buffer.remove(0, kHeaderLength);
            const auto* h = reinterpret_cast<const uint8_t*>(hdr.constData());
            const quint32 magic = (quint32(h[0]) << 24) | (h[1] << 16) | (h[2] << 8) | h[3];
            const quint32 padLength = (quint32(h[4]) << 24) | (h[5] << 16) | (h[6] << 8) | h[7];
            if (magic != kMagic) {
                fail(out, QStringLiteral("obfs2: invalid magic value"));
                return;
            }
            if (padLength > kMaxPadding) {
                fail(out, QStringLiteral("obfs2: padding too long"));
                return;
            }
            m_peerPadLength = int(padLength);
        }
        if (m_peerPadLength >= 0 && m_buffer.size() >= m_peerPadLength) {
            // The padding is skipped undecrypted, as obfs4proxy does.
            m_buffer.remove(0, m_peerPadLength);
            deriveDataKeys();
            m_done = true;
            if (!m_buffer.isEmpty()) out.toApp += m_rx->apply(m_buffer);
            m_buffer.clear();
            if (!m_pending.isEmpty()) {
                out.toWire += m_tx->apply(m_pending);
                m_pending.clear();
            }
        }
    }

    void onApp(const QByteArray& in, SessionOutput& out) override
    {
        if (m_failed) return;
        if (!m_done) {
            m_pending += in;
            return;
        }
        out.toWire += m_tx->apply(in);
    }

    bool handshakeDone() const override { return m_done; }
    qint64 pendingAppBytes() const override { return m_pending.size(); }

private:
    void fail(SessionOutput& out, const QString& why)
    {
        m_failed = true;
        out.fail(why);
    }

    void deriveDataKeys()
    {
        const QByteArray comb = m_initiator ? m_seed + m_peerSeed : m_peerSeed + m_seed;
        auto init = std::make_unique<CtrStream>(mac(kInitiatorData, comb));
        auto resp = std::make_unique<CtrStream>(mac(kResponderData, comb));
        m_tx = m_initiator ? std::move(init) : std::move(resp);
        m_rx = m_initiator ? std::move(resp) : std::move(init);
    }

    bool m_initiator;
    SessionEnv& m_env;
    QByteArray m_seed, m_peerSeed, m_buffer, m_pending;
    std::unique_ptr<CtrStream> m_tx, m_rx;
    int m_peerPadLength = -1;
    bool m_done = false;
    bool m_failed = false;
};

class Obfs2Client final : public ClientTransport
{
public:
    Result<std::unique_ptr<Session>> newSession(const ClientSessionParams& params,
                                                SessionEnv& env) const override
    {
        if (params.args.contains(QStringLiteral("shared-secret")))
            return Result<std::unique_ptr<Session>>::failure(
                QStringLiteral("obfs2: unsupported argument 'shared-secret'"));
        return Result<std::unique_ptr<Session>>::success(obfs2::newSession(true, env));
    }
};

class Obfs2Server final : public ServerTransport
{
public:
    std::unique_ptr<Session> newSession(SessionEnv& env) const override
    {
        return obfs2::newSession(false, env);
    }
};

} // namespace

std::unique_ptr<Session> newSession(bool initiator, SessionEnv& env)
{
    return std::make_unique<Obfs2Session>(initiator, env);
}

TransportFactory factory()
{
    TransportFactory f;
    f.name = QStringLiteral("obfs2");
    f.makeClient = [](const QJsonObject& options) -> Result<std::shared_ptr<const ClientTransport>> {
        if (options.contains(QStringLiteral("shared-secret")))
            return Result<std::shared_ptr<const ClientTransport>>::failure(QStringLiteral(
                "obfs2: unsupported argument 'shared-secret' (obfs4proxy does not implement it)"));
        return Result<std::shared_ptr<const ClientTransport>>::success(std::make_shared<Obfs2Client>());
    };
    f.makeServer = [](const QJsonObject& options,
                      const ServerTransportContext&) -> Result<std::shared_ptr<const ServerTransport>> {
        if (options.contains(QStringLiteral("shared-secret")))
            return Result<std::shared_ptr<const ServerTransport>>::failure(QStringLiteral(
                "obfs2: unsupported argument 'shared-secret' (obfs4proxy does not implement it)"));
        return Result<std::shared_ptr<const ServerTransport>>::success(std::make_shared<Obfs2Server>());
    };
    f.description.name = f.name;
    f.description.help =
        QStringLiteral("obfs2 as obfs4proxy implements it, without a shared secret. Trivially "
                       "detected by a passive observer: for compatibility only.");
    f.description.client = {true, {serverAddressOption()}};
    f.description.server = {true, {}};
    return f;
}

} // namespace pt::obfs2
