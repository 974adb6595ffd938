#include "DispatcherController.h"

#include "BridgeChecker.h"
#include "FailureText.h"
#include "shared/bridge/BridgeLine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace pt::gui {

namespace {
constexpr int kMaxLineBytes = 64 * 1024;
constexpr int kStderrKeep = 20;
constexpr qint64 kStableRunMs = 60 * 1000; // a run this long resets the backoff
constexpr int kMaxBackoffSec = 60;

#ifdef Q_OS_WIN
const QString kDispatcherFile = QStringLiteral("ptdispatcher.exe");
// NTSTATUS STATUS_DLL_NOT_FOUND, the exit code of a program the loader could not start.
constexpr int kDllNotFound = int(0xC0000135);
#else
const QString kDispatcherFile = QStringLiteral("ptdispatcher");
#endif

QString executableIn(const QString& dir)
{
    const QFileInfo fi(QDir(dir).filePath(kDispatcherFile));
    return fi.isFile() && fi.isExecutable() ? fi.absoluteFilePath() : QString();
}

// "host:0" / "[v6]:0", or empty (the dispatcher then picks a free port too).
bool asksForAnyPort(const QString& address)
{
    return address.isEmpty() || address.endsWith(QLatin1String(":0"));
}

// A STATUS counter, or -1 when missing or not a non-negative number.
qint64 counterValue(const QList<std::pair<QString, QString>>& values, const char* key)
{
    for (const auto& [k, v] : values) {
        if (k == QLatin1String(key)) {
            bool ok = false;
            const qint64 n = v.toLongLong(&ok);
            return ok && n >= 0 ? n : -1;
        }
    }
    return -1;
}

QString statusValue(const QList<std::pair<QString, QString>>& values, const char* key)
{
    for (const auto& [k, v] : values)
        if (k == QLatin1String(key)) return v;
    return {};
}
} // namespace

DispatcherController::DispatcherController(QObject* parent)
    : QObject(parent), m_stdout(kMaxLineBytes), m_stderr(kMaxLineBytes)
{
    m_terminateTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_terminateTimer, &QTimer::timeout, this, [this] {
        if (!m_process) return;
#ifdef Q_OS_WIN
        // terminate() posts WM_CLOSE, which a console program without a window never
        // sees: after closing stdin, the only step left is TerminateProcess.
        m_process->kill();
#else
        m_process->terminate();
        m_killTimer.start(m_graceMs);
#endif
    });
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process) m_process->kill();
    });
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &DispatcherController::restartNow);
    m_recheckTimer.setSingleShot(true);
    m_recheckTimer.setInterval(30 * 1000);
    connect(&m_recheckTimer, &QTimer::timeout, this, [this] {
        if (m_link == Link::Unreachable && m_process && !m_stopping && m_checkId == 0) runCheck();
    });
    m_linkText = linkName(Link::Idle);
}

DispatcherController::~DispatcherController()
{
    // Only at teardown (callers stop() first for a clean exit): the QProcess is our child
    // and its destructor kills the dispatcher. It must not report that through us, half
    // destroyed as we are.
    if (m_process) m_process->disconnect(this);
}

QString DispatcherController::findDispatcher()
{
    QString env = qEnvironmentVariable("PTDISPATCHER_BIN");
    if (!env.isEmpty()) return env;
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList dirs{appDir, appDir + QStringLiteral("/../dispatcher")};
    for (const QString& dir : dirs) {
        QString found = executableIn(dir);
        if (!found.isEmpty()) return found;
    }
    return QStandardPaths::findExecutable(QStringLiteral("ptdispatcher"));
}

qint64 DispatcherController::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString DispatcherController::linkName(Link link)
{
    switch (link) {
    case Link::Idle:
        return tr("Not connected");
    case Link::Connecting:
        return tr("Connecting…");
    case Link::Connected:
        return tr("Connected");
    case Link::Unreachable:
        return tr("Cannot reach the bridge");
    case Link::Reconnecting:
        return tr("Reconnecting…");
    }
    return {};
}

void DispatcherController::setAutoRestart(bool on)
{
    m_autoRestart = on;
    if (!on && m_restartTimer.isActive()) {
        m_restartTimer.stop();
        m_recovering = false;
        setLink(Link::Idle);
    }
}

void DispatcherController::setCheckTimeout(int seconds)
{
    m_checkTimeoutSec = qBound(1, seconds, 300);
}

QString DispatcherController::checkLineFor(const LaunchConfig& config, QString* error)
{
    if (config.role != LaunchConfig::Role::Client || config.transports.isEmpty()) return {};
    const QString transport = config.transports.first();
    const QJsonObject options = config.options.value(transport);
    const QString server = options.value(QStringLiteral("serverAddress")).toString();
    if (server.isEmpty()) return {}; // the bridge comes with each connection (tor): nothing to check up front
    bridge::ImportedBridge b;
    b.transport = transport;
    b.serverAddress = server;
    b.options = options;
    return bridge::formatBridgeLine(b, error);
}

void DispatcherController::resetRun()
{
    m_stopping = false;
    m_errorText.clear();
    m_address.clear();
    m_methodTransport.clear();
    m_methodArgs.clear();
    m_lastStderr.clear();
    m_stdout = ipc::LineSplitter(kMaxLineBytes);
    m_stderr = ipc::LineSplitter(kMaxLineBytes);
    m_handshakes.clear();
    m_okSinceLaunch = 0;
    if (m_checker && m_checkId) m_checker->cancel(m_checkId);
    m_checkId = 0;
    m_recheckTimer.stop();
}

void DispatcherController::start(const LaunchConfig& config)
{
    if (m_process) return;
    m_restartTimer.stop();
    m_recovering = false;
    m_attempt = 0;
    m_config = config;
    m_userLogLevel = ipc::parseLogLevel(config.logLevel).value_or(ipc::LogLevel::None);
    m_boundAddrs.clear();
    resetRun();
    setState(State::Starting);
    setLink(Link::Connecting);
    // Deferred so that a caller connecting signals after start() sees every one.
    QMetaObject::invokeMethod(
        this, [this] { launch(m_config); }, Qt::QueuedConnection);
}

void DispatcherController::restartNow()
{
    if (m_process) return;
    resetRun();
    setState(State::Starting);
    setLink(Link::Connecting);
    launch(m_config);
}

void DispatcherController::launch(const LaunchConfig& config)
{
    if (m_state != State::Starting || m_process) return; // stopped before we got here
    const QString program = m_program.isEmpty() ? findDispatcher() : m_program;
    if (program.isEmpty()) {
        fail(tr("ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)"));
        if (m_recovering && m_autoRestart)
            scheduleRestart();
        else
            setLink(Link::Idle);
        return;
    }
    LaunchConfig c = config;
    c.exitOnStdinClose = true; // so the child ends with us even if we die
    // STATUS (the handshake counters the link follows) is only sent at INFO or more;
    // LOG lines below the profile's own level are dropped in handleLine.
    if (m_userLogLevel < ipc::LogLevel::Info) c.logLevel = QStringLiteral("INFO");
    if (m_recovering) {
        // Listen where the previous child did: whatever points at it keeps working.
        if (c.role == LaunchConfig::Role::Client) {
            const QStringList bound(m_boundAddrs.cbegin(), m_boundAddrs.cend());
            if (!bound.isEmpty() && bound.count(bound.first()) == bound.size() &&
                asksForAnyPort(c.proxyListenAddr))
                c.proxyListenAddr = bound.first();
        } else {
            for (const QString& t : c.transports) {
                if (m_boundAddrs.contains(t) && asksForAnyPort(c.bindAddrs.value(t)))
                    c.bindAddrs.insert(t, m_boundAddrs.value(t));
            }
        }
    }
    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DispatcherController::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &DispatcherController::readStderr);
    connect(m_process, &QProcess::finished, this, &DispatcherController::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &DispatcherController::onProcessError);
#ifdef Q_OS_WIN
    // Inherited by the child: a dispatcher whose DLL is missing then exits with
    // STATUS_DLL_NOT_FOUND (named in onFinished) instead of waiting on a hidden
    // "system error" box.
    ::SetErrorMode(::GetErrorMode() | SEM_FAILCRITICALERRORS);
#endif
    m_process->start(program, c.toArguments());
    m_runClock.start();

    m_launchedProgram = program;
    QString whyNot;
    checkLineFor(config, &whyNot);
    if (!whyNot.isEmpty()) {
        // The link then follows the STATUS keys alone.
        Q_EMIT logLine(ipc::LogLevel::Warn, tr("the bridge cannot be checked at start: %1").arg(whyNot));
    }
    runCheck();
}

void DispatcherController::runCheck()
{
    const QString line = checkLineFor(m_config);
    if (line.isEmpty()) return;
    if (!m_checker) {
        m_checker = new BridgeChecker(this);
        connect(m_checker, &BridgeChecker::finished, this, &DispatcherController::onCheckFinished);
    }
    if (m_checkId) m_checker->cancel(m_checkId);
    m_checker->setProgram(m_launchedProgram);
    m_checker->setCheckTimeout(m_checkTimeoutSec);
    m_checkId = m_checker->check(line, m_config.proxy);
}

void DispatcherController::armRecheck()
{
    if (m_process && !m_stopping && !m_recheckTimer.isActive() && !checkLineFor(m_config).isEmpty())
        m_recheckTimer.start();
}

void DispatcherController::stop()
{
    m_recovering = false;
    m_recheckTimer.stop();
    if (m_checker && m_checkId) m_checker->cancel(m_checkId);
    m_checkId = 0;
    if (m_restartTimer.isActive()) {
        m_restartTimer.stop();
        setState(State::Stopped);
        setLink(Link::Idle);
        return;
    }
    if (!m_process) {
        if (m_state == State::Starting) setState(State::Stopped); // launch not yet run
        setLink(Link::Idle);
        return;
    }
    if (m_stopping) return;
    m_stopping = true;
    m_process->closeWriteChannel();
    m_terminateTimer.start(m_graceMs);
}

void DispatcherController::readStdout()
{
    if (!m_process) return;
    const auto lines = m_stdout.feed(m_process->readAllStandardOutput());
    for (const auto& l : lines)
        handleLine(l, false);
}

void DispatcherController::readStderr()
{
    if (!m_process) return;
    const auto lines = m_stderr.feed(m_process->readAllStandardError());
    for (const auto& l : lines)
        handleLine(l, true);
}

void DispatcherController::handleLine(const ipc::LineSplitter::Line& line, bool fromStderr)
{
    const ipc::Message m = ipc::parse(line.text);
    if (fromStderr) {
        m_lastStderr.append(QString::fromUtf8(line.text));
        while (m_lastStderr.size() > kStderrKeep)
            m_lastStderr.removeFirst();
    }
    switch (m.kind) {
    case ipc::Kind::Log:
        // The child runs at INFO or more for STATUS; show only what the profile asked for.
        if (m_userLogLevel != ipc::LogLevel::None && m.level <= m_userLogLevel)
            Q_EMIT logLine(m.level, m.text);
        break;
    case ipc::Kind::Status:
        Q_EMIT statusReceived(m.args);
        onStatus(m.args);
        break;
    case ipc::Kind::CMethod:
    case ipc::Kind::SMethod:
        if (!m.transport.isEmpty() && !m.address.isEmpty()) m_boundAddrs.insert(m.transport, m.address);
        if (m_address.isEmpty()) {
            m_address = m.address;
            m_methodTransport = m.transport;
            m_methodArgs = m.args;
        }
        Q_EMIT methodReady(m.transport, m.address);
        break;
    case ipc::Kind::CMethodsDone:
    case ipc::Kind::SMethodsDone:
        if (m_state == State::Starting) {
            if (m_address.isEmpty()) {
                fail(tr("the dispatcher offers no method for this profile"));
            } else {
                setState(State::Running);
                // A server's link is its listener: up means reachable from here on.
                if (m.kind == ipc::Kind::SMethodsDone) {
                    m_attempt = 0;
                    setLink(Link::Connected);
                }
            }
        }
        break;
    case ipc::Kind::VersionError:
    case ipc::Kind::EnvError:
    case ipc::Kind::ProxyError:
        fail(m.text);
        break;
    case ipc::Kind::CMethodError:
    case ipc::Kind::SMethodError:
        fail(m.transport + QStringLiteral(": ") + m.text);
        break;
    case ipc::Kind::Unknown:
        // Not IPC (e.g. a stray message on stderr): still worth showing.
        if (fromStderr && !line.text.trimmed().isEmpty())
            Q_EMIT logLine(ipc::LogLevel::Warn, QString::fromUtf8(line.text));
        break;
    default:
        break;
    }
}

void DispatcherController::fail(const QString& text)
{
    if (m_state == State::Error) return; // keep the first, most specific error
    m_errorText = text;
    setState(State::Error);
}

void DispatcherController::onProcessError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart) {
        fail(tr("cannot start %1: %2").arg(m_process->program(), m_process->errorString()));
        m_process->deleteLater();
        m_process = nullptr;
        if (m_checker && m_checkId) m_checker->cancel(m_checkId);
        m_checkId = 0;
        if (m_recovering && m_autoRestart && !m_stopping)
            scheduleRestart();
        else
            setLink(Link::Idle);
        Q_EMIT finished();
    }
}

void DispatcherController::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readStdout();
    readStderr();
    if (auto rest = m_stdout.finish()) handleLine(*rest, false);
    if (auto rest = m_stderr.finish()) handleLine(*rest, true);
    m_terminateTimer.stop();
    m_killTimer.stop();
    const bool onPurpose = m_stopping;
    m_stopping = false;
    m_process->deleteLater();
    m_process = nullptr;

    if (m_checker && m_checkId) m_checker->cancel(m_checkId);
    m_checkId = 0;
    m_recheckTimer.stop();

    if (onPurpose) {
        m_recovering = false;
        if (m_state != State::Error) setState(State::Stopped);
        setLink(Link::Idle);
    } else if (m_state != State::Error) {
        // It went away on its own without telling us why: that is a crash.
        QString reason = status == QProcess::CrashExit
                             ? tr("the dispatcher crashed")
                             : tr("the dispatcher exited unexpectedly (code %1)").arg(exitCode);
#ifdef Q_OS_WIN
        if (exitCode == kDllNotFound)
            reason = tr("the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)");
#endif
        // The restart is scheduled first, so that whoever handles the Error state or
        // crashed() already sees restartPending() (and does not, say, restore the
        // system proxy for good).
        if (m_autoRestart)
            scheduleRestart();
        else
            setLink(Link::Idle);
        fail(reason);
        Q_EMIT crashed(reason, m_lastStderr);
    } else if (m_recovering && m_autoRestart) {
        // A restart that failed with a named error (e.g. the old port taken meanwhile):
        // it ran before with this profile, so keep trying, with backoff.
        scheduleRestart();
    } else {
        setLink(Link::Idle);
    }
    Q_EMIT finished();
}

void DispatcherController::scheduleRestart()
{
    if (m_runClock.isValid() && m_runClock.elapsed() >= kStableRunMs) m_attempt = 0;
    ++m_attempt;
    const int seconds = m_attempt > 6 ? kMaxBackoffSec : qMin(kMaxBackoffSec, 1 << (m_attempt - 1));
    m_recovering = true;
    m_restartTimer.start(seconds * 1000);
    //: the dispatcher stopped by itself; %1 seconds until the next try, %2 counts the tries
    setLink(Link::Reconnecting, tr("Reconnecting in %1 s (attempt %2)").arg(seconds).arg(m_attempt));
    Q_EMIT reconnectScheduled(seconds, m_attempt);
}

void DispatcherController::handshakeSucceeded()
{
    m_attempt = 0; // a working bridge: the next failure starts the backoff anew
    m_recheckTimer.stop();
    setLink(Link::Connected);
}

void DispatcherController::onStatus(const QList<std::pair<QString, QString>>& values)
{
    if (m_config.role != LaunchConfig::Role::Client || !m_process) return;
    const QString transport = statusValue(values, "TRANSPORT");
    const qint64 ok = counterValue(values, "HANDSHAKES-OK");
    const qint64 failed = counterValue(values, "HANDSHAKES-FAILED");
    if (ok < 0 && failed < 0)
        return; // a dispatcher without the handshake keys, or values that are not counts
    Counters& c = m_handshakes[transport];
    // Counts only grow within one child; a smaller one is a fresh start, counted from 0.
    const qint64 dOk = ok < 0 ? 0 : ok - (ok < c.ok ? 0 : c.ok);
    const qint64 dFailed = failed < 0 ? 0 : failed - (failed < c.failed ? 0 : c.failed);
    if (ok >= 0) c.ok = ok;
    if (failed >= 0) c.failed = failed;
    if (dOk > 0) {
        m_okSinceLaunch += dOk;
        handshakeSucceeded();
    } else if (dFailed > 0) {
        QString code = statusValue(values, "LAST-ERROR");
        if (code.isEmpty()) code = QStringLiteral("error");
        setLink(Link::Unreachable, failureText(code, statusValue(values, "LAST-ERROR-TEXT")));
        armRecheck();
    }
}

void DispatcherController::onCheckFinished(int id, const CheckResult& r)
{
    if (id != m_checkId) return; // a check of an earlier child
    m_checkId = 0;
    if (!m_process || m_stopping) return;
    if (r.ok)
        handshakeSucceeded();
    else if (m_okSinceLaunch == 0) { // real traffic got through: that outweighs the check
        setLink(Link::Unreachable, r.text);
        armRecheck();
    }
}

void DispatcherController::setLink(Link link, const QString& text)
{
    const QString t = text.isEmpty() ? linkName(link) : text;
    if (link == m_link && t == m_linkText) return;
    m_link = link;
    m_linkText = t;
    Q_EMIT linkChanged(link, t);
}

void DispatcherController::setState(State s)
{
    if (s == m_state) return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

} // namespace pt::gui
