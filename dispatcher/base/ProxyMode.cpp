#include "dispatcher/base/ProxyMode.h"

namespace pt {

QString proxyModeName(ProxyMode m)
{
    switch (m) {
    case ProxyMode::Socks5:
        return QStringLiteral("socks5");
    case ProxyMode::TransparentTcp:
        return QStringLiteral("transparent-TCP");
    case ProxyMode::TransparentUdp:
        return QStringLiteral("transparent-UDP");
    case ProxyMode::Stun:
        return QStringLiteral("STUN");
    }
    return QString();
}

} // namespace pt
