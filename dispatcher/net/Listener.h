#pragma once

// Accepts connections on the main thread and hands each descriptor to a worker.
// Enforces the connection cap: past it, accepted descriptors wait in a queue and
// accepting pauses; every closed connection re-checks the queue, so a full
// listener resumes as soon as slots free up.

#include "dispatcher/net/WorkerPool.h"

#include <QSocketNotifier>
#include <QTcpServer>

#include <atomic>
#include <deque>
#include <functional>

namespace pt::net {

class ConnectionGate
{
public:
    explicit ConnectionGate(int max) : m_max(max) {}
    bool tryAcquire()
    {
        int cur = m_active.load();
        while (cur < m_max) {
            if (m_active.compare_exchange_weak(cur, cur + 1))
                return true;
        }
        return false;
    }
    void release() { m_active.fetch_sub(1); }
    int max() const { return m_max; }

private:
    std::atomic<int> m_active{0};
    int m_max;
};

class Listener : public QTcpServer
{
    Q_OBJECT
public:
    // Creates a connection object on a worker for a descriptor; must arrange for
    // `done` to be called (from any thread) when that connection ends.
    using Spawn = std::function<void(qintptr fd, QObject* workerContext, std::function<void()> done)>;

    Listener(WorkerPool& pool, std::shared_ptr<ConnectionGate> gate, Spawn spawn, QObject* parent = nullptr);
    ~Listener() override;

    // QTcpServer::listen, then accept() is ours (see acceptReady): Qt treats EMFILE
    // as a temporary error and retries at once, spinning a core while out of
    // descriptors. Use this instead of listen().
    bool listenOn(const QHostAddress& address, quint16 port);

    // Stops accepting and closes the listening socket (use instead of close()).
    void stop();

    void setSpawn(Spawn spawn) { m_spawn = std::move(spawn); }

protected:
    void incomingConnection(qintptr fd) override;

private:
    void acceptReady();
    void setAccepting(bool on);
    void dispatch(qintptr fd);
    void drain();

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
