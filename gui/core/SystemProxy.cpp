#include "SystemProxy.h"

#include "sysproxy/Backend.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSysInfo>

namespace pt::gui {

namespace {

constexpr int kJournalVersion = 1;

QString desktopId(SystemProxy::Desktop d)
{
    switch (d) {
    case SystemProxy::Desktop::Gnome:
        return QStringLiteral("gnome");
    case SystemProxy::Desktop::Kde:
        return QStringLiteral("kde");
    case SystemProxy::Desktop::Windows:
        return QStringLiteral("windows");
    case SystemProxy::Desktop::MacOS:
        return QStringLiteral("macos");
    case SystemProxy::Desktop::None:
        break;
    }
    return QStringLiteral("none");
}

bool desktopFromId(const QString& id, SystemProxy::Desktop* d)
{
    for (const auto c : {SystemProxy::Desktop::Gnome, SystemProxy::Desktop::Kde,
                         SystemProxy::Desktop::Windows, SystemProxy::Desktop::MacOS}) {
        if (desktopId(c) == id) {
            *d = c;
            return true;
        }
    }
    return false;
}

void setError(QString* error, const QString& text)
{
    if (error) *error = text;
}

std::unique_ptr<sysproxy::Backend> makeBackend(SystemProxy::Desktop d, const QString& toolOverride)
{
    switch (d) {
    case SystemProxy::Desktop::Gnome: {
        const QString program = !toolOverride.isEmpty() ? toolOverride
                                : QStandardPaths::findExecutable(QStringLiteral("gsettings")).isEmpty()
                                    ? QStringLiteral("gsettings")
                                    : QStandardPaths::findExecutable(QStringLiteral("gsettings"));
        return sysproxy::makeGnomeBackend(program);
    }
    case SystemProxy::Desktop::Kde: {
        QString dir = toolOverride;
        if (dir.isEmpty()) dir = qEnvironmentVariable("XDG_CONFIG_HOME");
        if (dir.isEmpty()) dir = QDir::homePath() + QStringLiteral("/.config");
        return sysproxy::makeKdeBackend(dir);
    }
    case SystemProxy::Desktop::MacOS:
        return sysproxy::makeMacBackend(toolOverride.isEmpty() ? QStringLiteral("/usr/sbin/networksetup")
                                                               : toolOverride);
    case SystemProxy::Desktop::Windows:
        return sysproxy::makeWindowsBackend();
    case SystemProxy::Desktop::None:
        break;
    }
    return nullptr;
}

struct Journal
{
    SystemProxy::Desktop desktop = SystemProxy::Desktop::None;
    QJsonObject saved;
};

// Reads the journal; false with a clear error (naming the file) if it cannot be used.
bool readJournal(const QString& path, Journal* j, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setError(error,
                 QStringLiteral("cannot read the system proxy journal %1: %2").arg(path, f.errorString()));
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    const QJsonObject o = doc.object();
    const QString bad =
        QStringLiteral("the system proxy journal %1 is damaged (%2); it is kept so the previous "
                       "settings can be recovered by hand");
    if (pe.error != QJsonParseError::NoError) {
        setError(error, bad.arg(path, pe.errorString()));
        return false;
    }
    if (o.value(QStringLiteral("version")).toInt() != kJournalVersion) {
        setError(error, bad.arg(path, QStringLiteral("unknown version")));
        return false;
    }
    if (!desktopFromId(o.value(QStringLiteral("desktop")).toString(), &j->desktop)) {
        setError(error, bad.arg(path, QStringLiteral("unknown desktop")));
        return false;
    }
    j->saved = o.value(QStringLiteral("saved")).toObject();
    if (j->saved.isEmpty()) {
        setError(error, bad.arg(path, QStringLiteral("no saved values")));
        return false;
    }
    return true;
}

} // namespace

SystemProxy::SystemProxy(QString journalPath, Desktop desktop)
    : m_journalPath(std::move(journalPath)), m_desktop(desktop)
{
}

SystemProxy::Desktop SystemProxy::detect()
{
    const QString os = QSysInfo::productType();
    if (os == QLatin1String("windows")) return Desktop::Windows;
    if (os == QLatin1String("macos") || os == QLatin1String("osx")) return Desktop::MacOS;
    const QStringList desktops =
        qEnvironmentVariable("XDG_CURRENT_DESKTOP").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    for (const QString& d : desktops) {
        if (d.compare(QLatin1String("KDE"), Qt::CaseInsensitive) == 0) return Desktop::Kde;
        for (const char* g : {"GNOME", "Unity", "Cinnamon", "X-Cinnamon", "Budgie", "Pantheon"}) {
            if (d.compare(QLatin1String(g), Qt::CaseInsensitive) == 0) return Desktop::Gnome;
        }
    }
    return Desktop::None;
}

QString SystemProxy::desktopName(Desktop d)
{
    switch (d) {
    case Desktop::Gnome:
        return QStringLiteral("GNOME");
    case Desktop::Kde:
        return QStringLiteral("KDE Plasma");
    case Desktop::Windows:
        return QStringLiteral("Windows");
    case Desktop::MacOS:
        return QStringLiteral("macOS");
    case Desktop::None:
        break;
    }
    return QStringLiteral("none");
}

bool SystemProxy::supported() const
{
    if (!makeBackend(m_desktop, m_toolOverride)) return false;
    // The tool-based desktops need their tool.
    if (m_desktop == Desktop::Gnome) {
        const QString program = m_toolOverride.isEmpty()
                                    ? QStandardPaths::findExecutable(QStringLiteral("gsettings"))
                                    : m_toolOverride;
        return !program.isEmpty() && QFileInfo(program).isExecutable();
    }
    if (m_desktop == Desktop::MacOS)
        return QFileInfo(m_toolOverride.isEmpty() ? QStringLiteral("/usr/sbin/networksetup") : m_toolOverride)
            .isExecutable();
    return true;
}

bool SystemProxy::hasJournal() const
{
    return QFileInfo::exists(m_journalPath);
}

bool SystemProxy::apply(const QString& host, quint16 port, QString* error)
{
    if (host.isEmpty() || port == 0) {
        setError(error, QStringLiteral("no SOCKS address to set as the system proxy"));
        return false;
    }
    // A listener on every address is reached through loopback.
    const QString target = host == QLatin1String("0.0.0.0") ? QStringLiteral("127.0.0.1")
                           : host == QLatin1String("::")    ? QStringLiteral("::1")
                                                            : host;
    const auto backend = makeBackend(m_desktop, m_toolOverride);
    if (!backend) {
        setError(error, QStringLiteral("setting the system proxy is not supported on this desktop (%1)")
                            .arg(desktopName(m_desktop)));
        return false;
    }
    QJsonObject saved;
    bool journalled = false;
    if (hasJournal()) {
        Journal j;
        if (!readJournal(m_journalPath, &j, error)) return false;
        if (j.desktop == m_desktop) {
            // Keep the first journal: it holds the user's settings, not ours.
            saved = j.saved;
            journalled = true;
        } else if (!restore(error)) {
            return false;
        }
    }
    if (!journalled) {
        QString e;
        if (!backend->snapshot(&saved, &e)) {
            setError(error, QStringLiteral("cannot read the current proxy settings: ") + e);
            return false;
        }
        const QJsonObject journal{
            {QStringLiteral("version"), kJournalVersion},
            {QStringLiteral("desktop"), desktopId(m_desktop)},
            {QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {QStringLiteral("proxy"), sysproxy::hostPort(target, port)},
            {QStringLiteral("saved"), saved},
        };
        QDir().mkpath(QFileInfo(m_journalPath).absolutePath());
        QSaveFile f(m_journalPath);
        const QByteArray bytes = QJsonDocument(journal).toJson();
        // QSaveFile::commit() flushes (fsync) and renames: the journal is on disk, whole,
        // before the first setting changes.
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
            setError(error, QStringLiteral("cannot write the system proxy journal %1: %2")
                                .arg(m_journalPath, f.errorString()));
            return false;
        }
    }
    QString e;
    if (backend->set(target, port, &e)) return true;
    // Put back whatever was changed before the failure.
    QString re;
    if (backend->restore(saved, &re)) {
        QFile::remove(m_journalPath);
        setError(
            error,
            QStringLiteral("cannot set the system proxy: %1 (the previous settings were put back)").arg(e));
    } else {
        setError(error,
                 QStringLiteral("cannot set the system proxy: %1; putting the previous settings back failed "
                                "too: %2 (the journal %3 keeps them)")
                     .arg(e, re, m_journalPath));
    }
    return false;
}

bool SystemProxy::restore(QString* error)
{
    if (!hasJournal()) return true;
    Journal j;
    if (!readJournal(m_journalPath, &j, error)) return false;
    // The journal's desktop, not the current one: the settings to repair are where they
    // were changed (a crash under GNOME, a restart under KDE).
    const auto backend = makeBackend(j.desktop, j.desktop == m_desktop ? m_toolOverride : QString());
    if (!backend) {
        setError(error, QStringLiteral("the system proxy journal %1 is for %2, which cannot be restored here")
                            .arg(m_journalPath, desktopName(j.desktop)));
        return false;
    }
    QString e;
    if (!backend->restore(j.saved, &e)) {
        setError(error,
                 QStringLiteral("cannot restore the system proxy settings: %1 (the journal %2 keeps them)")
                     .arg(e, m_journalPath));
        return false;
    }
    if (!QFile::remove(m_journalPath)) {
        setError(error,
                 QStringLiteral("the system proxy settings were restored, but the journal %1 could not be "
                                "removed")
                     .arg(m_journalPath));
        return false;
    }
    return true;
}

} // namespace pt::gui
