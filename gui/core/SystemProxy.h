#pragma once

// Points the desktop's proxy settings at our SOCKS listener and puts back exactly what
// was there before, even after a crash. Before anything changes, the values about to be
// changed are written to a journal (JSON, atomically with QSaveFile); restore() puts them
// back and only then removes the journal. A process that dies while the proxy is set
// leaves the journal behind, and the next restore() (the GUI calls it at start when it is
// not connected) repairs the desktop. A journal that cannot be read is never deleted: it
// is reported, with its path, so nothing is lost silently.
//
// Backends (gui/core/sysproxy/): GNOME (gsettings org.gnome.system.proxy), KDE
// (kioslaverc + the KIO reparse signal), Windows (HKCU Internet Settings + the WinINET
// refresh), macOS (networksetup, every enabled network service). All calls are
// synchronous and each tool run is bounded by a timeout (5 s).

#include <QString>
#include <QtGlobal>

namespace pt::gui {

class SystemProxy
{
public:
    enum class Desktop
    {
        None,
        Gnome,
        Kde,
        Windows,
        MacOS
    };

    // journalPath: the journal file (the GUI passes <AppDataLocation>/system-proxy-journal.json).
    explicit SystemProxy(QString journalPath, Desktop desktop = detect());

    // The desktop to configure: Windows and macOS from the platform; elsewhere from
    // XDG_CURRENT_DESKTOP (KDE; GNOME and the desktops that share its proxy settings:
    // Unity, Cinnamon, Budgie, Pantheon), else KDE_FULL_SESSION / DESKTOP_SESSION; None
    // otherwise.
    static Desktop detect();
    // A name to show the user ("GNOME", "KDE Plasma", "Windows", "macOS", "none").
    static QString desktopName(Desktop d);

    // The desktop this object configures.
    Desktop desktop() const { return m_desktop; }
    // The journal file this object uses.
    QString journalPath() const { return m_journalPath; }

    // Runs `program` instead of the desktop's tool: gsettings for GNOME, networksetup for
    // macOS (tests use a fake). For KDE it names the directory holding kioslaverc instead
    // of $XDG_CONFIG_HOME. Empty: the real one.
    void setToolOverride(const QString& program) { m_toolOverride = program; }

    // A backend exists for this desktop on this platform (and, for GNOME and macOS, its
    // tool, gsettings or networksetup, is installed).
    bool supported() const;

    // Journals the current settings (durably, before any change), then points the
    // desktop's proxy at the SOCKS host:port. Applying twice keeps the first journal (a
    // journal left by another desktop is restored first). If setting fails half-way, what
    // was changed is put back. A wildcard host (0.0.0.0, ::) is set as its loopback
    // address. On failure *error says why (error may be null).
    bool apply(const QString& host, quint16 port, QString* error);

    // Puts back exactly what the journal holds (on the desktop the journal names), then
    // removes the journal. No journal: no-op, true. A journal that cannot be read or
    // restored is kept and named in *error.
    bool restore(QString* error);

    // A journal exists: the proxy is set by us, or a crash left it set.
    bool hasJournal() const;

private:
    QString m_journalPath;
    Desktop m_desktop;
    QString m_toolOverride;
};

} // namespace pt::gui
