#pragma once

// Accepts connections on the main thread and hands each descriptor to a worker.
// Enforces the connection cap: past it, accepted descriptors wait in a queue and
// accepting pauses; every closed connection re-checks the queue, so a full
// listener resumes as soon as slots free up.

#include "dispatcher/net/WorkerPool.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>

class QSocketNotifier;
class QTcpServer;

namespace pt::net {

class ConnectionGate
{
public:
    explicit ConnectionGate(int max) : m_max(max) {}
    bool tryAcquire()
    {
        int cur = m_active.load();
        while (cur < m_max) {
            if (m_active.compare_exchange_weak(cur, cur + 1)) return true;
        }
        return false;
    }
    void release() { m_active.fetch_sub(1); }
    int max() const { return m_max; }

private:
    std::atomic<int> m_active{0};
    int m_max;
};

// Owns a QTcpServer (on the Listener's own thread, the main one) to bind and listen:
// it gives Qt's address handling, dual-stack binding and error texts. Accepting is
// ours (see acceptReady): Qt treats EMFILE as a temporary error and retries at once,
// spinning a core while out of descriptors.
class Listener : public QObject
{
    Q_OBJECT
public:
    // Creates a connection object on a worker for a descriptor; must arrange for
    // `done` to be called (from any thread) when that connection ends.
    using Spawn = std::function<void(qintptr fd, QObject* workerContext, std::function<void()> done)>;

    Listener(WorkerPool& pool, std::shared_ptr<ConnectionGate> gate, Spawn spawn, QObject* parent = nullptr);
    ~Listener() override;

    // Binds and listens; false on failure (errorString() says why).
    bool listenOn(const QHostAddress& address, quint16 port);

    // Stops accepting and closes the listening socket.
    void stop();

    bool isListening() const;
    QString errorString() const;
    // The bound address and port (the real port when listenOn() was given 0).
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    void setSpawn(Spawn spawn) { m_spawn = std::move(spawn); }

private:
    void acceptReady();
    void admit(qintptr fd);
    void setAccepting(bool on);
    void dispatch(qintptr fd);
    void drain();

    QTcpServer* m_server; // child of this: binds and listens, never accepts
    WorkerPool& m_pool;
    std::shared_ptr<ConnectionGate> m_gate;
    Spawn m_spawn;
    std::deque<qintptr> m_waiting;
    bool m_paused = false;        // paused by us (connection cap)
    bool m_acceptFailing = false; // accept() is failing (EMFILE, ...): retrying on a timer
    QSocketNotifier* m_notifier = nullptr;
    static constexpr size_t kMaxWaiting = 64;
};

} // namespace pt::net
