// GNOME (and the desktops sharing its settings: Unity, Cinnamon, Budgie, Pantheon):
// the org.gnome.system.proxy schema through the gsettings tool. Values are journalled
// in GVariant text form exactly as `gsettings` prints them, so restoring is `gsettings
// set` with the same text: no type knowledge needed and nothing lost. GSettings keys
// always have a value (a key never written reads its schema default), so "unset" is
// journalled as the default value it read.

#include "Backend.h"
#include "Tool.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace pt::gui::sysproxy {

namespace {

struct Key
{
    const char* schema;
    const char* name;
};

// Restore order: the mode first (our proxy is off at once), the rest after. Set order
// is the reverse: the values first, the mode last, so the switch flips when they are in.
const Key kKeys[] = {
    {"org.gnome.system.proxy", "mode"},
    {"org.gnome.system.proxy", "ignore-hosts"},
    {"org.gnome.system.proxy.socks", "host"},
    {"org.gnome.system.proxy.socks", "port"},
    // Manual mode uses an HTTP/HTTPS/FTP proxy where one is set: cleared so every
    // protocol goes through the SOCKS server.
    {"org.gnome.system.proxy.http", "host"},
    {"org.gnome.system.proxy.https", "host"},
    {"org.gnome.system.proxy.ftp", "host"},
};

QString keyId(const Key& k)
{
    return QLatin1String(k.schema) + QLatin1Char(' ') + QLatin1String(k.name);
}

// A GVariant string literal.
QString gvString(const QString& s)
{
    QString out = QStringLiteral("'");
    for (const QChar c : s) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\')) out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('\'');
}

class GnomeBackend : public Backend
{
public:
    explicit GnomeBackend(QString program) : m_program(std::move(program)) {}

    bool snapshot(QJsonObject* saved, QString* error) override
    {
        QHash<QString, QString> now;
        if (!readAll(&now, error)) return false;
        QJsonObject values;
        for (const Key& k : kKeys)
            values.insert(keyId(k), now.value(keyId(k)));
        *saved = QJsonObject{{QStringLiteral("values"), values}};
        return true;
    }

    bool set(const QString& host, quint16 port, QString* error) override
    {
        const QList<std::pair<Key, QString>> values = {
            {kKeys[2], gvString(host)},
            {kKeys[3], QString::number(port)},
            {kKeys[1], QStringLiteral("['localhost', '127.0.0.0/8', '::1']")},
            {kKeys[4], QStringLiteral("''")},
            {kKeys[5], QStringLiteral("''")},
            {kKeys[6], QStringLiteral("''")},
            {kKeys[0], QStringLiteral("'manual'")},
        };
        for (const auto& [key, value] : values) {
            if (!write(key, value, error)) return false;
        }
        // gsettings falls back to a memory backend (a warning, exit code 0) when the
        // real one is unavailable: only a fresh read proves the values were stored.
        QHash<QString, QString> now;
        if (!readAll(&now, error)) return false;
        for (const auto& [key, value] : values) {
            if (now.value(keyId(key)) != value) {
                *error = QStringLiteral("gsettings did not keep %1 (reads %2, wrote %3): is a settings "
                                        "backend (dconf) available?")
                             .arg(keyId(key), now.value(keyId(key)), value);
                return false;
            }
        }
        return true;
    }

    bool restore(const QJsonObject& saved, QString* error) override
    {
        const QJsonObject values = saved.value(QStringLiteral("values")).toObject();
        QStringList problems;
        for (const Key& k : kKeys) {
            const QJsonValue v = values.value(keyId(k));
            if (!v.isString() || v.toString().isEmpty()) {
                problems << QStringLiteral("the journal has no value for %1").arg(keyId(k));
                continue;
            }
            QString e;
            if (!write(k, v.toString(), &e)) problems << e;
        }
        if (!problems.isEmpty()) {
            *error = problems.join(QLatin1String("; "));
            return false;
        }
        return true;
    }

private:
    bool readAll(QHash<QString, QString>* out, QString* error)
    {
        const ToolResult r = runTool(
            m_program, {QStringLiteral("list-recursively"), QStringLiteral("org.gnome.system.proxy")});
        if (!r.ok) {
            *error = r.error;
            return false;
        }
        const QList<QByteArray> lines = r.out.split('\n');
        for (const QByteArray& raw : lines) {
            const QString line = QString::fromUtf8(raw).trimmed();
            const int a = line.indexOf(QLatin1Char(' '));
            const int b = a < 0 ? -1 : line.indexOf(QLatin1Char(' '), a + 1);
            if (b < 0) continue;
            out->insert(line.left(b), line.mid(b + 1));
        }
        for (const Key& k : kKeys) {
            if (!out->contains(keyId(k))) {
                *error = QStringLiteral("gsettings has no key %1 (is gsettings-desktop-schemas installed?)")
                             .arg(keyId(k));
                return false;
            }
        }
        return true;
    }

    bool write(const Key& k, const QString& value, QString* error)
    {
        const ToolResult r = runTool(
            m_program, {QStringLiteral("set"), QLatin1String(k.schema), QLatin1String(k.name), value});
        if (!r.ok) *error = r.error;
        return r.ok;
    }

    QString m_program;
};

} // namespace

std::unique_ptr<Backend> makeGnomeBackend(const QString& program)
{
    return std::make_unique<GnomeBackend>(program);
}

} // namespace pt::gui::sysproxy
