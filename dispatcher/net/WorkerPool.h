#pragma once

// N threads, each with its own event loop (DESIGN.md principle 4). A connection is
// created on one worker and lives and dies there; nothing is locked on the data path.
// Work crosses threads only through Inboxes (one per worker, one for the thread that
// owns the pool), so each hand-over is under a lock ThreadSanitizer sees.

#include "dispatcher/net/Inbox.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace pt::net {

class WorkerPool
{
public:
    explicit WorkerPool(int threads);
    ~WorkerPool();

    // Runs fn on the next worker (round robin). fn receives the worker's context
    // object, the parent for everything it creates.
    void post(std::function<void(QObject* context)> fn);
    // Runs fn on the thread that created the pool (from any thread). Safe to call
    // from a worker until stop() returns: the owner inbox outlives the workers.
    void postToOwner(std::function<void()> fn);
    int size() const { return int(m_threads.size()); }
    void stop();

private:
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<Inbox*> m_inboxes;
    std::unique_ptr<Inbox> m_owner;
    std::atomic<unsigned> m_next{0};
};

} // namespace pt::net
