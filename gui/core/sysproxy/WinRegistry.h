#pragma once

// The few Win32 calls the GUI's desktop integration needs, as a seam: WinRegistry_win.cpp
// on Windows, WinRegistry_other.cpp (every call fails with a clear error) elsewhere. So the
// code above it has no #ifdef and builds everywhere.

#include <QByteArray>
#include <QString>

namespace pt::gui::sysproxy {

struct RegValue
{
    bool present = false;
    quint32 type = 0; // REG_SZ = 1, REG_DWORD = 4, ...
    QByteArray data;  // the raw bytes, as stored
};

constexpr quint32 kRegSz = 1;
constexpr quint32 kRegDword = 4;

// True where the registry exists (Windows).
bool registryAvailable();
// subKey is below HKEY_CURRENT_USER, with backslashes.
bool regRead(const QString& subKey, const QString& name, RegValue* out, QString* error);
// Creates the key if needed.
bool regWrite(const QString& subKey, const QString& name, const RegValue& value, QString* error);
// Removing a value that is not there is success.
bool regDelete(const QString& subKey, const QString& name, QString* error);
// REG_SZ / REG_DWORD helpers.
RegValue regString(const QString& s);
RegValue regDword(quint32 v);
QString regStringValue(const RegValue& v);
// InternetSetOptionW(INTERNET_OPTION_SETTINGS_CHANGED) and (INTERNET_OPTION_REFRESH):
// running WinINET programs re-read Internet Settings.
bool notifyInternetSettingsChanged(QString* error);

} // namespace pt::gui::sysproxy
