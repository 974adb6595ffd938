#pragma once

// Section 1.3 of the spec: how the dispatcher learns it should stop. The platform
// seam for process life: Lifecycle_posix.cpp or Lifecycle_win.cpp, chosen by CMake.
//  - A stop request from the system:
//      POSIX: SIGTERM / SIGINT. On Linux (PT_LINUX_CALLS) blocked and read from a
//      signalfd; also (other systems, or a thread that has them unblocked) a handler
//      that only writes a byte to a self-pipe. Call before any thread starts.
//      Windows: Ctrl-C, Ctrl-Break, the console closing, logoff and shutdown
//      (SetConsoleCtrlHandler; the handler runs on a system thread and only posts).
//    Either way the event loop, not a handler, turns it into a graceful quit.
//  - stdin closed, but only with -exit-on-stdin-close (a closed stdin is otherwise
//    not a signal, as the spec requires). POSIX: a QSocketNotifier on fd 0. Windows:
//    a thread blocked in ReadFile (a notifier cannot watch a pipe there) posts EOF.
//  - the parent died. POSIX: the parent process id changed (checked once a second).
//    Windows: a handle to the parent process, waited on by the event loop.
// Every path ends in shutdownRequested(); the owner stops and exits with 0.

#include <QObject>

#include <memory>

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

    // Asks for the stop (once; later calls are ignored). Main thread only.
    void request(const QString& why);

Q_SIGNALS:
    void shutdownRequested(const QString& why);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    bool m_requested = false;
};

} // namespace pt
