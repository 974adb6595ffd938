#include "dispatcher/net/Listener.h"

#include "dispatcher/base/Log.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

#include "dispatcher/platform/Socket.h"

namespace pt::net {

Listener::Listener(WorkerPool& pool, std::shared_ptr<ConnectionGate> gate, Spawn spawn, QObject* parent)
    : QObject(parent), m_server(new QTcpServer(this)), m_pool(pool), m_gate(std::move(gate)),
      m_spawn(std::move(spawn))
{
}

Listener::~Listener()
{
    for (qintptr fd : m_waiting)
        platform::closeSocket(fd);
}

bool Listener::listenOn(const QHostAddress& address, quint16 port)
{
    if (!m_server->listen(address, port)) return false;
    m_server->pauseAccepting(); // QTcpServer's own notifier off; ours below
    m_notifier = new QSocketNotifier(m_server->socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Listener::acceptReady);
    return true;
}

void Listener::stop()
{
    // The notifier goes before the descriptor it watches.
    delete m_notifier;
    m_notifier = nullptr;
    m_server->close();
}

bool Listener::isListening() const
{
    return m_server->isListening();
}

QString Listener::errorString() const
{
    return m_server->errorString();
}

QHostAddress Listener::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 Listener::serverPort() const
{
    return m_server->serverPort();
}

void Listener::setAccepting(bool on)
{
    if (m_notifier && isListening()) m_notifier->setEnabled(on);
}

void Listener::acceptReady()
{
    // A bounded batch per wake-up keeps other listeners and timers fair.
    for (int i = 0; i < 64 && isListening(); ++i) {
        NetError err;
        const platform::SocketHandle fd = platform::acceptOne(m_server->socketDescriptor(), &err);
        if (fd != platform::kNoSocket) {
            if (m_acceptFailing) {
                m_acceptFailing = false;
                log::info(QStringLiteral("accepting connections again"));
            }
            admit(fd);
            if (m_paused) return;
            continue;
        }
        using Kind = NetError::Kind;
        if (err.kind == Kind::Interrupted || err.kind == Kind::Reset)
            continue; // that connection went away before we took it
        if (err.kind == Kind::WouldBlock) return;
        // EMFILE, ENFILE, ENOBUFS, ENOMEM: the connection stays in the kernel's backlog.
        // Say so once, stop listening for readiness (it would fire again at once) and
        // retry shortly: service resumes by itself when descriptors free up.
        if (!m_acceptFailing)
            log::warn(
                QStringLiteral("cannot accept connections: %1 (out of file descriptors? see ulimit -n); "
                               "retrying every 250 ms")
                    .arg(platform::errorText(err)));
        m_acceptFailing = true;
        setAccepting(false);
        QTimer::singleShot(250, this, [this] {
            if (!m_paused) setAccepting(true);
        });
        return;
    }
}

void Listener::admit(qintptr fd)
{
    if (m_waiting.empty() && m_gate->tryAcquire()) {
        dispatch(fd);
        return;
    }
    m_waiting.push_back(fd);
    if (m_waiting.size() >= kMaxWaiting && isListening()) {
        log::warn(QStringLiteral("connection limit (%1) reached; pausing accept").arg(m_gate->max()));
        setAccepting(false);
        m_paused = true;
    }
}

void Listener::dispatch(qintptr fd)
{
    // done() runs on the worker; the queue is drained back on our thread, where
    // self is checked (the listener may be gone by then, the pool is not).
    QPointer<Listener> self(this);
    WorkerPool* pool = &m_pool;
    auto done = [self, pool, gate = m_gate] {
        gate->release();
        pool->postToOwner([self] {
            if (self) self->drain();
        });
    };
    Spawn spawn = m_spawn;
    m_pool.post([fd, spawn, done](QObject* context) { spawn(fd, context, done); });
}

void Listener::drain()
{
    while (!m_waiting.empty() && m_gate->tryAcquire()) {
        const qintptr fd = m_waiting.front();
        m_waiting.pop_front();
        dispatch(fd);
    }
    // Only undo our own pause, and never on a closed server (stop() deleted the
    // notifier; a connection ending during shutdown once crashed the process here).
    if (m_paused && m_waiting.size() < kMaxWaiting && isListening()) {
        m_paused = false;
        if (!m_acceptFailing) setAccepting(true);
    }
}

} // namespace pt::net
