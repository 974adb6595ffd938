#include "dispatcher/net/Inbox.h"

namespace pt::net {

void Inbox::post(std::function<void()> fn)
{
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(std::move(fn));
        wake = !m_scheduled;
        m_scheduled = true;
    }
    if (wake) QMetaObject::invokeMethod(this, "drain", Qt::QueuedConnection);
}

void Inbox::drain()
{
    std::vector<std::function<void()>> batch;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        batch.swap(m_queue);
        m_scheduled = false;
    }
    for (auto& fn : batch)
        fn();
}

} // namespace pt::net
