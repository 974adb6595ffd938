#pragma once

// Runs one ptdispatcher child for the GUI: builds its argv only through LaunchConfig,
// reads its IPC lines (LineSplitter + ipc::parse) and turns them into a small state
// machine plus signals. Never blocks the GUI thread (no waitFor*): start is deferred by a
// queued call and stop escalates close-stdin -> terminate -> kill on timers.

#include "shared/ipc/IpcMessage.h"
#include "shared/launch/LaunchConfig.h"

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace pt::gui {

class DispatcherController : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Stopped,
        Starting,
        Running,
        Error
    };
    Q_ENUM(State)

    explicit DispatcherController(QObject* parent = nullptr);
    ~DispatcherController() override;

    // PTDISPATCHER_BIN, else next to the application (also ../dispatcher/ for the build
    // tree), else PATH. Empty if nothing was found.
    static QString findDispatcher();
    // Overrides findDispatcher() (tests, or a user setting).
    void setProgram(const QString& path) { m_program = path; }
    // How long stop() waits before terminate(), and again before kill().
    void setStopGraceMs(int ms) { m_graceMs = ms; }

    State state() const { return m_state; }
    QString errorText() const { return m_errorText; }
    // CMETHOD / SMETHOD address of the first method reported (empty until then).
    QString address() const { return m_address; }
    QString methodTransport() const { return m_methodTransport; }
    QList<std::pair<QString, QString>> methodArgs() const { return m_methodArgs; }
    bool isActive() const { return m_process != nullptr; }
    qint64 pid() const;

    // Starts a child with config (exit-on-stdin-close is forced on). Ignored while a
    // child is still running.
    void start(const LaunchConfig& config);
    // Stops on purpose: never reported as a crash.
    void stop();

Q_SIGNALS:
    void stateChanged(pt::gui::DispatcherController::State state);
    void logLine(pt::ipc::LogLevel level, const QString& text);
    // STATUS key/value pairs as the dispatcher sent them (TRANSPORT, BYTES-UP, ...).
    void statusReceived(const QList<std::pair<QString, QString>>& values);
    void methodReady(const QString& transport, const QString& address);
    // The child exited without being asked to; lastStderr holds its last stderr lines.
    void crashed(const QString& reason, const QStringList& lastStderr);
    void finished();

private:
    void launch(const LaunchConfig& config);
    void readStdout();
    void readStderr();
    void handleLine(const ipc::LineSplitter::Line& line, bool fromStderr);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void setState(State s);
    void fail(const QString& text);

    QString m_program;
    QProcess* m_process = nullptr;
    ipc::LineSplitter m_stdout;
    ipc::LineSplitter m_stderr;
    QStringList m_lastStderr;
    QTimer m_terminateTimer;
    QTimer m_killTimer;
    State m_state = State::Stopped;
    QString m_errorText;
    QString m_address;
    QString m_methodTransport;
    QList<std::pair<QString, QString>> m_methodArgs;
    bool m_stopping = false;
    int m_graceMs = 3000;
};

} // namespace pt::gui
