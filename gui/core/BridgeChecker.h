#pragma once

// Runs `ptdispatcher -check '<bridge line or ss:// link>' [-proxy URL] -check-timeout N`
// child processes for the GUI (the Test button, the latency column, the controller's
// check at connect). Several at once, each its own QProcess; nothing here blocks the GUI
// thread. Each check gets a hard deadline beyond -check-timeout (the dispatcher's own
// timeout), after which the child is killed and the check reported as failed, so a hung
// or misbehaving child can never leave a check open.
//
// The child prints exactly one line (contract B):
//   CHECK OK transport=<t> tcp_ms=<n> handshake_ms=<n>      exit 0
//   CHECK-ERROR <code> <English detail>                      exit 1 (64 when invalid)
// Anything else (no line, garbage, an exit code that does not match the line, a crash)
// is a failure with code "error" and words saying what went wrong.

#include <QByteArray>
#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QProcess>
#include <QSet>
#include <QString>

class QTimer;

namespace pt::gui {

struct CheckResult
{
    bool ok = false;
    QString transport;    // ok: as the child reported it
    int tcpMs = -1;       // ok: time to the TCP connection to the first hop (proxy or bridge)
    int handshakeMs = -1; // ok: from there to the transport's handshake being done
    QString code;         // failure: refused | timeout | unreachable | dns | closed | tls |
                          // http | proxy | invalid | error (see FailureText.h)
    QString text;         // failure: translated plain words for code, plus the detail
    QString detail;       // failure: the English detail alone (logs, tooltips)
};

class BridgeChecker : public QObject
{
    Q_OBJECT
public:
    explicit BridgeChecker(QObject* parent = nullptr);
    // Kills the checks still running; their finished() is not emitted.
    ~BridgeChecker() override;

    // The ptdispatcher to run; default DispatcherController::findDispatcher() at the
    // time of each check.
    void setProgram(const QString& path) { m_program = path; }
    // -check-timeout in seconds (1..300, clamped); default 15.
    void setCheckTimeout(int seconds);
    int checkTimeout() const { return m_timeoutSec; }
    // How long after -check-timeout a child still running is killed (default 10 s:
    // a slow start, e.g. under wine, must not be mistaken for a hang).
    void setKillMarginMs(int ms) { m_marginMs = ms; }
    // At most this many children run at once (default 8, at least 1); further checks
    // wait for a free slot, in the order they were asked for (a long profile list
    // tested at once must not start a hundred processes).
    void setMaxParallel(int n) { m_maxParallel = qMax(1, n); }

    // Starts a check of line (a Tor bridge line or an ss:// link), through proxyUrl (the
    // -proxy syntax) when it is not empty. Returns its id (> 0); finished(id, ...) follows
    // exactly once, always asynchronously (also when the program cannot be started).
    int check(const QString& line, const QString& proxyUrl = {});
    // Stops a running check without reporting it. Unknown ids are ignored.
    void cancel(int id);
    void cancelAll();
    // Checks asked for and not yet finished (running or waiting for a slot).
    int runningCount() const { return int(m_runs.size() + m_queue.size() + m_toReport.size()); }
    // Children running right now (at most the setMaxParallel() value).
    int activeCount() const { return int(m_runs.size()); }

    // Turns a finished child's stdout and exit into a result (public for tests).
    // stdoutBytes: everything it printed; normalExit: QProcess::NormalExit.
    static CheckResult parseOutput(const QByteArray& stdoutBytes, int exitCode, bool normalExit);

Q_SIGNALS:
    void finished(int id, const pt::gui::CheckResult& result);

private:
    struct Run
    {
        QProcess* process = nullptr;
        QTimer* deadline = nullptr;
        QByteArray out;
        bool timedOut = false;
    };
    struct Queued
    {
        int id;
        QString line;
        QString proxyUrl;
    };
    void startRun(const Queued& q);
    void reportLater(int id, const CheckResult& r);
    void startQueued();
    void onFinished(int id, int exitCode, QProcess::ExitStatus status);
    void onError(int id, QProcess::ProcessError error);
    void finish(int id, const CheckResult& r);
    void discard(int id);

    QString m_program;
    int m_timeoutSec = 15;
    int m_marginMs = 10000;
    int m_maxParallel = 8;
    int m_nextId = 1;
    QHash<int, Run> m_runs;
    QList<Queued> m_queue;
    QSet<int> m_toReport; // failures found before a child ran, reported from the event loop
};

} // namespace pt::gui

Q_DECLARE_METATYPE(pt::gui::CheckResult)
