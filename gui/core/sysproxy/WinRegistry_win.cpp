// The registry and WinINET, for SystemProxy's Windows backend and Autostart's Run key.
#include "WinRegistry.h"

#include <windows.h>
#include <wininet.h>

namespace pt::gui::sysproxy {

namespace {
QString systemMessage(LONG code)
{
    wchar_t* buf = nullptr;
    FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                       FORMAT_MESSAGE_IGNORE_INSERTS,
                   nullptr, DWORD(code), 0, reinterpret_cast<wchar_t*>(&buf), 0, nullptr);
    QString s = buf ? QString::fromWCharArray(buf).trimmed() : QStringLiteral("error %1").arg(code);
    LocalFree(buf);
    return s;
}

std::wstring wide(const QString& s)
{
    return s.toStdWString();
}

bool fail(QString* error, const QString& what, LONG code)
{
    if (error) *error = QStringLiteral("%1: %2").arg(what, systemMessage(code));
    return false;
}
} // namespace

bool registryAvailable()
{
    return true;
}

bool regRead(const QString& subKey, const QString& name, RegValue* out, QString* error)
{
    *out = RegValue();
    HKEY key = nullptr;
    LONG rc = RegOpenKeyExW(HKEY_CURRENT_USER, wide(subKey).c_str(), 0, KEY_QUERY_VALUE, &key);
    if (rc == ERROR_FILE_NOT_FOUND) return true;
    if (rc != ERROR_SUCCESS) return fail(error, QStringLiteral("cannot open HKCU\\%1").arg(subKey), rc);
    DWORD type = 0;
    DWORD size = 0;
    rc = RegQueryValueExW(key, wide(name).c_str(), nullptr, &type, nullptr, &size);
    if (rc == ERROR_SUCCESS) {
        QByteArray data(int(size), '\0');
        rc = RegQueryValueExW(key, wide(name).c_str(), nullptr, &type, reinterpret_cast<BYTE*>(data.data()),
                              &size);
        data.resize(int(size));
        out->present = rc == ERROR_SUCCESS;
        out->type = type;
        out->data = data;
    }
    RegCloseKey(key);
    if (rc == ERROR_FILE_NOT_FOUND) return true;
    if (rc != ERROR_SUCCESS)
        return fail(error, QStringLiteral("cannot read HKCU\\%1\\%2").arg(subKey, name), rc);
    return true;
}

bool regWrite(const QString& subKey, const QString& name, const RegValue& value, QString* error)
{
    HKEY key = nullptr;
    LONG rc = RegCreateKeyExW(HKEY_CURRENT_USER, wide(subKey).c_str(), 0, nullptr, 0, KEY_SET_VALUE, nullptr,
                              &key, nullptr);
    if (rc != ERROR_SUCCESS) return fail(error, QStringLiteral("cannot open HKCU\\%1").arg(subKey), rc);
    rc = RegSetValueExW(key, wide(name).c_str(), 0, value.type,
                        reinterpret_cast<const BYTE*>(value.data.constData()), DWORD(value.data.size()));
    RegCloseKey(key);
    if (rc != ERROR_SUCCESS)
        return fail(error, QStringLiteral("cannot write HKCU\\%1\\%2").arg(subKey, name), rc);
    return true;
}

bool regDelete(const QString& subKey, const QString& name, QString* error)
{
    HKEY key = nullptr;
    LONG rc = RegOpenKeyExW(HKEY_CURRENT_USER, wide(subKey).c_str(), 0, KEY_SET_VALUE, &key);
    if (rc == ERROR_FILE_NOT_FOUND) return true;
    if (rc != ERROR_SUCCESS) return fail(error, QStringLiteral("cannot open HKCU\\%1").arg(subKey), rc);
    rc = RegDeleteValueW(key, wide(name).c_str());
    RegCloseKey(key);
    if (rc != ERROR_SUCCESS && rc != ERROR_FILE_NOT_FOUND)
        return fail(error, QStringLiteral("cannot remove HKCU\\%1\\%2").arg(subKey, name), rc);
    return true;
}

bool notifyInternetSettingsChanged(QString* error)
{
    // Both calls, even if the first fails (wine answers the refresh with
    // ERROR_INTERNET_INCORRECT_HANDLE_TYPE).
    const bool changed = InternetSetOptionW(nullptr, INTERNET_OPTION_SETTINGS_CHANGED, nullptr, 0);
    const DWORD changedError = GetLastError();
    const bool refreshed = InternetSetOptionW(nullptr, INTERNET_OPTION_REFRESH, nullptr, 0);
    if (!changed)
        return fail(error, QStringLiteral("InternetSetOption(INTERNET_OPTION_SETTINGS_CHANGED)"),
                    LONG(changedError));
    if (!refreshed)
        return fail(error, QStringLiteral("InternetSetOption(INTERNET_OPTION_REFRESH)"),
                    LONG(GetLastError()));
    return true;
}

} // namespace pt::gui::sysproxy
