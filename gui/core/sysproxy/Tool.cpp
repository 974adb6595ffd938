#include "Tool.h"

#include "Backend.h"

#include <QProcess>

namespace pt::gui::sysproxy {

namespace {
QString commandText(const QString& program, const QStringList& args)
{
    QStringList shown;
    for (const QString& a : args)
        shown << (a.isEmpty() || a.contains(QLatin1Char(' ')) ? QLatin1Char('"') + a + QLatin1Char('"') : a);
    return QString(program + QLatin1Char(' ') + shown.join(QLatin1Char(' '))).trimmed();
}
} // namespace

ToolResult runTool(const QString& program, const QStringList& args, int timeoutMs)
{
    ToolResult r;
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start();
    if (!p.waitForStarted(timeoutMs)) {
        r.error = QStringLiteral("could not run %1: %2").arg(program, p.errorString());
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        r.error = QStringLiteral("%1 did not finish within %2 s")
                      .arg(commandText(program, args))
                      .arg(timeoutMs / 1000.0);
        return r;
    }
    r.out = p.readAllStandardOutput();
    const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit) {
        r.error = QStringLiteral("%1 crashed").arg(commandText(program, args));
        return r;
    }
    if (p.exitCode() != 0) {
        r.error = QStringLiteral("%1 failed (exit code %2)%3")
                      .arg(commandText(program, args))
                      .arg(p.exitCode())
                      .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + err.left(400));
        return r;
    }
    r.ok = true;
    return r;
}

QString hostPort(const QString& host, quint16 port)
{
    const bool v6 = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['));
    return (v6 ? QLatin1Char('[') + host + QLatin1Char(']') : host) + QLatin1Char(':') +
           QString::number(port);
}

} // namespace pt::gui::sysproxy
