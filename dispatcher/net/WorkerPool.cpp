#include "dispatcher/net/WorkerPool.h"

namespace pt::net {

WorkerPool::WorkerPool(int threads) : m_owner(std::make_unique<Inbox>())
{
    if (threads <= 0)
        threads = qMax(1, QThread::idealThreadCount());
    for (int i = 0; i < threads; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("worker-%1").arg(i));
        auto* inbox = new Inbox;
        inbox->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, inbox, &QObject::deleteLater);
        thread->start();
        m_inboxes.push_back(inbox);
        m_threads.push_back(std::move(thread));
    }
}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::post(std::function<void(QObject*)> fn)
{
    if (m_inboxes.empty())
        return;
    Inbox* inbox = m_inboxes[m_next.fetch_add(1) % m_inboxes.size()];
    inbox->post([inbox, fn = std::move(fn)] { fn(inbox); });
}

void WorkerPool::postToOwner(std::function<void()> fn) { m_owner->post(std::move(fn)); }

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
