#pragma once

// Section 1.3 of the spec: how the dispatcher learns it should stop.
//  - SIGTERM / SIGINT: on Linux, blocked and read from a signalfd; also (other
//    systems, or a thread that has them unblocked) a handler that only writes a byte
//    to a self-pipe. Either way a QSocketNotifier turns it into a graceful quit on
//    the event loop (no Qt call inside a signal handler). Call before any thread starts.
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
    int m_signalFd = -1; // signalfd (Linux)
    QSocketNotifier* m_stdinNotifier = nullptr;
    QTimer m_parentTimer;
    qint64 m_initialParent = 0;
    bool m_requested = false;
};

} // namespace pt
