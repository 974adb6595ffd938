#pragma once

// Runs one ptdispatcher child for the GUI: builds its argv only through LaunchConfig,
// reads its IPC lines (LineSplitter + ipc::parse) and turns them into a small state
// machine plus signals. Never blocks the GUI thread (no waitFor*): start is deferred by a
// queued call and stop escalates close-stdin -> terminate -> kill on timers.
//
// Two views of one child:
// - State: the process (Stopped, Starting, Running = methods reported, Error).
// - Link: whether the bridge works (issue 16, contract D):
//     Idle          no child, no restart pending
//     Connecting    a client child is starting or running, nothing has succeeded yet
//     Connected     a handshake succeeded: the -check run at start passed, or the
//                   STATUS key HANDSHAKES-OK grew; a server: its SMETHODs are up
//     Unreachable   the check failed, or HANDSHAKES-FAILED grew in a STATUS update in
//                   which HANDSHAKES-OK did not (linkText() says why, in plain words)
//     Reconnecting  the child exited without being asked; a restart is scheduled
//   The latest evidence wins: a Connected link becomes Unreachable when new handshakes
//   fail and none succeed, and Unreachable becomes Connected when one succeeds.
//   For a client profile whose options name a serverAddress, start() also runs one
//   `ptdispatcher -check` of that bridge (the line pt::bridge::formatBridgeLine makes,
//   through the profile's -proxy), so the link is decided within the check timeout even
//   before anything connects through it. Servers are never checked; a client without a
//   serverAddress (its bridge comes per connection) stays Connecting until a STATUS
//   line shows a handshake.
//   The child is always launched at -ipcLogLevel INFO or more (STATUS is only sent
//   then); LOG lines below the profile's own level are dropped here, so logLine()
//   still honours it.
//
// Recovery (setAutoRestart(true)): when the child exits without stop() (a crash, a
// kill, or an error exit while already recovering), a restart is scheduled after 1, 2,
// 4, ... 60 s (the delay doubles per attempt; it starts again at 1 s after a run that
// lasted 60 s or after a successful handshake). The restart listens on the address the
// previous child had (a port-0 -proxylistenaddr / -bindaddr becomes the port it got), so
// a browser or the system proxy pointing at it keeps working. stop() cancels a pending
// restart; nothing restarts after it. An error the dispatcher names at the first start
// (ENV-ERROR, CMETHOD-ERROR, ...) is not retried: the profile must change first.
// While a restart is pending there is no child: isActive() is false, state() is Error
// (the crash), restartPending() is true; the restart is scheduled before
// stateChanged(Error) and crashed() are emitted, so their handlers already see it.
// A changed network (new Wi-Fi, VPN up/down) needs no restart: the dispatcher keeps no
// connection to the bridge open between uses, each SOCKS connection dials the bridge
// anew, so the next one uses whatever network is there.

#include "shared/ipc/IpcMessage.h"
#include "shared/launch/LaunchConfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace pt::gui {

class BridgeChecker;
struct CheckResult;

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

    enum class Link
    {
        Idle,
        Connecting,
        Connected,
        Unreachable,
        Reconnecting
    };
    Q_ENUM(Link)

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
    // True while a child process exists (not while only a restart is pending: see
    // restartPending()).
    bool isActive() const { return m_process != nullptr; }
    qint64 pid() const;

    // The link state (see the top of this file) and its translated plain words
    // ("Connected", "Cannot reach the bridge: no answer in time (...)", ...).
    Link link() const { return m_link; }
    QString linkText() const { return m_linkText; }
    // Plain words for a link state without a reason (Idle: "Not connected", ...).
    static QString linkName(Link link);

    // On: an exit the user did not ask for restarts the child with backoff (1, 2, 4 ..
    // 60 s). Off (the default): such an exit is only reported (crashed(), State::Error).
    // Turning it off cancels a pending restart.
    void setAutoRestart(bool on);
    bool autoRestart() const { return m_autoRestart; }
    // A restart is scheduled (link() is Reconnecting); stop() cancels it.
    bool restartPending() const { return m_restartTimer.isActive(); }
    // Restarts scheduled since start() without a reset of the backoff (1 for the first).
    int restartAttempt() const { return m_attempt; }
    // -check-timeout of the check run at start (seconds, default 15; tests use less).
    void setCheckTimeout(int seconds);
    // While the link is Unreachable, the check is run again after this long (default
    // 30 s), and again, until it passes or the link changes otherwise: a bridge that
    // comes back is noticed even when nothing is using the connection (a GUI that sets
    // the system proxy only once Connected would otherwise wait for ever).
    void setRecheckIntervalMs(int ms) { m_recheckTimer.setInterval(qMax(100, ms)); }
    // The bridge line checked at start for config (pt::bridge::formatBridgeLine of its
    // first transport, serverAddress and -options). Empty when there is nothing to check
    // (a server, or a client whose bridge comes per connection from tor), or when the
    // options cannot be written as a line: then error (if set) says why.
    static QString checkLineFor(const LaunchConfig& config, QString* error = nullptr);

    // Starts a child with config (exit-on-stdin-close is forced on). Ignored while a
    // child is still running. Cancels a pending restart and resets the backoff.
    void start(const LaunchConfig& config);
    // Stops on purpose: never reported as a crash, never restarted; cancels a pending
    // restart (then State becomes Stopped at once and finished() is not emitted, as
    // there is no child).
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
    // link() or linkText() changed.
    void linkChanged(pt::gui::DispatcherController::Link link, const QString& text);
    // A restart is scheduled in seconds; attempt counts from 1 since the last reset.
    void reconnectScheduled(int seconds, int attempt);

private:
    void launch(const LaunchConfig& config);
    void readStdout();
    void readStderr();
    void handleLine(const ipc::LineSplitter::Line& line, bool fromStderr);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void setState(State s);
    void fail(const QString& text);
    void setLink(Link link, const QString& text = {});
    void onStatus(const QList<std::pair<QString, QString>>& values);
    void onCheckFinished(int id, const CheckResult& r);
    void scheduleRestart();
    void restartNow();
    void handshakeSucceeded();
    void resetRun();
    void runCheck();
    void armRecheck();

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

    // Link and recovery
    LaunchConfig m_config;                              // as last passed to start(), for restarts
    ipc::LogLevel m_userLogLevel = ipc::LogLevel::None; // the profile's own -ipcLogLevel
    Link m_link = Link::Idle;
    QString m_linkText;
    bool m_autoRestart = false;
    bool m_recovering = false; // the running child is a restart after an unasked exit
    int m_attempt = 0;
    QTimer m_restartTimer;
    QElapsedTimer m_runClock;             // since the current child was launched
    QHash<QString, QString> m_boundAddrs; // transport -> address its METHOD line reported
    struct Counters
    {
        qint64 ok = 0;
        qint64 failed = 0;
    };
    QHash<QString, Counters> m_handshakes; // transport -> last STATUS counts
    qint64 m_okSinceLaunch = 0;            // HANDSHAKES-OK growth seen for the current child
    BridgeChecker* m_checker = nullptr;
    QString m_launchedProgram; // the ptdispatcher the current child runs (checks use it too)
    QTimer m_recheckTimer;
    int m_checkId = 0;
    int m_checkTimeoutSec = 15;
};

} // namespace pt::gui
