#include "dispatcher/transports/WebPages.h"

#include "dispatcher/base/HostPort.h"
#include "dispatcher/protocols/Http1.h"

namespace pt::web {

QByteArray errorPage(int status)
{
    const QByteArray title = QByteArray::number(status) + ' ' + http::reasonPhrase(status);
    const QByteArray body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" +
                            title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    http::Response r;
    r.status = status;
    r.reason = http::reasonPhrase(status);
    r.headers.add("Server", "nginx");
    r.headers.add("Content-Type", "text/html");
    r.headers.add("Connection", "close");
    return http::encodeResponse(r, body);
}

QByteArray indexPage()
{
    http::Response r;
    r.headers.add("Content-Type", "text/plain; charset=utf-8");
    return http::encodeResponse(r, "I\xe2\x80\x99m just a happy little web server.\n");
}

QString forwardedFor(const QByteArray& headerValue)
{
    QString first = QString::fromLatin1(headerValue.split(',').value(0)).trimmed();
    if (first.isEmpty()) return QString();
    // No port: the bare address. tor reads a USERADDR "ip:0" as a bad port and drops
    // the Extended ORPort connection; a bare IPv4 or IPv6 address it accepts.
    if (isIpLiteral(first)) return first;
    // Some fronts write ip:port or [v6]:port.
    if (const std::optional<HostPort> hp = parseHostPort(first, true); hp && isIpLiteral(hp->host))
        return hp->port == 0 ? hp->host : hp->toString();
    return QString();
}

} // namespace pt::web
