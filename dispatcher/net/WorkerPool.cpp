#include "dispatcher/net/WorkerPool.h"

#include <condition_variable>
#include <mutex>

namespace pt::net {

WorkerPool::WorkerPool(int threads) : m_owner(std::make_unique<Inbox>())
{
    if (threads <= 0) threads = qMax(1, QThread::idealThreadCount());
    // Each thread makes its event dispatcher (an eventfd) when it first runs, which on
    // a loaded machine can be after we have said CMETHODS DONE and accepted enough
    // connections to run out of descriptors: Qt then aborts the process ("Cannot
    // continue without a thread pipe"). So wait until every thread has started
    // (QThread::started is emitted on the new thread once its dispatcher exists).
    std::mutex mutex;
    std::condition_variable cv;
    int started = 0;
    for (int i = 0; i < threads; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("worker-%1").arg(i));
        auto* inbox = new Inbox;
        inbox->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, inbox, &QObject::deleteLater);
        QObject::connect(
            thread.get(), &QThread::started, thread.get(),
            [&] {
                std::lock_guard<std::mutex> lock(mutex);
                ++started;
                cv.notify_all();
            },
            Qt::DirectConnection);
        thread->start();
        if (!thread->isRunning()) { // no thread could be made (Qt said why): do without it
            delete inbox;
            continue;
        }
        m_inboxes.push_back(inbox);
        m_threads.push_back(std::move(thread));
    }
    const int running = int(m_threads.size());
    std::unique_lock<std::mutex> lock(mutex);
    cv.wait(lock, [&] { return started == running; });
    lock.unlock();
    for (auto& t : m_threads)
        QObject::disconnect(t.get(), &QThread::started, nullptr, nullptr);
}

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::post(std::function<void(QObject*)> fn)
{
    if (m_inboxes.empty()) return;
    Inbox* inbox = m_inboxes[m_next.fetch_add(1) % m_inboxes.size()];
    inbox->post([inbox, fn = std::move(fn)] { fn(inbox); });
}

void WorkerPool::postToOwner(std::function<void()> fn)
{
    m_owner->post(std::move(fn));
}

void WorkerPool::stop()
{
    for (auto& t : m_threads) {
        t->quit();
        t->wait();
    }
    m_threads.clear();
    m_inboxes.clear(); // deleted on their threads' finished()
}

} // namespace pt::net
