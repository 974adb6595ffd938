#pragma once

// One desktop's proxy settings, behind the interface SystemProxy journals around.
// A backend reads the values it is going to change (snapshot), points the desktop at a
// SOCKS address (set), and puts a snapshot back (restore). The snapshot is plain JSON
// so SystemProxy can write it to the journal before anything changes, and a later
// process (after a crash) can restore it. Every backend except the registry one only
// runs tools or edits files, so all of them build and are tested on every platform.

#include <QJsonObject>
#include <QString>

#include <memory>

namespace pt::gui::sysproxy {

class Backend
{
public:
    virtual ~Backend() = default;
    // The current values this backend changes, including which ones were unset.
    virtual bool snapshot(QJsonObject* saved, QString* error) = 0;
    // Points the desktop's proxy at the SOCKS server host:port.
    virtual bool set(const QString& host, quint16 port, QString* error) = 0;
    // Puts back a snapshot. Goes on after a failed value (restoring as much as it can)
    // and reports the failures.
    virtual bool restore(const QJsonObject& saved, QString* error) = 0;
};

// gsettings org.gnome.system.proxy (program: the gsettings to run).
std::unique_ptr<Backend> makeGnomeBackend(const QString& program);
// $XDG_CONFIG_HOME/kioslaverc [Proxy Settings] + the KIO reparse signal.
std::unique_ptr<Backend> makeKdeBackend(const QString& configDir);
// networksetup SOCKS proxy on every enabled network service.
std::unique_ptr<Backend> makeMacBackend(const QString& program);
// HKCU Internet Settings + the WinINET refresh; null where there is no registry.
std::unique_ptr<Backend> makeWindowsBackend();

// "host:port" with IPv6 literals bracketed.
QString hostPort(const QString& host, quint16 port);

} // namespace pt::gui::sysproxy
