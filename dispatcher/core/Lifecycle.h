#pragma once

// Section 1.3 of the spec: how the dispatcher learns it should stop.
//  - SIGTERM / SIGINT: the handler only writes a byte to a self-pipe; a
//    QSocketNotifier turns that into a graceful quit on the event loop (no Qt call
//    inside a signal handler).
//  - stdin closed, but only with -exit-on-stdin-close (a closed stdin is otherwise
//    not a signal, as the spec requires).
//  - the parent died: the parent process id changed (checked once a second).
// Every path ends in shutdownRequested(); the owner stops and exits with 0.

#include <QObject>
#include <QTimer>

class QSocketNotifier;

namespace pt {

class Lifecycle : public QObject
{
    Q_OBJECT
public:
    explicit Lifecycle(QObject* parent = nullptr);
    ~Lifecycle() override;

    bool installSignalHandlers();
    void watchStdin();
    void watchParent();

Q_SIGNALS:
    void shutdownRequested(const QString& why);

private:
    void request(const QString& why);

    QSocketNotifier* m_signalNotifier = nullptr;
    QSocketNotifier* m_stdinNotifier = nullptr;
    QTimer m_parentTimer;
    qint64 m_initialParent = 0;
    bool m_requested = false;
};

} // namespace pt
