// TEMPORARY until branch dispcheck (which adds pt::bridge::formatBridgeLine to
// shared/bridge) is merged: obfs4 and plain only. Deleted by the merge.
#include "shared/bridge/BridgeLine.h"
namespace pt::bridge {
QString formatBridgeLine(const ImportedBridge& b, QString* error);
QString formatBridgeLine(const ImportedBridge& b, QString* error)
{
    Q_UNUSED(error);
    QStringList parts{b.transport, b.serverAddress};
    if (!b.fingerprint.isEmpty()) parts << b.fingerprint;
    for (auto it = b.options.begin(); it != b.options.end(); ++it) {
        if (it.key() == QLatin1String("serverAddress")) continue;
        parts << it.key() + QLatin1Char('=') + it.value().toVariant().toString();
    }
    return parts.join(QLatin1Char(' '));
}
}
