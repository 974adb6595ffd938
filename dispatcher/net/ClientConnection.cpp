#include "dispatcher/net/ClientConnection.h"

#include "dispatcher/base/Log.h"

#include <QJsonValue>

namespace pt::net {

ClientConnection::ClientConnection(std::shared_ptr<const ClientContext> ctx, std::function<void()> onDone,
                                   QObject* parent)
    : AcceptedConnection(ctx->counters, std::move(onDone), parent), m_ctx(std::move(ctx))
{
}

ClientConnection::~ClientConnection() = default;

void ClientConnection::start(qintptr fd)
{
    m_app = adoptAccepted(fd, this);
    if (!m_app) {
        finish(QStringLiteral("bad descriptor"));
        return;
    }
    connect(m_app, &StreamSocket::failed, this,
            [this](const NetError&) { finish(QStringLiteral("application closed")); });

    if (m_ctx->mode == ProxyMode::TransparentTcp) {
        m_app->setReadEnabled(false); // read only once the transport is up
        connect(&m_timer, &QTimer::timeout, this, [this] {
            recordHandshakeFailure(FailureCode::Timeout,
                                   QStringLiteral("no connection to the bridge or no handshake in time"));
            finish(QStringLiteral("transport connection timed out"));
        });
        m_timer.start(m_ctx->connectTimeoutMs);
        ClientSessionParams params;
        params.args = m_ctx->options;
        auto made = m_ctx->transport->newSession(params, SessionEnv::system());
        if (!made.ok()) {
            finish(made.error);
            return;
        }
        m_session = std::move(made.value);
        dialServer(
            m_ctx->transport->dialTarget(params.args).value_or(m_ctx->serverAddress.value_or(HostPort{})));
        return;
    }

    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_socks.state() == socks5::ServerHandshake::State::RequestReady) {
            recordHandshakeFailure(FailureCode::Timeout,
                                   QStringLiteral("no connection to the bridge or no handshake in time"));
            replyAndClose(0x06, QStringLiteral("connecting to the PT server timed out"));
            return;
        }
        const QByteArray reply = m_socks.onTimeout();
        if (!reply.isEmpty()) m_app->write(reply);
        finish(QStringLiteral("SOCKS handshake timed out"));
    });
    m_timer.start(m_ctx->handshakeTimeoutMs);
    connect(m_app, &StreamSocket::readyRead, this, &ClientConnection::onAppReadable);
}

void ClientConnection::onAppReadable()
{
    const QByteArray data = m_app->read(4096);
    if (data.isEmpty()) {
        if (m_app->atEof()) finish(QStringLiteral("application closed during the SOCKS handshake"));
        return;
    }
    const QByteArray out = m_socks.onBytes(data);
    if (!out.isEmpty()) m_app->write(out);
    switch (m_socks.state()) {
    case socks5::ServerHandshake::State::Failed:
        m_app->shutdownWrite();
        finish(QStringLiteral("SOCKS: ") + m_socks.error());
        break;
    case socks5::ServerHandshake::State::RequestReady:
        m_app->setReadEnabled(false);
        disconnect(m_app, &StreamSocket::readyRead, this, &ClientConnection::onAppReadable);
        onRequestReady();
        break;
    default:
        break;
    }
}

void ClientConnection::onRequestReady()
{
    if (const quint8 err = m_socks.pendingSettingsError()) {
        replyAndClose(err, QStringLiteral("unusable per-connection settings"));
        return;
    }
    // Options for this connection: -options, overridden key by key by the
    // per-connection arguments.
    ClientSessionParams params;
    params.args = m_ctx->options;
    const QJsonObject perConnection = m_socks.arguments();
    for (auto it = perConnection.begin(); it != perConnection.end(); ++it)
        params.args.insert(it.key(), it.value());
    params.connectHost = m_socks.host();
    params.connectPort = m_socks.port();

    // The PT server: the transport's own choice (webtunnel's url, meek's front), else
    // per-connection serverAddress, else -options serverAddress, else (as Tor does) the
    // CONNECT destination.
    HostPort server{m_socks.host(), m_socks.port()};
    if (const std::optional<HostPort> own = m_ctx->transport->dialTarget(params.args)) {
        server = *own;
    } else if (perConnection.contains(QStringLiteral("serverAddress"))) {
        QString err;
        const auto parsed =
            parseHostPort(perConnection.value(QStringLiteral("serverAddress")).toString(), false, &err);
        if (!parsed) {
            replyAndClose(socks5::SettingsInvalid,
                          QStringLiteral("bad per-connection serverAddress: ") + err);
            return;
        }
        server = *parsed;
    } else if (m_ctx->serverAddress) {
        server = *m_ctx->serverAddress;
    }

    auto made = m_ctx->transport->newSession(params, SessionEnv::system());
    if (!made.ok()) {
        replyAndClose(socks5::SettingsInvalid, made.error);
        return;
    }
    m_session = std::move(made.value);
    m_timer.start(m_ctx->connectTimeoutMs);
    dialServer(server);
}

void ClientConnection::redial()
{
    // The session's wire connection is spent (meek: the server or its front ended HTTP
    // keep-alive); the same server again, the session goes on over the new one.
    m_dialer = new Dialer(this);
    m_dialer->setUpstreamProxy(m_ctx->proxy);
    connect(m_dialer, &Dialer::connected, this, [this](StreamSocket* wire, const QByteArray& early) {
        m_dialer->deleteLater();
        m_dialer = nullptr;
        m_relay->replaceWire(wire, early);
    });
    connect(m_dialer, &Dialer::failed, this, [this](quint8, const QString& why) {
        if (!m_relay->verified()) recordHandshakeFailure(m_dialer->failureCode(), why);
        m_dialer->deleteLater();
        m_dialer = nullptr;
        m_relay->abort(QStringLiteral("reconnecting to %1: %2").arg(m_serverText, why));
    });
    m_dialer->dial(m_server.host, m_server.port, m_ctx->connectTimeoutMs);
}

void ClientConnection::dialServer(const HostPort& server)
{
    m_server = server;
    m_serverText = server.toString();
    m_dialer = new Dialer(this);
    m_dialer->setUpstreamProxy(m_ctx->proxy);
    connect(m_dialer, &Dialer::connected, this, &ClientConnection::onDialed);
    connect(m_dialer, &Dialer::failed, this, [this](quint8 reply, const QString& why) {
        recordHandshakeFailure(m_dialer->failureCode(), why);
        replyAndClose(reply, why);
    });
    // The Dialer has its own timeout; the connection timer also covers the
    // transport handshake that follows.
    m_dialer->dial(server.host, server.port, m_ctx->connectTimeoutMs);
}

void ClientConnection::onDialed(StreamSocket* wire, const QByteArray& early)
{
    m_dialer->deleteLater();
    m_dialer = nullptr;
    m_relay = new Relay(wire, std::move(m_session), SessionEnv::system(), this);
    auto counters = m_ctx->counters;
    m_relay->setStats(
        {[counters](qint64 n) { counters->bytesUp.fetch_add(n, std::memory_order_relaxed); },
         [counters](qint64 n) { counters->bytesDown.fetch_add(n, std::memory_order_relaxed); }});
    m_relay->attachApp(m_app);
    connect(m_relay, &Relay::handshakeComplete, this, &ClientConnection::onHandshakeComplete);
    connect(m_relay, &Relay::peerVerified, this, &ClientConnection::recordHandshakeOk);
    connect(m_relay, &Relay::sessionFailed, this, [this](const QString& why) {
        if (!m_relay->verified()) recordHandshakeFailure(m_relay->failureCode(), why);
        if (!m_replied && m_ctx->mode == ProxyMode::Socks5) {
            m_replied = true;
            m_app->write(socks5::encodeReply(socks5::GeneralFailure, QString(), 0));
        }
        log::warn(
            QStringLiteral("%1: transport error with %2: %3").arg(m_ctx->transportName, m_serverText, why));
    });
    connect(m_relay, &Relay::finished, this, [this](const QString& why) {
        // The bridge ended the connection before proving itself (EOF, reset). An end the
        // application caused (it closed first) is no handshake result.
        if (!m_relay->verified() && m_relay->hasFailure())
            recordHandshakeFailure(m_relay->failureCode(), m_relay->failureText());
        finish(why);
    });
    connect(m_relay, &Relay::redialRequested, this, &ClientConnection::redial);
    m_relay->start();
    m_relay->injectWire(early);
}

void ClientConnection::onHandshakeComplete()
{
    m_timer.stop();
    if (m_ctx->mode == ProxyMode::Socks5) {
        m_replied = true;
        StreamSocket* wire = m_relay->wire();
        m_app->write(
            socks5::encodeReply(socks5::Succeeded, wire->localAddress().toString(), wire->localPort()));
        m_relay->enableAppReading(m_socks.takeLeftover());
    } else {
        m_relay->enableAppReading();
    }
    log::debug(QStringLiteral("%1: %2 connected through %3").arg(m_ctx->transportName, m_peer, m_serverText));
}

void ClientConnection::replyAndClose(quint8 code, const QString& why)
{
    if (m_finished) return;
    if (m_ctx->mode == ProxyMode::Socks5 && !m_replied && m_app && m_app->isOpen()) {
        m_replied = true;
        m_app->write(socks5::encodeReply(code, QString(), 0));
    }
    m_ctx->counters->connectionsFailed.fetch_add(1);
    finish(why);
}

void ClientConnection::finish(const QString& reason)
{
    if (!beginFinish()) return;
    if (m_dialer) m_dialer->cancel();
    if (!reason.isEmpty())
        log::info(
            QStringLiteral("%1: connection from %2 ended: %3").arg(m_ctx->transportName, m_peer, reason));
    if (m_app && m_app->isOpen() && m_app->bytesToWrite() > 0 && !m_relay) {
        // Let a final SOCKS reply reach the application before closing.
        m_app->shutdownWrite();
        QTimer::singleShot(1000, this, [this] { deleteLater(); });
        connect(m_app, &StreamSocket::bytesWritten, this, [this] {
            if (m_app->bytesToWrite() == 0) deleteLater();
        });
    } else {
        deleteLater();
    }
}

} // namespace pt::net
