#include "DispatcherController.h"

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
    const QString env = qEnvironmentVariable("PTDISPATCHER_BIN");
    if (!env.isEmpty()) return env;
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList dirs{appDir, appDir + QStringLiteral("/../dispatcher")};
    for (const QString& dir : dirs) {
        const QString found = executableIn(dir);
        if (!found.isEmpty()) return found;
    }
    return QStandardPaths::findExecutable(QStringLiteral("ptdispatcher"));
}

qint64 DispatcherController::pid() const
{
    return m_process ? m_process->processId() : 0;
}

void DispatcherController::start(const LaunchConfig& config)
{
    if (m_process) return;
    m_stopping = false;
    m_errorText.clear();
    m_address.clear();
    m_methodTransport.clear();
    m_methodArgs.clear();
    m_lastStderr.clear();
    m_stdout = ipc::LineSplitter(kMaxLineBytes);
    m_stderr = ipc::LineSplitter(kMaxLineBytes);
    setState(State::Starting);
    // Deferred so that a caller connecting signals after start() sees every one.
    QMetaObject::invokeMethod(this, [this, config] { launch(config); }, Qt::QueuedConnection);
}

void DispatcherController::launch(const LaunchConfig& config)
{
    if (m_state != State::Starting || m_process) return; // stopped before we got here
    const QString program = m_program.isEmpty() ? findDispatcher() : m_program;
    if (program.isEmpty()) {
        fail(tr("ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)"));
        return;
    }
    LaunchConfig c = config;
    c.exitOnStdinClose = true; // so the child ends with us even if we die
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
}

void DispatcherController::stop()
{
    if (!m_process) {
        if (m_state == State::Starting) setState(State::Stopped); // launch not yet run
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
        Q_EMIT logLine(m.level, m.text);
        break;
    case ipc::Kind::Status:
        Q_EMIT statusReceived(m.args);
        break;
    case ipc::Kind::CMethod:
    case ipc::Kind::SMethod:
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
            if (m_address.isEmpty())
                fail(tr("the dispatcher offers no method for this profile"));
            else
                setState(State::Running);
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

    if (onPurpose) {
        if (m_state != State::Error) setState(State::Stopped);
    } else if (m_state != State::Error) {
        // It went away on its own without telling us why: that is a crash.
        QString reason = status == QProcess::CrashExit
                             ? tr("the dispatcher crashed")
                             : tr("the dispatcher exited unexpectedly (code %1)").arg(exitCode);
#ifdef Q_OS_WIN
        if (exitCode == kDllNotFound)
            reason = tr("the dispatcher could not start: a DLL it needs is missing (reinstall ptdispatcher)");
#endif
        fail(reason);
        Q_EMIT crashed(reason, m_lastStderr);
    }
    Q_EMIT finished();
}

void DispatcherController::setState(State s)
{
    if (s == m_state) return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

} // namespace pt::gui
