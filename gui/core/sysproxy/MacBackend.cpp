// macOS: the SOCKS proxy of every enabled network service through networksetup.
// `-listallnetworkservices` prints a note line, then one service per line, a disabled
// one marked with a leading '*'. `-getsocksfirewallproxy <service>` prints
// "Enabled: Yes|No", "Server: <host>", "Port: <n>". networksetup sometimes reports a
// failure as "** Error: ..." with exit code 0, so that text counts as a failure too.

#include "Backend.h"
#include "Tool.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pt::gui::sysproxy {

namespace {

class MacBackend : public Backend
{
public:
    explicit MacBackend(QString program) : m_program(std::move(program)) {}

    bool snapshot(QJsonObject* saved, QString* error) override
    {
        QStringList services;
        if (!listServices(&services, error)) return false;
        QJsonArray out;
        for (const QString& s : services) {
            ToolResult r = run({QStringLiteral("-getsocksfirewallproxy"), s});
            if (!r.ok) {
                *error = r.error;
                return false;
            }
            QJsonObject entry{{QStringLiteral("service"), s}};
            bool sawEnabled = false;
            for (const QByteArray& raw : r.out.split('\n')) {
                const QString line = QString::fromUtf8(raw).trimmed();
                const int colon = line.indexOf(QLatin1Char(':'));
                if (colon < 0) continue;
                const QString name = line.left(colon).trimmed();
                const QString value = line.mid(colon + 1).trimmed();
                if (name == QLatin1String("Enabled")) {
                    entry.insert(QStringLiteral("enabled"), value == QLatin1String("Yes"));
                    sawEnabled = true;
                } else if (name == QLatin1String("Server")) {
                    entry.insert(QStringLiteral("server"), value);
                } else if (name == QLatin1String("Port")) {
                    entry.insert(QStringLiteral("port"), value.toInt());
                }
            }
            if (!sawEnabled) {
                *error = QStringLiteral("unexpected answer from %1 -getsocksfirewallproxy \"%2\": %3")
                             .arg(m_program, s, QString::fromUtf8(r.out.left(200)).trimmed());
                return false;
            }
            out.append(entry);
        }
        if (out.isEmpty()) {
            *error = QStringLiteral("networksetup lists no enabled network service");
            return false;
        }
        *saved = QJsonObject{{QStringLiteral("services"), out}};
        return true;
    }

    bool set(const QString& host, quint16 port, QString* error) override
    {
        QStringList services;
        if (!listServices(&services, error)) return false;
        for (const QString& s : services) {
            ToolResult r = run({QStringLiteral("-setsocksfirewallproxy"), s, host, QString::number(port)});
            if (r.ok) r = run({QStringLiteral("-setsocksfirewallproxystate"), s, QStringLiteral("on")});
            if (!r.ok) {
                *error = r.error;
                return false;
            }
        }
        return true;
    }

    bool restore(const QJsonObject& saved, QString* error) override
    {
        QStringList problems;
        const QJsonArray services = saved.value(QStringLiteral("services")).toArray();
        for (const auto& v : services) {
            const QJsonObject o = v.toObject();
            const QString s = o.value(QStringLiteral("service")).toString();
            if (s.isEmpty()) {
                problems << QStringLiteral("a journal entry names no service");
                continue;
            }
            // The previous server and port (empty and 0 when none was set), then the
            // previous state.
            ToolResult r = run({QStringLiteral("-setsocksfirewallproxy"), s,
                                o.value(QStringLiteral("server")).toString(),
                                QString::number(o.value(QStringLiteral("port")).toInt())});
            if (!r.ok) problems << r.error;
            r = run(
                {QStringLiteral("-setsocksfirewallproxystate"), s,
                 o.value(QStringLiteral("enabled")).toBool() ? QStringLiteral("on") : QStringLiteral("off")});
            if (!r.ok) problems << r.error;
        }
        if (services.isEmpty()) problems << QStringLiteral("the journal lists no network service");
        if (!problems.isEmpty()) {
            *error = problems.join(QLatin1String("; "));
            return false;
        }
        return true;
    }

private:
    ToolResult run(const QStringList& args)
    {
        ToolResult r = runTool(m_program, args);
        if (r.ok && r.out.contains("** Error")) {
            r.ok = false;
            r.error = QStringLiteral("%1 %2: %3")
                          .arg(m_program, args.value(0), QString::fromUtf8(r.out.left(300)).trimmed());
        }
        return r;
    }

    bool listServices(QStringList* services, QString* error)
    {
        const ToolResult r = run({QStringLiteral("-listallnetworkservices")});
        if (!r.ok) {
            *error = r.error;
            return false;
        }
        const QList<QByteArray> lines = r.out.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines[i]).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('*')) ||
                (i == 0 && line.contains(QLatin1String("asterisk"))))
                continue;
            *services << line;
        }
        return true;
    }

    QString m_program;
};

} // namespace

std::unique_ptr<Backend> makeMacBackend(const QString& program)
{
    return std::make_unique<MacBackend>(program);
}

} // namespace pt::gui::sysproxy
