#include "dispatcher/transports/shadow/ShadowSession.h"

namespace pt::shadow {

namespace {
QByteArray randomSalt(const CipherSpec& spec, SessionEnv& env)
{
    QByteArray salt(qsizetype(spec.saltSize), Qt::Uninitialized);
    env.randomBytes(salt.data(), size_t(salt.size()));
    return salt;
}
} // namespace

int probeCloseDelayMs(SessionEnv& env)
{
    return 1000 + int(env.randomUniform(9001));
}

// --- client ---------------------------------------------------------------

ShadowClientSession::ShadowClientSession(const ShadowKeyOptions& key) : m_decoder(key.cipher, key.masterKey)
{
}

std::unique_ptr<ShadowClientSession> ShadowClientSession::create(const ShadowKeyOptions& key,
                                                                 const TargetAddress& target, SessionEnv& env,
                                                                 std::shared_ptr<SaltFilter> filter)
{
    std::unique_ptr<ShadowClientSession> s(new ShadowClientSession(key));
    s->m_header = encodeTargetAddress(target);
    s->m_encoder = StreamEncoder::create(key.cipher, key.masterKey, randomSalt(key.cipher, env));
    if (s->m_header.isEmpty() || !s->m_encoder) return nullptr;
    s->m_filter = std::move(filter);
    // Our own salt too: the server must never be able to echo it back at us.
    if (s->m_filter) s->m_filter->recordSeenBefore(s->m_encoder->salt());
    return s;
}

void ShadowClientSession::send(const QByteArray& data, SessionOutput& out)
{
    if (!m_encoder->encode(data.constData(), size_t(data.size()), out.toWire)) {
        m_failed = true;
        out.fail(QStringLiteral("encryption failed (OpenSSL)"));
    }
}

void ShadowClientSession::start(SessionOutput& out)
{
    if (m_started) return;
    m_started = true;
    // Application bytes that arrived before start() share the header's chunk,
    // as ss-local does; stock servers need the whole header in the first chunk.
    QByteArray first = std::move(m_header);
    first += m_pendingApp;
    m_pendingApp.clear();
    send(first, out);
}

void ShadowClientSession::onApp(const QByteArray& in, SessionOutput& out)
{
    if (m_failed || in.isEmpty()) return;
    if (!m_started) {
        m_pendingApp += in;
        return;
    }
    send(in, out);
}

void ShadowClientSession::fail(const QString& why, SessionOutput& out)
{
    // No close delay on the client: nobody probes it, and the application
    // should learn about a broken server at once.
    m_failed = true;
    // A reply that does not authenticate before any did: not this password (or not
    // a Shadowsocks server at all).
    out.fail(why, 0, m_decoder.messagesOpened() == 0 ? FailureCode::Closed : FailureCode::Error);
}

void ShadowClientSession::onWire(const QByteArray& in, SessionOutput& out)
{
    if (m_failed) return;
    if (m_saltRecorded || !m_filter) {
        if (!m_decoder.feed(in.constData(), size_t(in.size()), out.toApp)) fail(m_decoder.error(), out);
        return;
    }
    // Until the server's salt is checked, hold the plaintext back.
    QByteArray plain;
    const bool ok = m_decoder.feed(in.constData(), size_t(in.size()), plain);
    if (m_decoder.messagesOpened() > 0) {
        m_saltRecorded = true;
        if (m_filter->recordSeenBefore(m_decoder.salt())) {
            fail(QStringLiteral("replayed salt from the server"), out);
            return;
        }
    }
    out.toApp += plain;
    if (!ok) fail(m_decoder.error(), out);
}

// --- server ---------------------------------------------------------------

ShadowServerSession::ShadowServerSession(const ShadowKeyOptions& key, std::shared_ptr<SaltFilter> filter,
                                         SessionEnv& env)
    : m_key(key), m_filter(std::move(filter)), m_env(env), m_decoder(key.cipher, key.masterKey)
{
}

void ShadowServerSession::start(SessionOutput&) {}

void ShadowServerSession::fail(const QString& why, SessionOutput& out)
{
    m_failed = true;
    m_beforeHeader.clear();
    out.fail(why, probeCloseDelayMs(m_env));
}

void ShadowServerSession::onWire(const QByteArray& in, SessionOutput& out)
{
    if (m_failed) return;
    if (m_requested) {
        // Fast path once the header is gone: decrypt straight into the output.
        if (!m_decoder.feed(in.constData(), size_t(in.size()), out.toApp)) fail(m_decoder.error(), out);
        return;
    }

    const bool ok = m_decoder.feed(in.constData(), size_t(in.size()), m_beforeHeader);
    // Record the salt only once a block authenticated: random garbage must not
    // fill the filter, and a replayed stream must not deliver a single byte.
    if (!m_saltRecorded && m_decoder.messagesOpened() > 0) {
        m_saltRecorded = true;
        if (m_filter && m_filter->recordSeenBefore(m_decoder.salt())) {
            fail(QStringLiteral("replayed salt"), out);
            return;
        }
    }
    if (!ok) {
        fail(m_decoder.error(), out);
        return;
    }

    TargetAddress target;
    size_t consumed = 0;
    switch (
        parseTargetAddress(m_beforeHeader.constData(), size_t(m_beforeHeader.size()), &target, &consumed)) {
    case AddressParse::NeedMore:
        return;
    case AddressParse::Malformed:
        fail(QStringLiteral("malformed target address header"), out);
        return;
    case AddressParse::Ok:
        break;
    }
    m_requested = std::move(target);
    out.toApp.append(m_beforeHeader.constData() + consumed, m_beforeHeader.size() - qsizetype(consumed));
    m_beforeHeader = QByteArray();
}

void ShadowServerSession::onApp(const QByteArray& in, SessionOutput& out)
{
    if (m_failed || in.isEmpty()) return;
    if (!m_encoder) {
        m_encoder = StreamEncoder::create(m_key.cipher, m_key.masterKey, randomSalt(m_key.cipher, m_env));
        if (!m_encoder) {
            fail(QStringLiteral("key derivation failed (OpenSSL)"), out);
            return;
        }
        // Our own salts go into the filter too, so a client-bound stream reflected
        // back at us is refused as a replay.
        if (m_filter) m_filter->recordSeenBefore(m_encoder->salt());
    }
    if (!m_encoder->encode(in.constData(), size_t(in.size()), out.toWire))
        fail(QStringLiteral("encryption failed (OpenSSL)"), out);
}

} // namespace pt::shadow
