#include "dispatcher/core/Lifecycle.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/signalfd.h>
#endif

namespace pt {

namespace {
int g_signalPipe[2] = {-1, -1};

void onSignal(int sig)
{
    const int saved = errno;
    const char byte = char(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
    errno = saved;
}
} // namespace

Lifecycle::Lifecycle(QObject* parent) : QObject(parent)
{
    connect(&m_parentTimer, &QTimer::timeout, this, [this] {
        if (qint64(::getppid()) != m_initialParent)
            request(QStringLiteral("parent process exited"));
    });
}

Lifecycle::~Lifecycle()
{
    if (m_signalFd >= 0)
        ::close(m_signalFd);
}

bool Lifecycle::installSignalHandlers()
{
#ifdef __linux__
    // SIGTERM and SIGINT blocked in this thread before any other thread exists (so in
    // all of them: a thread inherits its creator's mask) and read from a signalfd on
    // the event loop: no asynchronous handler runs at all. This also makes the stop
    // prompt under ThreadSanitizer, which holds an asynchronous signal back until the
    // receiving thread next enters instrumented code (an idle worker: never).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    if (m_signalFd < 0 && ::pthread_sigmask(SIG_BLOCK, &set, nullptr) == 0) {
        m_signalFd = ::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
        if (m_signalFd < 0) {
            ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
        } else {
            auto* n = new QSocketNotifier(m_signalFd, QSocketNotifier::Read, this);
            connect(n, &QSocketNotifier::activated, this, [this] {
                signalfd_siginfo info{};
                const ssize_t got = ::read(m_signalFd, &info, sizeof info);
                if (got == ssize_t(sizeof info))
                    request(info.ssi_signo == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM"));
            });
        }
    }
#endif
    // The self-pipe handler as well: where there is no signalfd, and for a thread
    // that might not have the signals blocked (one created before this call).
    if (g_signalPipe[0] < 0 && ::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction sa{};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
    m_signalNotifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, [this] {
        char buf[16];
        ssize_t n = ::read(g_signalPipe[0], buf, sizeof buf);
        const int sig = n > 0 ? buf[0] : SIGTERM;
        request(sig == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM"));
    });
    return true;
}

void Lifecycle::watchStdin()
{
    // Any input is ignored (the protocol has no parent-to-child lines); EOF or an
    // error on stdin means the parent wants us gone.
    m_stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdinNotifier, &QSocketNotifier::activated, this, [this] {
        char buf[4096];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            m_stdinNotifier->setEnabled(false);
            request(QStringLiteral("stdin closed"));
        }
    });
}

void Lifecycle::watchParent()
{
    m_initialParent = qint64(::getppid());
    if (m_initialParent <= 1)
        return; // already orphaned or run by init: nothing to watch
    m_parentTimer.start(1000);
}

void Lifecycle::request(const QString& why)
{
    if (m_requested)
        return;
    m_requested = true;
    Q_EMIT shutdownRequested(why);
}

} // namespace pt
