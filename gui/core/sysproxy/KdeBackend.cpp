// KDE Plasma 5 and 6: kioslaverc in $XDG_CONFIG_HOME (else ~/.config), group
// [Proxy Settings]. Both versions' proxy modules store a manual proxy as "<url> <port>"
// (a space, not a colon: "socksProxy=socks://127.0.0.1 1080") and ProxyType=1 for
// manual; KIO reads the file again when the reparse signal
// (/KIO/Scheduler org.kde.KIO.Scheduler.reparseSlaveConfiguration) arrives on the
// session bus, and other programs at their next start.

#include "Backend.h"
#include "IniEdit.h"
#include "Tool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace pt::gui::sysproxy {

namespace {

const QByteArray kGroup = QByteArrayLiteral("Proxy Settings");

// Every key we change. The HTTP/HTTPS/FTP entries are emptied (manual mode would use
// them for their protocols) and ReversedException cleared (it inverts NoProxyFor).
const QList<QByteArray> kKeys = {"ProxyType", "socksProxy", "httpProxy",        "httpsProxy",
                                 "ftpProxy",  "NoProxyFor", "ReversedException"};

bool readFile(const QString& path, QByteArray* text, bool* existed, QString* error)
{
    QFile f(path);
    *existed = f.exists();
    if (!*existed) {
        text->clear();
        return true;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    *text = f.readAll();
    return true;
}

bool writeFile(const QString& path, const QByteArray& text, QString* error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// Tells running KIO programs to read kioslaverc again. Best effort: without a session
// bus (or dbus-send) they read it at their next start.
void sendReparseSignal()
{
    const bool bus = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") ||
                     (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR") &&
                      QFileInfo::exists(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/bus")));
    const QString dbusSend = QStandardPaths::findExecutable(QStringLiteral("dbus-send"));
    if (!bus || dbusSend.isEmpty()) return;
    runTool(dbusSend,
            {QStringLiteral("--session"), QStringLiteral("--type=signal"), QStringLiteral("/KIO/Scheduler"),
             QStringLiteral("org.kde.KIO.Scheduler.reparseSlaveConfiguration"), QStringLiteral("string:")});
}

class KdeBackend : public Backend
{
public:
    explicit KdeBackend(const QString& configDir) : m_path(configDir + QStringLiteral("/kioslaverc")) {}

    bool snapshot(QJsonObject* saved, QString* error) override
    {
        QByteArray text;
        bool existed = false;
        if (!readFile(m_path, &text, &existed, error)) return false;
        if (QString::fromUtf8(text).toUtf8() != text) {
            *error = QStringLiteral("%1 is not UTF-8 text; not changing it").arg(m_path);
            return false;
        }
        const IniEdit ini(text);
        if (!ini.checkWritable(kGroup, kKeys, error)) {
            *error = m_path + QStringLiteral(": ") + *error;
            return false;
        }
        QJsonObject values;
        for (const QByteArray& key : kKeys) {
            const auto v = ini.value(kGroup, key);
            values.insert(QString::fromLatin1(key), v ? QJsonValue(QString::fromUtf8(*v)) : QJsonValue());
        }
        *saved = QJsonObject{
            {QStringLiteral("file"), m_path},
            {QStringLiteral("fileExisted"), existed},
            {QStringLiteral("groupExisted"), ini.groupExists(kGroup)},
            {QStringLiteral("endedWithNewline"), ini.endsWithNewline()},
            {QStringLiteral("endedWithBlankLine"), ini.endsWithBlankLine()},
            {QStringLiteral("values"), values},
        };
        return true;
    }

    bool set(const QString& host, quint16 port, QString* error) override
    {
        QByteArray text;
        bool existed = false;
        if (!readFile(m_path, &text, &existed, error)) return false;
        IniEdit ini(text);
        if (!ini.checkWritable(kGroup, kKeys, error)) {
            *error = m_path + QStringLiteral(": ") + *error;
            return false;
        }
        QString h = host;
        if (h.contains(QLatin1Char(':')) && !h.startsWith(QLatin1Char('[')))
            h = QLatin1Char('[') + h + QLatin1Char(']');
        ini.setValue(kGroup, "socksProxy",
                     (QStringLiteral("socks://") + h + QLatin1Char(' ') + QString::number(port)).toUtf8());
        ini.setValue(kGroup, "httpProxy", {});
        ini.setValue(kGroup, "httpsProxy", {});
        ini.setValue(kGroup, "ftpProxy", {});
        ini.setValue(kGroup, "NoProxyFor", "localhost,127.0.0.1,::1");
        ini.setValue(kGroup, "ReversedException", "false");
        ini.setValue(kGroup, "ProxyType", "1");
        if (!writeFile(m_path, ini.text(), error)) return false;
        sendReparseSignal();
        return true;
    }

    bool restore(const QJsonObject& saved, QString* error) override
    {
        const QString path = saved.value(QStringLiteral("file")).toString();
        const QJsonObject values = saved.value(QStringLiteral("values")).toObject();
        if (path.isEmpty() || values.isEmpty()) {
            *error = QStringLiteral("the journal names no kioslaverc or no values");
            return false;
        }
        QByteArray text;
        bool existed = false;
        if (!readFile(path, &text, &existed, error)) return false;
        IniEdit ini(text);
        for (const QByteArray& key : kKeys) {
            const QJsonValue v = values.value(QString::fromLatin1(key));
            if (v.isString())
                ini.setValue(kGroup, key, v.toString().toUtf8());
            else
                ini.removeKey(kGroup, key);
        }
        const bool groupExisted = saved.value(QStringLiteral("groupExisted")).toBool();
        if (!groupExisted) ini.removeGroupIfEmpty(kGroup);
        ini.trimEnd(groupExisted || saved.value(QStringLiteral("endedWithBlankLine")).toBool(),
                    saved.value(QStringLiteral("endedWithNewline")).toBool());
        const QByteArray out = ini.text();
        if (!saved.value(QStringLiteral("fileExisted")).toBool(true) && out.isEmpty()) {
            if (existed && !QFile::remove(path)) {
                *error = QStringLiteral("cannot remove %1").arg(path);
                return false;
            }
        } else if (out != text && !writeFile(path, out, error)) {
            return false;
        }
        sendReparseSignal();
        return true;
    }

private:
    QString m_path;
};

} // namespace

std::unique_ptr<Backend> makeKdeBackend(const QString& configDir)
{
    return std::make_unique<KdeBackend>(configDir);
}

} // namespace pt::gui::sysproxy
