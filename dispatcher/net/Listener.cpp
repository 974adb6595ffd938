#include "dispatcher/net/Listener.h"

#include "dispatcher/core/IpcWriter.h"

#include <QCoreApplication>
#include <QPointer>

#include <unistd.h>

namespace pt::net {

Listener::Listener(WorkerPool& pool, std::shared_ptr<ConnectionGate> gate, Spawn spawn, QObject* parent)
    : QTcpServer(parent), m_pool(pool), m_gate(std::move(gate)), m_spawn(std::move(spawn))
{
}

Listener::~Listener()
{
    for (qintptr fd : m_waiting)
        ::close(int(fd));
}

void Listener::incomingConnection(qintptr fd)
{
    if (m_waiting.empty() && m_gate->tryAcquire()) {
        dispatch(fd);
        return;
    }
    m_waiting.push_back(fd);
    if (m_waiting.size() >= kMaxWaiting && isListening()) {
        logWarn(QStringLiteral("connection limit (%1) reached; pausing accept").arg(m_gate->max()));
        pauseAccepting();
        m_paused = true;
    }
}

void Listener::dispatch(qintptr fd)
{
    QPointer<Listener> self(this);
    auto done = [self, gate = m_gate] {
        gate->release();
        QMetaObject::invokeMethod(
            qApp,
            [self] {
                if (self)
                    self->drain();
            },
            Qt::QueuedConnection);
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
    // Only undo our own pause, and never on a closed server: QTcpServer::resumeAccepting()
    // dereferences its socket engine, which close() has deleted (a connection ending
    // during shutdown used to crash the process here).
    if (m_paused && m_waiting.size() < kMaxWaiting && isListening()) {
        resumeAccepting();
        m_paused = false;
    }
}

} // namespace pt::net
