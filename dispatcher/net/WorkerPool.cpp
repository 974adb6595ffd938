#include "dispatcher/net/WorkerPool.h"

namespace pt::net {

WorkerPool::WorkerPool(int threads)
{
    if (threads <= 0)
        threads = qMax(1, QThread::idealThreadCount());
    for (int i = 0; i < threads; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("worker-%1").arg(i));
        auto* context = new QObject;
        context->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, context, &QObject::deleteLater);
        thread->start();
        m_contexts.push_back(context);
        m_threads.push_back(std::move(thread));
    }
}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::post(std::function<void(QObject*)> fn)
{
    if (m_contexts.empty())
        return;
    QObject* context = m_contexts[m_next.fetch_add(1) % m_contexts.size()];
    QMetaObject::invokeMethod(context, [context, fn = std::move(fn)] { fn(context); }, Qt::QueuedConnection);
}

void WorkerPool::stop()
{
    for (auto& t : m_threads) {
        t->quit();
        t->wait();
    }
    m_threads.clear();
    m_contexts.clear(); // deleted on their threads' finished()
}

} // namespace pt::net
