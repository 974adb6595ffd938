#pragma once

// Runs functions on the event loop of the thread an Inbox lives in, posted from any
// thread. The functions are handed over in a queue under a std::mutex and the thread
// is woken once per batch (a queued call of drain() with no arguments). So every byte
// that crosses threads crosses under a lock ThreadSanitizer can see; a functor passed
// straight to QMetaObject::invokeMethod would cross under Qt's own futex-based lock,
// which an uninstrumented Qt hides from it (see docs/ARCHITECTURE.md, "Threads").

#include <QObject>

#include <functional>
#include <mutex>
#include <vector>

namespace pt::net {

class Inbox : public QObject
{
    Q_OBJECT
public:
    explicit Inbox(QObject* parent = nullptr) : QObject(parent) {}

    // Any thread. fn runs later on this object's thread, in posting order. Functions
    // still queued when the Inbox is destroyed are destroyed without running.
    void post(std::function<void()> fn);

private:
    Q_INVOKABLE void drain();

    std::mutex m_mutex;
    std::vector<std::function<void()>> m_queue;
    bool m_scheduled = false; // a drain() is queued and has not taken the queue yet
};

} // namespace pt::net
