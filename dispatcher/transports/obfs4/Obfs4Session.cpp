#include "dispatcher/transports/obfs4/Obfs4Session.h"

#include "dispatcher/crypto/Elligator2.h"
#include "dispatcher/transports/obfs4/Framing.h"
#include "dispatcher/transports/obfs4/Handshake.h"
#include "dispatcher/transports/obfs4/ProbDist.h"
#include "dispatcher/transports/obfs4/ReplayFilter.h"

#include <sodium.h>

#include <deque>
#include <optional>

namespace pt::obfs4 {

namespace {

constexpr int kHeaderLength = kFrameOverhead + kPacketOverhead; // 21
constexpr int kMaxIatDelay = 100;                               // units of 100 µs
// In iat modes obfs4proxy frames what one read of its copy loop returned (Go's
// io.Copy buffer: 32 KiB), pads that burst once, and blocks while it paces the burst
// out; what arrives meanwhile waits in the socket and becomes the next burst. Framing
// each arrival as it comes instead pads every small read: 1.9 wire bytes per payload
// byte where obfs4proxy puts 1.04, a shape a censor could tell apart. So do as it does:
// app bytes wait in m_iatBacklog while a burst is on its way, and leave 32 KiB at most
// at a time.
constexpr qsizetype kIatBurstBytes = 32 * 1024;

crypto::HashDrbg::Seed iatSeedFrom(const crypto::HashDrbg::Seed& seed)
{
    uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, seed.data(), seed.size());
    crypto::HashDrbg::Seed out{};
    std::copy(digest, digest + out.size(), out.begin());
    return out;
}

// A distribution built on first use: a client's first table (from a random seed) is
// normally replaced by the server's seed before any frame needs a length.
class LazyDist
{
public:
    LazyDist(const crypto::HashDrbg::Seed& seed, int minValue, int maxValue)
        : m_seed(seed), m_min(minValue), m_max(maxValue)
    {
    }
    void reset(const crypto::HashDrbg::Seed& seed)
    {
        m_seed = seed;
        m_dist.reset();
    }
    const WeightedDist& get()
    {
        if (!m_dist) m_dist.emplace(m_seed, m_min, m_max);
        return *m_dist;
    }

private:
    crypto::HashDrbg::Seed m_seed;
    int m_min, m_max;
    std::optional<WeightedDist> m_dist;
};

class Obfs4Session final : public Session
{
public:
    Obfs4Session(SessionEnv& env, int iatMode, const crypto::HashDrbg::Seed& lenSeed, int handshakeTimeoutMs)
        : m_env(env), m_iatMode(iatMode), m_lenDist(lenSeed, 0, kMaximumSegmentLength),
          m_handshakeTimeoutMs(handshakeTimeoutMs)
    {
        if (iatMode != IatNone) m_iatDist.emplace(iatSeedFrom(lenSeed), 0, kMaxIatDelay);
        m_startMs = env.nowMs();
    }

    void initClient(const ClientConfig& config)
    {
        const auto keypair = crypto::elligator2::generateKeypair(
            [this](void* out, size_t len) { m_env.randomBytes(out, len); });
        m_clientHs.emplace(config.nodeId, config.identityPublic, keypair);
    }

    void initServer(std::shared_ptr<const ServerConfig> config)
    {
        m_server = std::move(config);
        const auto keypair = crypto::elligator2::generateKeypair(
            [this](void* out, size_t len) { m_env.randomBytes(out, len); });
        m_serverHs.emplace(m_server->nodeId, m_server->identityPrivate, m_server->identityPublic, keypair);
    }

    void start(SessionOutput& out) override
    {
        m_startMs = m_env.nowMs();
        if (!m_clientHs) return;
        const int padLength = int(randomRange(kClientMinPadLength, kClientMaxPadLength));
        out.toWire += m_clientHs->generate(randomBytes(padLength), m_env.unixTime() / 3600);
    }

    void onWire(const QByteArray& in, SessionOutput& out) override
    {
        if (m_failed) return;
        if (!m_done) {
            m_handshakeBuffer += in;
            if (m_clientHs)
                clientHandshakeStep(out);
            else
                serverHandshakeStep(out);
            return;
        }
        m_rx += in;
        decodeFrames(out);
    }

    void onApp(const QByteArray& in, SessionOutput& out) override
    {
        if (m_failed || in.isEmpty()) return;
        if (!m_done) {
            m_pendingApp += in;
            return;
        }
        send(in, out);
    }

    bool handshakeDone() const override { return m_done; }

    qint64 pendingAppBytes() const override
    {
        return m_pendingApp.size() + m_iatBacklog.size() + m_iatQueuedBytes;
    }

    std::optional<int64_t> nextWakeupMs() const override
    {
        if (m_failed) return std::nullopt;
        if (!m_done) return m_startMs + m_handshakeTimeoutMs;
        if (!m_iatQueue.empty() || !m_iatBacklog.isEmpty()) return (m_iatNextUs + 999) / 1000;
        return std::nullopt;
    }

    void onTimer(SessionOutput& out) override
    {
        if (m_failed) return;
        if (!m_done) {
            if (m_env.nowMs() >= m_startMs + m_handshakeTimeoutMs)
                fail(out, QStringLiteral("obfs4: handshake timed out"), true);
            return;
        }
        pumpIat(out);
    }

    void onAppEof(SessionOutput& out) override
    {
        // Flush delayed sends now: the Relay is about to half-close.
        while (!m_iatBacklog.isEmpty() && !m_failed)
            write(takeIatBurst(), out);
        while (!m_iatQueue.empty()) {
            out.toWire += m_iatQueue.front().bytes;
            m_iatQueuedBytes -= m_iatQueue.front().bytes.size();
            m_iatQueue.pop_front();
        }
    }

private:
    struct IatChunk
    {
        QByteArray bytes;
        int delayUs;
    };

    uint32_t randomRange(int lo, int hi) { return uint32_t(lo) + m_env.randomUniform(uint32_t(hi - lo + 1)); }

    QByteArray randomBytes(int n)
    {
        QByteArray b(n, '\0');
        if (n > 0) m_env.randomBytes(b.data(), size_t(n));
        return b;
    }

    double randomUnit()
    {
        uint64_t v = 0;
        m_env.randomBytes(&v, sizeof v);
        return double(v >> 11) * (1.0 / 9007199254740992.0); // [0, 1) with 53 bits
    }

    int sample(LazyDist& dist)
    {
        return dist.get().sample([this](uint32_t n) { return m_env.randomUniform(n); },
                                 [this] { return randomUnit(); });
    }

    void fail(SessionOutput& out, const QString& why, bool timedOut = false)
    {
        m_failed = true;
        int delayMs = 0;
        if (m_server && !m_done) {
            const int64_t deadline =
                m_startMs + m_server->handshakeTimeoutMs + int64_t(m_server->closeDelaySeconds) * 1000;
            delayMs = int(qMax<int64_t>(0, deadline - m_env.nowMs()));
        }
        // A client whose server handshake does not verify: not this bridge's key (or
        // not obfs4), reported as the bridge refusing the handshake.
        out.fail(why, delayMs,
                 timedOut               ? FailureCode::Timeout
                 : !m_server && !m_done ? FailureCode::Closed
                                        : FailureCode::Error);
    }

    bool installKeys(const Key32& keySeed, bool isClient)
    {
        const QByteArray okm = ntorKdf(keySeed, 2 * kDirectionKeyLength);
        if (okm.size() != 2 * kDirectionKeyLength)
            return false; // OpenSSL without HKDF: nothing sensible to do but fail
        const auto* k = reinterpret_cast<const uint8_t*>(okm.constData());
        const uint8_t* c2s = k;
        const uint8_t* s2c = k + kDirectionKeyLength;
        auto randomLength = [this](int lo, int hi) { return int(randomRange(lo, hi)); };
        m_encoder = std::make_unique<FrameEncoder>(isClient ? c2s : s2c);
        m_decoder = std::make_unique<FrameDecoder>(isClient ? s2c : c2s, randomLength);
        return true;
    }

    // The end both handshakes share: keys from the seed (then wiped), or the failure.
    // True once the session is keyed; false while more bytes are needed or on failure.
    bool completeHandshake(HandshakeStatus st, const QString& error, Key32& keySeed, bool isClient,
                           SessionOutput& out)
    {
        if (st == HandshakeStatus::NeedMore) return false;
        if (st == HandshakeStatus::Failed) {
            fail(out, error);
            return false;
        }
        const bool keyed = installKeys(keySeed, isClient);
        sodium_memzero(keySeed.data(), keySeed.size());
        if (!keyed) {
            fail(out, QStringLiteral("obfs4: key derivation failed"));
            return false;
        }
        m_done = true;
        return true;
    }

    void clientHandshakeStep(SessionOutput& out)
    {
        int consumed = 0;
        Key32 keySeed{};
        QString error;
        const HandshakeStatus st = m_clientHs->parseServer(m_handshakeBuffer, consumed, keySeed, error);
        if (!completeHandshake(st, error, keySeed, true, out)) return;
        m_rx = m_handshakeBuffer.mid(consumed);
        m_handshakeBuffer.clear();
        decodeFrames(out);
        flushPending(out);
    }

    void serverHandshakeStep(SessionOutput& out)
    {
        Key32 keySeed{};
        QString error;
        const HandshakeStatus st = m_serverHs->parseClient(m_handshakeBuffer, m_env.unixTime(),
                                                           *m_server->replayFilter, keySeed, error);
        if (!completeHandshake(st, error, keySeed, false, out)) return;
        m_handshakeBuffer.clear();
        const int padLength = int(randomRange(kServerMinPadLength, kServerMaxPadLength));
        out.toWire += m_serverHs->generate(randomBytes(padLength));
        const QByteArray seed(reinterpret_cast<const char*>(m_server->drbgSeed.data()),
                              qsizetype(m_server->drbgSeed.size()));
        m_encoder->encodePacket(kPacketTypePrngSeed, seed, 0, out.toWire);
        flushPending(out);
    }

    void flushPending(SessionOutput& out)
    {
        if (m_pendingApp.isEmpty() || m_failed) return;
        const QByteArray data = m_pendingApp;
        m_pendingApp.clear();
        send(data, out);
    }

    // Application bytes after the handshake: framed at once without iat, else queued
    // behind the burst being paced out (kIatBurstBytes).
    void send(const QByteArray& data, SessionOutput& out)
    {
        if (m_iatMode == IatNone) {
            write(data, out);
            return;
        }
        m_iatBacklog += data;
        pumpIat(out);
    }

    QByteArray takeIatBurst()
    {
        QByteArray burst = m_iatBacklog.left(kIatBurstBytes);
        m_iatBacklog.remove(0, burst.size());
        return burst;
    }

    void decodeFrames(SessionOutput& out)
    {
        qsizetype pos = 0;
        QByteArray payload;
        QString error;
        while (!m_failed) {
            const auto status = m_decoder->decode(m_rx, pos, payload, error);
            if (status == FrameDecoder::Status::NeedMore) break;
            if (status == FrameDecoder::Status::Error) {
                fail(out, error);
                break;
            }
            Packet pkt;
            if (!parsePacket(payload, pkt)) {
                fail(out, QStringLiteral("obfs4: malformed packet"));
                break;
            }
            if (pkt.type == kPacketTypePayload) {
                out.toApp += pkt.payload;
            } else if (pkt.type == kPacketTypePrngSeed && !m_server &&
                       pkt.payload.size() == kSeedPacketPayloadLength) {
                crypto::HashDrbg::Seed seed{};
                std::copy(pkt.payload.constBegin(), pkt.payload.constEnd(), seed.begin());
                m_lenDist.reset(seed);
                if (m_iatDist) m_iatDist->reset(iatSeedFrom(seed));
            }
            // Other packet types are ignored, as obfs4proxy does.
        }
        if (m_failed)
            m_rx.clear();
        else
            m_rx.remove(0, pos);
    }

    // Appends padding so that the burst ends toPadTo bytes into a segment.
    void padBurst(QByteArray& burst, int toPadTo)
    {
        const int tailLength = int(burst.size() % kMaximumSegmentLength);
        const int padLength =
            toPadTo >= tailLength ? toPadTo - tailLength : (kMaximumSegmentLength - tailLength) + toPadTo;
        if (padLength > kHeaderLength) {
            m_encoder->encodePacket(kPacketTypePayload, {}, padLength - kHeaderLength, burst);
        } else if (padLength > 0) {
            m_encoder->encodePacket(kPacketTypePayload, {}, kMaxPacketPayloadLength, burst);
            m_encoder->encodePacket(kPacketTypePayload, {}, padLength, burst);
        }
    }

    void write(const QByteArray& data, SessionOutput& out)
    {
        QByteArray frames;
        frames.reserve(data.size() + data.size() / kMaxPacketPayloadLength * kHeaderLength +
                       2 * kMaximumSegmentLength);
        for (qsizetype off = 0; off < data.size(); off += kMaxPacketPayloadLength) {
            if (!m_encoder->encodePacket(kPacketTypePayload, data.mid(off, kMaxPacketPayloadLength), 0,
                                         frames)) {
                fail(out, QStringLiteral("obfs4: frame nonce counter wrapped"));
                return;
            }
        }
        if (m_iatMode != IatParanoid) padBurst(frames, sample(m_lenDist));

        if (m_iatMode == IatNone) {
            out.toWire += frames;
            return;
        }
        const int64_t nowUs = m_env.nowMs() * 1000;
        if (m_iatQueue.empty() && m_iatNextUs < nowUs) m_iatNextUs = nowUs;
        qsizetype off = 0;
        while (off < frames.size()) {
            int chunk = kMaximumSegmentLength;
            if (m_iatMode == IatParanoid) {
                int target = sample(m_lenDist);
                for (int tries = 0; target == 0 && tries < 8; ++tries)
                    target = sample(m_lenDist);
                if (target == 0) target = kMaximumSegmentLength; // a degenerate table: never loop forever
                if (frames.size() - off < target) {
                    QByteArray rest = frames.mid(off);
                    padBurst(rest, target);
                    frames = frames.left(off) + rest;
                    if (frames.size() - off != target) continue;
                }
                chunk = target;
            }
            const QByteArray piece = frames.mid(off, chunk);
            off += piece.size();
            m_iatQueue.push_back({piece, sample(*m_iatDist) * 100});
            m_iatQueuedBytes += piece.size();
        }
    }

    // Sends the queued segments whose time has come; when the burst is all sent and its
    // last delay is over, frames the next one from the backlog.
    void pumpIat(SessionOutput& out)
    {
        const int64_t nowUs = m_env.nowMs() * 1000;
        while (!m_failed && m_iatNextUs <= nowUs) {
            if (m_iatQueue.empty()) {
                if (m_iatBacklog.isEmpty()) return;
                write(takeIatBurst(), out);
                continue;
            }
            IatChunk& c = m_iatQueue.front();
            out.toWire += c.bytes;
            m_iatQueuedBytes -= c.bytes.size();
            // A late timer must not turn into a burst: catch up at most 1 ms.
            m_iatNextUs = qMax(m_iatNextUs, nowUs - 1000) + c.delayUs;
            m_iatQueue.pop_front();
        }
    }

    SessionEnv& m_env;
    int m_iatMode;
    LazyDist m_lenDist;
    std::optional<LazyDist> m_iatDist;
    int m_handshakeTimeoutMs;
    int64_t m_startMs = 0;

    std::optional<ClientHandshake> m_clientHs;
    std::optional<ServerHandshake> m_serverHs;
    std::shared_ptr<const ServerConfig> m_server;

    bool m_done = false;
    bool m_failed = false;
    QByteArray m_handshakeBuffer;
    QByteArray m_pendingApp;
    QByteArray m_iatBacklog; // iat modes: app bytes waiting for the burst ahead to go out
    QByteArray m_rx;
    std::unique_ptr<FrameEncoder> m_encoder;
    std::unique_ptr<FrameDecoder> m_decoder;

    std::deque<IatChunk> m_iatQueue;
    qint64 m_iatQueuedBytes = 0;
    int64_t m_iatNextUs = 0;
};

} // namespace

std::unique_ptr<Session> newClientSession(const ClientConfig& config, SessionEnv& env)
{
    crypto::HashDrbg::Seed seed{};
    env.randomBytes(seed.data(), seed.size());
    auto s = std::make_unique<Obfs4Session>(env, config.iatMode, seed, config.handshakeTimeoutMs);
    s->initClient(config);
    return s;
}

std::unique_ptr<Session> newServerSession(std::shared_ptr<const ServerConfig> config, SessionEnv& env)
{
    auto s =
        std::make_unique<Obfs4Session>(env, config->iatMode, config->drbgSeed, config->handshakeTimeoutMs);
    s->initServer(std::move(config));
    return s;
}

} // namespace pt::obfs4
