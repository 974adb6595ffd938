#include "dispatcher/core/Lifecycle.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

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

Lifecycle::~Lifecycle() = default;

bool Lifecycle::installSignalHandlers()
{
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
