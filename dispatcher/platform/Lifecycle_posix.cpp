// POSIX process life (Linux, macOS, BSDs). With PT_LINUX_CALLS (Linux without
// PT_PORTABLE_POSIX) signals come from a signalfd and the self-pipe is made with
// pipe2(); otherwise only the portable calls: sigaction, pipe + fcntl, getppid.
#include "dispatcher/platform/Lifecycle.h"

#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
#ifdef PT_LINUX_CALLS
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

bool makeSelfPipe(int fds[2])
{
#ifdef PT_LINUX_CALLS
    return ::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0;
#else
    if (::pipe(fds) != 0) return false;
    for (int i = 0; i < 2; ++i) {
        const int fl = ::fcntl(fds[i], F_GETFL, 0);
        const int fdfl = ::fcntl(fds[i], F_GETFD, 0);
        if (fl < 0 || fdfl < 0 || ::fcntl(fds[i], F_SETFL, fl | O_NONBLOCK) != 0 ||
            ::fcntl(fds[i], F_SETFD, fdfl | FD_CLOEXEC) != 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            fds[0] = fds[1] = -1;
            return false;
        }
    }
    return true;
#endif
}

QString signalName(int sig)
{
    return sig == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
}
} // namespace

struct Lifecycle::Impl
{
    QSocketNotifier* signalNotifier = nullptr;
    int signalFd = -1; // signalfd (Linux)
    QSocketNotifier* stdinNotifier = nullptr;
    QTimer parentTimer;
    qint64 initialParent = 0;
};

Lifecycle::Lifecycle(QObject* parent) : QObject(parent), d(std::make_unique<Impl>())
{
    connect(&d->parentTimer, &QTimer::timeout, this, [this] {
        if (qint64(::getppid()) != d->initialParent) request(QStringLiteral("parent process exited"));
    });
}

Lifecycle::~Lifecycle()
{
    if (d->signalFd >= 0) ::close(d->signalFd);
}

bool Lifecycle::installSignalHandlers()
{
#ifdef PT_LINUX_CALLS
    // SIGTERM and SIGINT blocked in this thread before any other thread exists (so in
    // all of them: a thread inherits its creator's mask) and read from a signalfd on
    // the event loop: no asynchronous handler runs at all. This also makes the stop
    // prompt under ThreadSanitizer, which holds an asynchronous signal back until the
    // receiving thread next enters instrumented code (an idle worker: never).
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    if (d->signalFd < 0 && ::pthread_sigmask(SIG_BLOCK, &set, nullptr) == 0) {
        d->signalFd = ::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
        if (d->signalFd < 0) {
            ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
        } else {
            auto* n = new QSocketNotifier(d->signalFd, QSocketNotifier::Read, this);
            connect(n, &QSocketNotifier::activated, this, [this] {
                signalfd_siginfo info{};
                const ssize_t got = ::read(d->signalFd, &info, sizeof info);
                if (got == ssize_t(sizeof info)) request(signalName(int(info.ssi_signo)));
            });
        }
    }
#endif
    // The self-pipe handler as well: where there is no signalfd, and for a thread
    // that might not have the signals blocked (one created before this call).
    if (g_signalPipe[0] < 0 && !makeSelfPipe(g_signalPipe)) return false;
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
    d->signalNotifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, this);
    connect(d->signalNotifier, &QSocketNotifier::activated, this, [this] {
        char buf[16];
        const ssize_t n = ::read(g_signalPipe[0], buf, sizeof buf);
        request(signalName(n > 0 ? buf[0] : SIGTERM));
    });
    return true;
}

void Lifecycle::watchStdin()
{
    // Any input is ignored (the protocol has no parent-to-child lines); EOF or an
    // error on stdin means the parent wants us gone. No stdin at all is EOF.
    if (::fcntl(STDIN_FILENO, F_GETFD) < 0) {
        QMetaObject::invokeMethod(
            this, [this] { request(QStringLiteral("no stdin")); }, Qt::QueuedConnection);
        return;
    }
    d->stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(d->stdinNotifier, &QSocketNotifier::activated, this, [this] {
        char buf[4096];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            d->stdinNotifier->setEnabled(false);
            request(QStringLiteral("stdin closed"));
        }
    });
}

void Lifecycle::watchParent()
{
    d->initialParent = qint64(::getppid());
    if (d->initialParent <= 1) return; // already orphaned or run by init: nothing to watch
    d->parentTimer.start(1000);
}

} // namespace pt
