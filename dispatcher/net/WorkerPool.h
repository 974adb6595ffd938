#pragma once

// N threads, each with its own event loop (DESIGN.md principle 4). A connection is
// created on one worker and lives and dies there; nothing is locked on the data path.

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
    int size() const { return int(m_threads.size()); }
    void stop();

private:
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<QObject*> m_contexts;
    std::atomic<unsigned> m_next{0};
};

} // namespace pt::net
