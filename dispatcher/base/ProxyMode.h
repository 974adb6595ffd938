#pragma once

// What a client listener accepts (-mode): a value type shared by core/ (the flags)
// and net/ (the connections).

#include <QString>

namespace pt {

enum class ProxyMode
{
    Socks5,
    TransparentTcp,
    TransparentUdp,
    Stun
};

QString proxyModeName(ProxyMode m); // spec spelling: "socks5", "transparent-TCP", ...

} // namespace pt
