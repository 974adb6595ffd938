#pragma once

// The upstream proxy every outgoing connection goes through (-proxy, TOR_PT_PROXY):
// parsed by core/, dialled through by net/.

#include <QString>

namespace pt {

struct UpstreamProxy
{
    enum class Type
    {
        Socks5,
        Socks4a,
        Http
    };
    Type type = Type::Socks5;
    QString host; // IP literal
    quint16 port = 0;
    QString user;
    QString password;
    bool hasAuth() const { return !user.isEmpty(); }
};

} // namespace pt
