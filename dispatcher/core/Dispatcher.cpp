#include "dispatcher/core/Dispatcher.h"

#include "dispatcher/base/Log.h"
#include "dispatcher/core/Check.h"
#include "dispatcher/core/IpcWriter.h"
#include "dispatcher/net/ClientConnection.h"
#include "dispatcher/net/HubStreamConnection.h"
#include "dispatcher/net/Listener.h"
#include "dispatcher/net/ServerConnection.h"
#include "dispatcher/net/UdpClient.h"
#include "dispatcher/net/UdpServerConnection.h"
#include "dispatcher/net/WorkerPool.h"
#include "dispatcher/platform/Lifecycle.h"
#include "dispatcher/transports/Registry.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>

#include <cstdio>
#include <cstdlib>

namespace pt {

namespace {
constexpr int kExUsage = 64;
constexpr int kExUnavailable = 69;
constexpr int kExConfig = 78;
constexpr int kExOsErr = 71; // no worker thread could be started

void printCheckLine(const QString& line)
{
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stdout);
    std::fflush(stdout);
}

QString listenAddressText(const QHostAddress& a, quint16 port)
{
    return HostPort{a.toString(), port}.toString();
}

// A listener's context (net::ClientContext or net::ServerContext) with the fields
// they share set from the configuration; the caller adds its own.
template <class Context>
std::shared_ptr<Context> newContext(const Config& config, const QString& transportName)
{
    auto ctx = std::make_shared<Context>();
    ctx->transportName = transportName;
    ctx->mode = config.mode;
    ctx->handshakeTimeoutMs = config.handshakeTimeoutMs;
    ctx->connectTimeoutMs = config.connectTimeoutMs;
    ctx->counters = std::make_shared<net::TrafficCounters>();
    return ctx;
}
} // namespace

Dispatcher::Dispatcher(QObject* parent) : QObject(parent) {}

Dispatcher::~Dispatcher()
{
    for (auto* l : m_listeners)
        l->stop();
    if (m_pool) m_pool->stop();
}

int Dispatcher::start(const QStringList& args)
{
    IpcWriter& ipc = IpcWriter::instance();
    const ConfigResult parsed =
        parseConfig(args, QProcessEnvironment::systemEnvironment(), QDir::currentPath());

    switch (parsed.status) {
    case ConfigResult::Status::Help:
        std::fputs(usageText().toLocal8Bit().constData(), stdout);
        return 0;
    case ConfigResult::Status::Version:
        std::printf("ptdispatcher %s (Dispatcher IPC 3.0)\n", PT_VERSION);
        return 0;
    case ConfigResult::Status::DescribeTransports:
        std::fputs(describe::toJsonText(transportDescriptions(), QStringLiteral("ptdispatcher " PT_VERSION))
                       .constData(),
                   stdout);
        return 0;
    case ConfigResult::Status::CheckInvalid: {
        CheckResult r;
        r.code = FailureCode::Invalid;
        r.detail = parsed.message;
        printCheckLine(formatCheckResult(r));
        return checkExitCode(r);
    }
    case ConfigResult::Status::Check: {
        // No VERSION or CMETHOD lines: the answer is the one CHECK line.
        auto* check = new BridgeCheck(this);
        connect(check, &BridgeCheck::finished, this, [this, check](const CheckResult& r) {
            printCheckLine(formatCheckResult(r));
            // The line is out; a resolver still busy with the bridge's name would keep
            // the process past its time limit on the way out (Qt waits for lookups).
            if (check->lookupWasPending()) {
                std::fflush(stderr);
                std::_Exit(checkExitCode(r));
            }
            Q_EMIT stopped(checkExitCode(r));
        });
        check->start(parsed.config.checkLine, parsed.config.proxy, parsed.config.checkTimeoutSeconds * 1000);
        return -1;
    }
    case ConfigResult::Status::VersionError:
        ipc.send(ipc::Message::versionError(parsed.message.isEmpty() ? QStringLiteral("no-version")
                                                                     : parsed.message));
        return kExConfig;
    default:
        break;
    }

    ipc.send(ipc::Message::version(parsed.negotiatedVersion));
    if (parsed.status == ConfigResult::Status::EnvError) {
        ipc.send(ipc::Message::envError(parsed.message));
        return kExUsage;
    }
    if (parsed.status == ConfigResult::Status::ProxyError) {
        ipc.send(ipc::Message::proxyError(parsed.message));
        return kExUnavailable;
    }
    m_config = parsed.config;
    ipc.setLogLevel(m_config.logLevel);
    ipc.setTorLogFormat(m_config.torMode);

    if (!ensureStateDir()) return kExUsage;

    m_lifecycle = new Lifecycle(this);
    m_lifecycle->installSignalHandlers();
    if (m_config.exitOnStdinClose) m_lifecycle->watchStdin();
    m_lifecycle->watchParent();
    connect(m_lifecycle, &Lifecycle::shutdownRequested, this, &Dispatcher::shutdown);

    if (m_config.role == Role::Client) {
        // Validated by parseConfig (a bad one was a PROXY-ERROR above); every
        // outgoing transport connection now goes through it.
        if (m_config.proxy) ipc.send(ipc::Message::proxyDone());
    }

    m_pool = std::make_unique<net::WorkerPool>(m_config.workerThreads);
    if (m_pool->size() == 0) {
        // Not one thread could be made (a process or thread limit): nothing could
        // carry a connection, so say so and stop (EX_OSERR) rather than accept and hang.
        log::error(QStringLiteral("cannot start any worker thread; stopping"));
        return kExOsErr;
    }
    m_gate = std::make_shared<net::ConnectionGate>(m_config.maxConnections);

    if (m_config.role == Role::Client)
        startClient();
    else
        startServer();

    // STATUS lines (Tor PT spec form; parents ignore unknown keywords) with traffic
    // counters, at most once a second and only when something changed.
    connect(&m_statusTimer, &QTimer::timeout, this, &Dispatcher::emitStatus);
    m_statusTimer.start(1000);
    return -1;
}

bool Dispatcher::ensureStateDir()
{
    QDir dir(m_config.stateDir);
    if (dir.exists() || dir.mkpath(QStringLiteral("."))) {
        return true;
    }
    IpcWriter::instance().send(
        ipc::Message::envError(QStringLiteral("cannot create state directory %1").arg(m_config.stateDir)));
    return false;
}

void Dispatcher::startClient()
{
    IpcWriter& ipc = IpcWriter::instance();
    QStringList names = m_config.transports;
    if (names == QStringList{QStringLiteral("*")}) names = transportNames();
    const QString mode = proxyModeName(m_config.mode);
    for (const QString& name : names) {
        const TransportFactory* factory = findTransport(name);
        if (!factory) continue; // unknown transports are ignored entirely (spec 1.2.2.1)
        const QJsonObject options = m_config.options.value(name);
        auto made = factory->makeClient(options);
        if (!made.ok()) {
            ipc.send(ipc::Message::cmethodError(name, made.error));
            continue;
        }
        auto ctx = newContext<net::ClientContext>(m_config, name);
        ctx->transport = made.value;
        ctx->options = options;
        ctx->proxy = m_config.proxy;
        if (options.contains(QStringLiteral("serverAddress"))) {
            QString err;
            ctx->serverAddress =
                parseHostPort(options.value(QStringLiteral("serverAddress")).toString(), false, &err);
            if (!ctx->serverAddress) {
                ipc.send(ipc::Message::cmethodError(name, QStringLiteral("bad serverAddress: ") + err));
                continue;
            }
        }
        const bool udpMode = m_config.mode == ProxyMode::TransparentUdp || m_config.mode == ProxyMode::Stun;
        if ((m_config.mode == ProxyMode::TransparentTcp || udpMode) && !ctx->serverAddress &&
            !ctx->transport->namesOwnServer()) {
            ipc.send(ipc::Message::cmethodError(
                name, QStringLiteral("%1 mode needs serverAddress in -options").arg(mode)));
            continue;
        }
        std::shared_ptr<const net::ClientContext> shared = ctx;
        if (udpMode) {
            // UDP modes: one UDP socket on the main thread, a pool of transport connections.
            const HostPort listen = m_config.proxyListen.value_or(HostPort{QStringLiteral("127.0.0.1"), 0});
            auto* udp = new net::UdpClient(shared, m_config.udpIdleTimeoutMs, this);
            QString err;
            if (!udp->listen(QHostAddress(listen.host), listen.port, &err)) {
                ipc.send(ipc::Message::cmethodError(
                    name, QStringLiteral("cannot listen on %1: %2").arg(listen.toString(), err)));
                delete udp;
                continue;
            }
            m_counters.emplace_back(name, ctx->counters);
            ipc.send(
                ipc::Message::cmethod(name, mode, listenAddressText(udp->localAddress(), udp->localPort())));
            continue;
        }
        auto* listener = new net::Listener(
            *m_pool, m_gate,
            [shared](qintptr fd, QObject* context, std::function<void()> done) {
                auto* c = new net::ClientConnection(shared, std::move(done), context);
                c->start(fd);
            },
            this);
        const HostPort listen = m_config.proxyListen.value_or(HostPort{QStringLiteral("127.0.0.1"), 0});
        if (!listener->listenOn(QHostAddress(listen.host), listen.port)) {
            ipc.send(ipc::Message::cmethodError(
                name,
                QStringLiteral("cannot listen on %1: %2").arg(listen.toString(), listener->errorString())));
            delete listener;
            continue;
        }
        m_listeners.push_back(listener);
        m_counters.emplace_back(name, ctx->counters);
        ipc.send(ipc::Message::cmethod(name, mode,
                                       listenAddressText(listener->serverAddress(), listener->serverPort())));
    }
    ipc.send(ipc::Message::cmethodsDone());
}

void Dispatcher::startServer()
{
    IpcWriter& ipc = IpcWriter::instance();
    if (m_config.extOrPort && !QHostAddress(m_config.extOrPort->host).isLoopback())
        log::warn(
            QStringLiteral("the Extended ORPort %1 is not on loopback: the auth cookie exchange and the "
                           "traffic to it cross a network")
                .arg(m_config.extOrPort->toString()));
    for (const QString& name : m_config.transports) {
        const TransportFactory* factory = findTransport(name);
        if (!factory) continue;
        const bool udpMode = m_config.mode == ProxyMode::TransparentUdp || m_config.mode == ProxyMode::Stun;
        if (udpMode && !m_config.target) {
            ipc.send(ipc::Message::smethodError(
                name,
                QStringLiteral("mode %1 needs -target (the UDP server)").arg(proxyModeName(m_config.mode))));
            continue;
        }
        if (!m_config.bindAddrs.contains(name)) {
            ipc.send(ipc::Message::smethodError(name, QStringLiteral("no bind address for this transport")));
            continue;
        }
        const HostPort bind = m_config.bindAddrs.value(name);
        auto* listener = new net::Listener(*m_pool, m_gate, {}, this);
        if (!listener->listenOn(QHostAddress(bind.host), bind.port)) {
            ipc.send(ipc::Message::smethodError(
                name,
                QStringLiteral("cannot listen on %1: %2").arg(bind.toString(), listener->errorString())));
            delete listener;
            continue;
        }
        const QString boundText = listenAddressText(listener->serverAddress(), listener->serverPort());
        ServerTransportContext tctx{m_config.stateDir, boundText};
        auto made = factory->makeServer(m_config.options.value(name), tctx);
        if (!made.ok()) {
            ipc.send(ipc::Message::smethodError(name, made.error));
            delete listener;
            continue;
        }
        auto ctx = newContext<net::ServerContext>(m_config, name);
        ctx->transport = made.value;
        ctx->target = m_config.target;
        ctx->extOrPort = m_config.extOrPort;
        ctx->authCookieFile = m_config.authCookieFile;
        std::shared_ptr<const net::ServerContext> shared = ctx;
        if (StreamHub* hub = made.value->hub()) {
            // Streams that outlive wire connections (meek): each new one is connected to
            // the target on a worker. Weak: the hub belongs to the context's transport.
            std::weak_ptr<const net::ServerContext> weak = shared;
            net::WorkerPool* pool = m_pool.get();
            hub->setAcceptor([weak, pool](const std::shared_ptr<HubStream>& stream) {
                pool->post([weak, stream](QObject* context) {
                    if (auto c = weak.lock()) (new net::HubStreamConnection(c, stream, context))->start();
                });
            });
        }
        if (udpMode) {
            const int idleMs = m_config.udpIdleTimeoutMs;
            listener->setSpawn([shared, idleMs](qintptr fd, QObject* context, std::function<void()> done) {
                auto* c = new net::UdpServerConnection(shared, idleMs, std::move(done), context);
                c->start(fd);
            });
        } else {
            listener->setSpawn([shared](qintptr fd, QObject* context, std::function<void()> done) {
                auto* c = new net::ServerConnection(shared, std::move(done), context);
                c->start(fd);
            });
        }
        m_listeners.push_back(listener);
        m_counters.emplace_back(name, ctx->counters);
        ipc.send(ipc::Message::smethod(name, boundText, made.value->smethodArgs()));
    }
    ipc.send(ipc::Message::smethodsDone());
}

void Dispatcher::emitStatus()
{
    // Only when a parent asked for logs at INFO or more: STATUS is a diagnostic.
    if (!IpcWriter::instance().wants(ipc::LogLevel::Info)) return;
    for (const auto& [name, c] : m_counters) {
        QList<std::pair<QString, QString>> kv = {
            {QStringLiteral("TRANSPORT"), name},
            {QStringLiteral("CONNECTIONS"), QString::number(c->connectionsOpen.load())},
            {QStringLiteral("CONNECTIONS-TOTAL"), QString::number(c->connectionsTotal.load())},
            {QStringLiteral("BYTES-UP"), QString::number(c->bytesUp.load())},
            {QStringLiteral("BYTES-DOWN"), QString::number(c->bytesDown.load())},
            {QStringLiteral("HANDSHAKES-OK"), QString::number(c->handshakesOk.load())},
            {QStringLiteral("HANDSHAKES-FAILED"), QString::number(c->handshakesFailed.load())},
        };
        // Once a handshake has failed: the last failure's code and English detail
        // (formatKvItem quotes the text per the spec's escaping).
        const net::TrafficCounters::LastError last = c->lastError();
        if (last.set) {
            kv.append({QStringLiteral("LAST-ERROR"), failureCodeName(last.code)});
            kv.append({QStringLiteral("LAST-ERROR-TEXT"), last.text});
        }
        IpcWriter::instance().send(ipc::Message::status(kv));
    }
}

void Dispatcher::shutdown(const QString& why)
{
    log::info(QStringLiteral("shutting down: %1").arg(why));
    for (auto* l : m_listeners)
        l->stop();
    m_statusTimer.stop();
    if (m_pool) m_pool->stop();
    Q_EMIT stopped(0);
}

} // namespace pt
