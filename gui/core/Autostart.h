#pragma once

// Starts the GUI at login, in the form each platform uses:
// - Xdg: $XDG_CONFIG_HOME/autostart/ptdispatcher-gui.desktop (~/.config when unset), a
//   Desktop Entry whose Exec line quotes the program and arguments as the Desktop Entry
//   Specification requires;
// - WindowsRun: the value "ptdispatcher-gui" in
//   HKCU\Software\Microsoft\Windows\CurrentVersion\Run, a command line quoted for
//   CommandLineToArgvW;
// - LaunchAgent: ~/Library/LaunchAgents/org.ptdispatcher.gui.plist with ProgramArguments
//   and RunAtLoad.

#include <QString>
#include <QStringList>

namespace pt::gui {

class Autostart
{
public:
    enum class Platform
    {
        Xdg,
        WindowsRun,
        LaunchAgent
    };
    // The form this platform uses.
    static Platform nativePlatform();

    // location override for tests (XDG config dir / HOME); empty = the real one. For
    // WindowsRun it names the registry key below HKEY_CURRENT_USER to use instead of
    // Software\Microsoft\Windows\CurrentVersion\Run. platform: which form to write (all
    // but WindowsRun work anywhere; tests write the other platforms' forms too).
    explicit Autostart(QString programPath, QString baseDirOverride = {},
                       Platform platform = nativePlatform());

    // The file (or registry key and value) this object writes.
    QString location() const;
    // An entry of ours is there and not disabled.
    bool isEnabled() const;
    // Start at login with `args` (the GUI passes {"--minimized", "--connect"}), or stop
    // doing so (removes the entry; no entry is success).
    bool setEnabled(bool on, const QStringList& args, QString* error);

    // The Exec value of a Desktop Entry running program with args (quoted, escaped).
    static QString desktopExec(const QString& program, const QStringList& args);
    // A Windows command line running program with args (CommandLineToArgvW rules).
    static QString windowsCommandLine(const QString& program, const QStringList& args);

private:
    QString xdgPath() const;
    QString launchAgentPath() const;
    QString runKey() const;

    QString m_program;
    QString m_base;
    Platform m_platform;
};

} // namespace pt::gui
