#include "BridgeChecker.h"

#include "DispatcherController.h"
#include "FailureText.h"

#include <QProcessEnvironment>
#include <QTimer>

namespace pt::gui {

namespace {
constexpr int kMaxOutput = 64 * 1024; // one line is expected; more is cut, never buffered without bound
const QString kError = QStringLiteral("error");

bool parseMs(const QString& s, int* out)
{
    bool ok = false;
    const qlonglong v = s.toLongLong(&ok);
    if (!ok || v < 0 || v > 24LL * 3600 * 1000) return false;
    *out = int(v);
    return true;
}

// A check that went wrong on our side (the child, not the bridge).
CheckResult internalFailure(const QString& detail)
{
    CheckResult r;
    r.code = kError;
    r.detail = detail;
    //: %1 says what went wrong with the check itself (the ptdispatcher child)
    r.text = BridgeChecker::tr("The bridge check did not work: %1").arg(detail);
    return r;
}
} // namespace

BridgeChecker::BridgeChecker(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<pt::gui::CheckResult>();
}

BridgeChecker::~BridgeChecker()
{
    cancelAll();
}

void BridgeChecker::setCheckTimeout(int seconds)
{
    m_timeoutSec = qBound(1, seconds, 300);
}

int BridgeChecker::check(const QString& line, const QString& proxyUrl)
{
    const int id = m_nextId++;
    if (m_nextId <= 0) m_nextId = 1;
    m_queue.append(Queued{id, line, proxyUrl});
    startQueued();
    return id;
}

void BridgeChecker::reportLater(int id, const CheckResult& r)
{
    m_toReport.insert(id);
    QMetaObject::invokeMethod(
        this,
        [this, id, r] {
            if (m_toReport.remove(id)) Q_EMIT finished(id, r);
        },
        Qt::QueuedConnection);
}

void BridgeChecker::startQueued()
{
    while (!m_queue.isEmpty() && m_runs.size() < m_maxParallel)
        startRun(m_queue.takeFirst());
}

void BridgeChecker::startRun(const Queued& q)
{
    const int id = q.id;
    const QString program = m_program.isEmpty() ? DispatcherController::findDispatcher() : m_program;
    if (program.isEmpty()) {
        const CheckResult r =
            internalFailure(tr("ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)"));
        reportLater(id, r);
        return;
    }

    Run run;
    run.process = new QProcess(this);
    run.deadline = new QTimer(this);
    run.deadline->setSingleShot(true);
    // The dispatcher switches to Tor's managed mode when it sees TOR_PT_* variables.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& k : env.keys())
        if (k.startsWith(QLatin1String("TOR_PT_"))) env.remove(k);
    run.process->setProcessEnvironment(env);
    QStringList args{QStringLiteral("-check-timeout"), QString::number(m_timeoutSec)};
    if (!q.proxyUrl.isEmpty()) args << QStringLiteral("-proxy") << q.proxyUrl;
    args << QStringLiteral("-check") << q.line;
    QProcess* p = run.process;
    connect(p, &QProcess::readyReadStandardOutput, this, [this, id] {
        auto it = m_runs.find(id);
        if (it == m_runs.end()) return;
        const QByteArray more = it->process->readAllStandardOutput();
        if (it->out.size() < kMaxOutput) it->out += more.left(kMaxOutput - it->out.size());
    });
    // stderr is not part of the answer; read it so a chatty child never blocks on a full pipe.
    connect(p, &QProcess::readyReadStandardError, this, [p] { p->readAllStandardError(); });
    connect(p, &QProcess::finished, this,
            [this, id](int code, QProcess::ExitStatus st) { onFinished(id, code, st); });
    connect(p, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError e) { onError(id, e); });
    connect(run.deadline, &QTimer::timeout, this, [this, id] {
        auto it = m_runs.find(id);
        if (it == m_runs.end()) return;
        it->timedOut = true;
        it->process->kill(); // finished() follows
    });
    m_runs.insert(id, run);
    run.deadline->start(m_timeoutSec * 1000 + m_marginMs);
    p->start(program, args);
    p->closeWriteChannel();
}

void BridgeChecker::onError(int id, QProcess::ProcessError error)
{
    // Every other error is followed by finished().
    if (error != QProcess::FailedToStart) return;
    auto it = m_runs.find(id);
    if (it == m_runs.end()) return;
    const CheckResult r =
        internalFailure(tr("cannot start %1: %2").arg(it->process->program(), it->process->errorString()));
    discard(id);
    // May come from inside start(): report later, as check() promises.
    reportLater(id, r);
    startQueued();
}

void BridgeChecker::onFinished(int id, int exitCode, QProcess::ExitStatus status)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end()) return;
    const QByteArray rest = it->process->readAllStandardOutput();
    if (it->out.size() < kMaxOutput) it->out += rest.left(kMaxOutput - it->out.size());
    CheckResult r;
    if (it->timedOut)
        r = internalFailure(
            tr("it gave no answer within %1 s").arg((m_timeoutSec * 1000 + m_marginMs + 999) / 1000));
    else
        r = parseOutput(it->out, exitCode, status == QProcess::NormalExit);
    finish(id, r);
}

void BridgeChecker::finish(int id, const CheckResult& r)
{
    discard(id);
    startQueued();
    Q_EMIT finished(id, r);
}

void BridgeChecker::discard(int id)
{
    auto it = m_runs.find(id);
    if (it == m_runs.end()) return;
    Run run = *it;
    m_runs.erase(it);
    run.deadline->stop();
    run.deadline->deleteLater();
    run.process->disconnect(this);
    if (run.process->state() != QProcess::NotRunning) {
        run.process->kill();
        // Reaped by QProcess when it sees the exit; deleted after that, not before.
        connect(run.process, &QProcess::finished, run.process, &QObject::deleteLater);
        run.process->setParent(nullptr); // outlives us if we go first: QProcess's destructor would block
    } else {
        run.process->deleteLater();
    }
}

void BridgeChecker::cancel(int id)
{
    m_toReport.remove(id);
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).id == id) {
            m_queue.removeAt(i);
            return;
        }
    }
    discard(id);
    startQueued();
}

void BridgeChecker::cancelAll()
{
    m_toReport.clear();
    m_queue.clear();
    const auto ids = m_runs.keys();
    for (int id : ids)
        discard(id);
}

CheckResult BridgeChecker::parseOutput(const QByteArray& stdoutBytes, int exitCode, bool normalExit)
{
    QString answer;
    const QList<QByteArray> lines = stdoutBytes.split('\n');
    for (const QByteArray& raw : lines) {
        const QString l = QString::fromUtf8(raw).trimmed();
        if (l.startsWith(QLatin1String("CHECK OK")) || l.startsWith(QLatin1String("CHECK-ERROR"))) {
            answer = l;
            break;
        }
    }
    if (answer.isEmpty()) {
        if (!normalExit) return internalFailure(tr("ptdispatcher crashed"));
        QString first = QString::fromUtf8(stdoutBytes.left(200)).simplified();
        if (first.isEmpty())
            return internalFailure(tr("ptdispatcher gave no answer (exit code %1)").arg(exitCode));
        return internalFailure(tr("ptdispatcher gave an answer that is not understood: %1").arg(first));
    }

    const QStringList words = answer.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.first() == QLatin1String("CHECK-ERROR")) {
        CheckResult r;
        QString code = words.size() > 1 ? words.at(1) : QString();
        QString detail = words.mid(2).join(QLatin1Char(' '));
        if (!FailureText::isKnownCode(code)) {
            detail = QString(code + QLatin1Char(' ') + detail).trimmed();
            code = kError;
        }
        r.code = code;
        r.detail = detail;
        r.text = failureText(code, detail);
        return r;
    }

    // CHECK OK transport=<t> tcp_ms=<n> handshake_ms=<n>
    CheckResult r;
    bool haveTcp = false, haveHs = false;
    bool bad = words.size() < 2 || words.at(1) != QLatin1String("OK");
    for (int i = 2; i < words.size() && !bad; ++i) {
        const QString& w = words.at(i);
        const int eq = w.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            bad = true;
            break;
        }
        const QString k = w.left(eq), v = w.mid(eq + 1);
        if (k == QLatin1String("transport"))
            r.transport = v;
        else if (k == QLatin1String("tcp_ms"))
            bad = !(haveTcp = parseMs(v, &r.tcpMs));
        else if (k == QLatin1String("handshake_ms"))
            bad = !(haveHs = parseMs(v, &r.handshakeMs));
        // other keys: a newer dispatcher may add some; ignored
    }
    if (bad || r.transport.isEmpty() || !haveTcp || !haveHs)
        return internalFailure(
            tr("ptdispatcher gave an answer that is not understood: %1").arg(answer.left(200)));
    if (!normalExit || exitCode != 0)
        return internalFailure(tr("ptdispatcher said OK but exited with code %1").arg(exitCode));
    r.ok = true;
    return r;
}

} // namespace pt::gui
