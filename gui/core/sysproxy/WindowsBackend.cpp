// Windows: the WinINET per-user settings (what Edge, Chrome and most programs follow),
// HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings. Each value is
// journalled as its raw registry type and bytes (or as absent), so restoring writes back
// exactly what was there. AutoConfigURL (a PAC script) would win over ProxyServer, so it
// is removed while our proxy is set. WinINET caches the values: running programs see a
// change after INTERNET_OPTION_SETTINGS_CHANGED and INTERNET_OPTION_REFRESH.
//
// ProxyServer is "socks=socks5://host:port", not the plain "socks=host:port": Chromium
// (Chrome, Edge) reads the plain form as SOCKS version 4, which our listener (SOCKS5
// only) refuses; its proxy-rules parser takes a scheme in the per-protocol list.
// WinINET's own SOCKS client speaks version 4 only, so the plain form would not serve
// those programs either.

#include "Backend.h"
#include "WinRegistry.h"

#include <QJsonObject>
#include <QtGlobal>

namespace pt::gui::sysproxy {

namespace {

const QString kInternetSettings =
    QStringLiteral("Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings");
const char* const kValues[] = {"ProxyEnable", "ProxyServer", "ProxyOverride", "AutoConfigURL"};

// The values are in the registry whatever the notification does: programs that miss
// it read them at their next start. So a failed notification is a warning, not a
// failure (a failed apply() would put the old values back for nothing).
void notify()
{
    QString e;
    if (!notifyInternetSettingsChanged(&e))
        qWarning("system proxy: %s (running programs see the change when they restart)", qPrintable(e));
}

class WindowsBackend : public Backend
{
public:
    bool snapshot(QJsonObject* saved, QString* error) override
    {
        QJsonObject values;
        for (const char* name : kValues) {
            RegValue v;
            if (!regRead(kInternetSettings, QLatin1String(name), &v, error)) return false;
            QJsonValue entry; // null: the value was not there
            if (v.present) {
                QJsonObject o;
                o.insert(QStringLiteral("type"), qint64(v.type));
                o.insert(QStringLiteral("data"), QString::fromLatin1(v.data.toBase64()));
                entry = o;
            }
            values.insert(QLatin1String(name), entry);
        }
        *saved = QJsonObject{{QStringLiteral("key"), QString(QStringLiteral("HKCU\\") + kInternetSettings)},
                             {QStringLiteral("values"), values}};
        return true;
    }

    bool set(const QString& host, quint16 port, QString* error) override
    {
        if (!regWrite(kInternetSettings, QStringLiteral("ProxyServer"),
                      regString(QStringLiteral("socks=socks5://") + hostPort(host, port)), error) ||
            !regWrite(kInternetSettings, QStringLiteral("ProxyOverride"),
                      regString(QStringLiteral("<local>;localhost;127.*;[::1]")), error) ||
            !regDelete(kInternetSettings, QStringLiteral("AutoConfigURL"), error) ||
            !regWrite(kInternetSettings, QStringLiteral("ProxyEnable"), regDword(1), error))
            return false;
        notify();
        return true;
    }

    bool restore(const QJsonObject& saved, QString* error) override
    {
        const QJsonObject values = saved.value(QStringLiteral("values")).toObject();
        QStringList problems;
        for (const char* name : kValues) {
            const QString n = QLatin1String(name);
            if (!values.contains(n)) {
                problems << QStringLiteral("the journal has no entry for %1").arg(n);
                continue;
            }
            const QJsonValue v = values.value(n);
            QString e;
            bool ok = true;
            if (v.isObject()) {
                RegValue r;
                r.present = true;
                r.type = quint32(v.toObject().value(QStringLiteral("type")).toInteger());
                r.data =
                    QByteArray::fromBase64(v.toObject().value(QStringLiteral("data")).toString().toLatin1());
                ok = regWrite(kInternetSettings, n, r, &e);
            } else {
                ok = regDelete(kInternetSettings, n, &e);
            }
            if (!ok) problems << e;
        }
        notify();
        if (!problems.isEmpty()) {
            *error = problems.join(QLatin1String("; "));
            return false;
        }
        return true;
    }
};

} // namespace

std::unique_ptr<Backend> makeWindowsBackend()
{
    if (!registryAvailable()) return nullptr;
    return std::make_unique<WindowsBackend>();
}

} // namespace pt::gui::sysproxy
