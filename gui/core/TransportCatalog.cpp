#include "TransportCatalog.h"

#include "DispatcherController.h"

namespace pt::gui {

namespace {
// The description is a few kilobytes; anything this large is not one.
constexpr qsizetype kMaxOutput = 1024 * 1024;
} // namespace

TransportCatalog::TransportCatalog(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_process) return;
        // Reported when the child is gone (onFinished), so no QProcess outlives it.
        m_killedBecause = tr("ptdispatcher -describe-transports did not answer within %1 s")
                              .arg(double(m_timeoutMs) / 1000.0);
        m_process->kill();
    });
}

TransportCatalog::~TransportCatalog()
{
    // Closed at start-up before the child answered: it exits by itself within
    // milliseconds; only its end is awaited, briefly, so nothing outlives us.
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

const describe::Transport* TransportCatalog::find(const QString& name) const
{
    for (const describe::Transport& t : m_transports)
        if (t.name == name) return &t;
    return nullptr;
}

void TransportCatalog::load()
{
    if (m_process) return;
    const QString program = m_program.isEmpty() ? DispatcherController::findDispatcher() : m_program;
    m_state = State::Loading;
    if (program.isEmpty()) {
        fail(tr("ptdispatcher not found (set PTDISPATCHER_BIN or put it next to the GUI)"));
        return;
    }
    m_out.clear();
    m_err.clear();
    m_killedBecause.clear();
    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_out += m_process->readAllStandardOutput();
        if (m_out.size() > kMaxOutput && m_killedBecause.isEmpty()) {
            m_killedBecause =
                tr("ptdispatcher -describe-transports printed more than %1 bytes").arg(kMaxOutput);
            m_process->kill();
        }
    });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { m_err += m_process->readAllStandardError().left(4096); });
    connect(m_process, &QProcess::finished, this, &TransportCatalog::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        const QString why = tr("cannot start %1: %2").arg(m_process->program(), m_process->errorString());
        m_process->deleteLater();
        m_process = nullptr;
        m_timer.stop();
        fail(why);
    });
    m_process->closeWriteChannel();
    m_timer.start(m_timeoutMs);
    m_process->start(program, {QStringLiteral("-describe-transports")});
}

void TransportCatalog::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_timer.stop();
    m_out += m_process->readAllStandardOutput();
    m_err += m_process->readAllStandardError();
    m_process->deleteLater();
    m_process = nullptr;
    const QString stderrText = QString::fromUtf8(m_err).trimmed().section(QLatin1Char('\n'), 0, 0);
    if (!m_killedBecause.isEmpty()) {
        fail(m_killedBecause);
        return;
    }
    if (status != QProcess::NormalExit) {
        fail(tr("ptdispatcher -describe-transports crashed"));
        return;
    }
    if (exitCode != 0) {
        // A dispatcher older than the flag answers ENV-ERROR "unknown flag".
        fail(stderrText.contains(QLatin1String("describe-transports"))
                 ? tr("this ptdispatcher cannot describe its transports (too old?): %1").arg(stderrText)
                 : tr("ptdispatcher -describe-transports failed (exit code %1): %2")
                       .arg(exitCode)
                       .arg(stderrText));
        return;
    }
    setDescription(m_out, nullptr);
}

bool TransportCatalog::setDescription(const QByteArray& json, QString* error)
{
    QString why;
    std::optional<QList<describe::Transport>> parsed = describe::fromJson(json, &why);
    if (!parsed) {
        const QString text = tr("cannot read what ptdispatcher -describe-transports printed: %1").arg(why);
        if (error) *error = text;
        fail(text);
        return false;
    }
    m_transports = std::move(*parsed);
    m_error.clear();
    m_state = State::Ready;
    Q_EMIT loaded();
    return true;
}

void TransportCatalog::fail(const QString& error)
{
    m_error = error;
    m_state = State::Failed;
    Q_EMIT failed(error);
}

} // namespace pt::gui
