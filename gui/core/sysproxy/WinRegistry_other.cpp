// No registry outside Windows: every call fails with a clear error.
#include "WinRegistry.h"

namespace pt::gui::sysproxy {

namespace {
bool noRegistry(QString* error)
{
    if (error) *error = QStringLiteral("the Windows registry exists only on Windows");
    return false;
}
} // namespace

bool registryAvailable()
{
    return false;
}
bool regRead(const QString&, const QString&, RegValue*, QString* error)
{
    return noRegistry(error);
}
bool regWrite(const QString&, const QString&, const RegValue&, QString* error)
{
    return noRegistry(error);
}
bool regDelete(const QString&, const QString&, QString* error)
{
    return noRegistry(error);
}
bool notifyInternetSettingsChanged(QString* error)
{
    return noRegistry(error);
}

} // namespace pt::gui::sysproxy
