#pragma once

// Shadowsocks AEAD sessions (sans-IO). The client sends its salt and the target
// address header at start(); the server reads the salt, checks it against the
// replay filter once the first block authenticates, strips the header and only
// then reports handshakeDone().

#include "dispatcher/transports/Transport.h"
#include "dispatcher/transports/shadow/SaltFilter.h"
#include "dispatcher/transports/shadow/ShadowAddress.h"
#include "dispatcher/transports/shadow/ShadowOptions.h"
#include "dispatcher/transports/shadow/ShadowStream.h"

#include <memory>
#include <optional>

namespace pt::shadow {

// A random delay before closing on bad input, 1..10 s, so a prober learns
// nothing from timing (ss-libev stalls such connections too).
int probeCloseDelayMs(SessionEnv& env);

class ShadowClientSession final : public Session
{
public:
    // nullptr if the key schedule fails (OpenSSL error). filter (may be null) is
    // the client transport's record of salts: a server stream replayed into
    // another connection (old replies injected as new ones) is refused.
    static std::unique_ptr<ShadowClientSession> create(const ShadowKeyOptions& key,
                                                       const TargetAddress& target, SessionEnv& env,
                                                       std::shared_ptr<SaltFilter> filter = nullptr);

    void start(SessionOutput& out) override;
    void onWire(const QByteArray& in, SessionOutput& out) override;
    void onApp(const QByteArray& in, SessionOutput& out) override;
    bool handshakeDone() const override { return m_started; }
    // The server's first reply chunk authenticated (it knows the password).
    bool peerVerified() const override { return m_decoder.messagesOpened() > 0 && !m_failed; }
    qint64 pendingAppBytes() const override { return m_pendingApp.size(); }

private:
    explicit ShadowClientSession(const ShadowKeyOptions& key);
    void send(const QByteArray& data, SessionOutput& out);

    void fail(const QString& why, SessionOutput& out);

    std::shared_ptr<SaltFilter> m_filter;
    std::unique_ptr<StreamEncoder> m_encoder;
    StreamDecoder m_decoder;
    QByteArray m_header;
    QByteArray m_pendingApp; // onApp() before start()
    bool m_started = false;
    bool m_saltRecorded = false;
    bool m_failed = false;
};

class ShadowServerSession final : public Session
{
public:
    ShadowServerSession(const ShadowKeyOptions& key, std::shared_ptr<SaltFilter> filter, SessionEnv& env);

    void start(SessionOutput& out) override;
    void onWire(const QByteArray& in, SessionOutput& out) override;
    void onApp(const QByteArray& in, SessionOutput& out) override;
    bool handshakeDone() const override { return m_requested.has_value(); }

    // The target the client asked for in its header (set once handshakeDone()).
    // The server forwards to -target regardless; this is for logging.
    const std::optional<TargetAddress>& requestedTarget() const { return m_requested; }

private:
    void fail(const QString& why, SessionOutput& out);

    ShadowKeyOptions m_key; // implicitly shared byte arrays: a cheap copy
    std::shared_ptr<SaltFilter> m_filter;
    SessionEnv& m_env;
    StreamDecoder m_decoder;
    std::unique_ptr<StreamEncoder> m_encoder; // created on the first reply bytes
    QByteArray m_beforeHeader;                // plaintext until the header is complete
    std::optional<TargetAddress> m_requested;
    bool m_saltRecorded = false;
    bool m_failed = false;
};

} // namespace pt::shadow
