#include "Autostart.h"

#include "sysproxy/WinRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSysInfo>

namespace pt::gui {

namespace {

const QString kRunKey = QStringLiteral("Software\\Microsoft\\Windows\\CurrentVersion\\Run");
const QString kRunValue = QStringLiteral("ptdispatcher-gui");
const QString kAgentLabel = QStringLiteral("org.ptdispatcher.gui");

void setError(QString* error, const QString& text)
{
    if (error) *error = text;
}

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        setError(error, QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath()));
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        setError(error, QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    return true;
}

bool removeFile(const QString& path, QString* error)
{
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        setError(error, QStringLiteral("cannot remove %1").arg(path));
        return false;
    }
    return true;
}

// One argument of an Exec key, before the string-value escaping.
QString execArg(const QString& arg)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool quote = arg.isEmpty();
    for (const QChar c : arg)
        quote = quote || reserved.contains(c);
    QString out;
    for (const QChar c : arg) {
        if (quote && (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') ||
                      c == QLatin1Char('\\')))
            out += QLatin1Char('\\');
        // A literal percent sign is written %% (a single one starts a field code).
        if (c == QLatin1Char('%')) out += QLatin1Char('%');
        out += c;
    }
    return quote ? QLatin1Char('"') + out + QLatin1Char('"') : out;
}

QString xmlEscape(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

Autostart::Platform Autostart::nativePlatform()
{
    const QString os = QSysInfo::productType();
    if (os == QLatin1String("windows")) return Platform::WindowsRun;
    if (os == QLatin1String("macos") || os == QLatin1String("osx")) return Platform::LaunchAgent;
    return Platform::Xdg;
}

Autostart::Autostart(QString programPath, QString baseDirOverride, Platform platform)
    : m_program(std::move(programPath)), m_base(std::move(baseDirOverride)), m_platform(platform)
{
}

QString Autostart::desktopExec(const QString& program, const QStringList& args)
{
    QStringList parts{execArg(program)};
    for (const QString& a : args)
        parts << execArg(a);
    // Then the escaping every string value gets: backslash, and the control characters.
    QString value;
    for (const QChar c : parts.join(QLatin1Char(' '))) {
        if (c == QLatin1Char('\\'))
            value += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            value += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            value += QStringLiteral("\\t");
        else if (c == QLatin1Char('\r'))
            value += QStringLiteral("\\r");
        else
            value += c;
    }
    return value;
}

QString Autostart::windowsCommandLine(const QString& program, const QStringList& args)
{
    // The program is always quoted (C:\Program Files\...); it may not contain quotes.
    QString path = program;
    path.replace(QLatin1Char('/'), QLatin1Char('\\'));
    QString out = QLatin1Char('"') + path + QLatin1Char('"');
    for (const QString& a : args) {
        out += QLatin1Char(' ');
        const bool quote = a.isEmpty() || a.contains(QLatin1Char(' ')) || a.contains(QLatin1Char('\t')) ||
                           a.contains(QLatin1Char('"'));
        if (!quote) {
            out += a;
            continue;
        }
        out += QLatin1Char('"');
        int backslashes = 0;
        for (const QChar c : a) {
            if (c == QLatin1Char('\\')) {
                ++backslashes;
                continue;
            }
            // Backslashes before a quote are doubled, and the quote escaped.
            out += QString(c == QLatin1Char('"') ? backslashes * 2 + 1 : backslashes, QLatin1Char('\\'));
            backslashes = 0;
            out += c;
        }
        // Before the closing quote, too.
        out += QString(backslashes * 2, QLatin1Char('\\'));
        out += QLatin1Char('"');
    }
    return out;
}

QString Autostart::xdgPath() const
{
    QString dir = m_base;
    if (dir.isEmpty()) dir = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (dir.isEmpty()) dir = QDir::homePath() + QStringLiteral("/.config");
    return dir + QStringLiteral("/autostart/ptdispatcher-gui.desktop");
}

QString Autostart::launchAgentPath() const
{
    const QString home = m_base.isEmpty() ? QDir::homePath() : m_base;
    return home + QStringLiteral("/Library/LaunchAgents/") + kAgentLabel + QStringLiteral(".plist");
}

QString Autostart::runKey() const
{
    return m_base.isEmpty() ? kRunKey : m_base;
}

QString Autostart::location() const
{
    switch (m_platform) {
    case Platform::Xdg:
        return xdgPath();
    case Platform::LaunchAgent:
        return launchAgentPath();
    case Platform::WindowsRun:
        break;
    }
    return QStringLiteral("HKEY_CURRENT_USER\\") + runKey() + QLatin1Char('\\') + kRunValue;
}

bool Autostart::isEnabled() const
{
    switch (m_platform) {
    case Platform::Xdg: {
        QFile f(xdgPath());
        if (!f.open(QIODevice::ReadOnly)) return false;
        // A user (or a desktop's settings panel) disables an entry by Hidden=true or,
        // on GNOME, X-GNOME-Autostart-enabled=false.
        bool inEntry = false;
        for (const QByteArray& raw : f.readAll().split('\n')) {
            QByteArray line = raw.trimmed();
            line.replace(' ', QByteArray());
            if (line.startsWith('['))
                inEntry = line == "[DesktopEntry]";
            else if (inEntry && (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false"))
                return false;
        }
        return true;
    }
    case Platform::LaunchAgent: {
        QFile f(launchAgentPath());
        if (!f.open(QIODevice::ReadOnly)) return false;
        return f.readAll().contains(QByteArray("<string>" + kAgentLabel.toUtf8() + "</string>"));
    }
    case Platform::WindowsRun:
        break;
    }
    sysproxy::RegValue v;
    return sysproxy::regRead(runKey(), kRunValue, &v, nullptr) && v.present;
}

bool Autostart::setEnabled(bool on, const QStringList& args, QString* error)
{
    if (on && m_program.isEmpty()) {
        setError(error, QStringLiteral("no program to start at login"));
        return false;
    }
    switch (m_platform) {
    case Platform::Xdg: {
        if (!on) return removeFile(xdgPath(), error);
        const QString text = QStringLiteral("[Desktop Entry]\n"
                                            "Type=Application\n"
                                            "Name=ptdispatcher\n"
                                            "Comment=Pluggable Transports dispatcher\n"
                                            "Exec=%1\n"
                                            "Icon=ptdispatcher\n"
                                            "Terminal=false\n"
                                            "X-GNOME-Autostart-enabled=true\n")
                                 .arg(desktopExec(m_program, args));
        return writeFile(xdgPath(), text.toUtf8(), error);
    }
    case Platform::LaunchAgent: {
        if (!on) return removeFile(launchAgentPath(), error);
        QString argv;
        for (const QString& a : QStringList{m_program} + args)
            argv += QStringLiteral("        <string>%1</string>\n").arg(xmlEscape(a));
        const QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                            "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                            "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                                            "<plist version=\"1.0\">\n"
                                            "<dict>\n"
                                            "    <key>Label</key>\n"
                                            "    <string>%1</string>\n"
                                            "    <key>ProgramArguments</key>\n"
                                            "    <array>\n"
                                            "%2"
                                            "    </array>\n"
                                            "    <key>RunAtLoad</key>\n"
                                            "    <true/>\n"
                                            "    <key>ProcessType</key>\n"
                                            "    <string>Interactive</string>\n"
                                            "</dict>\n"
                                            "</plist>\n")
                                 .arg(kAgentLabel, argv);
        return writeFile(launchAgentPath(), text.toUtf8(), error);
    }
    case Platform::WindowsRun:
        break;
    }
    if (!on) return sysproxy::regDelete(runKey(), kRunValue, error);
    return sysproxy::regWrite(runKey(), kRunValue, sysproxy::regString(windowsCommandLine(m_program, args)),
                              error);
}

} // namespace pt::gui
