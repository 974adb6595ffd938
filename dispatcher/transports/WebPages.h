#pragma once

// What the HTTP-shaped servers (webtunnel, meek) answer to anything that is not their
// protocol: the pages an ordinary web server (nginx) sends, so a prober learns nothing.

#include <QByteArray>
#include <QString>

namespace pt::web {

// "HTTP/1.1 <status> <reason>" with nginx's HTML error page, Content-Length and
// "Connection: close".
QByteArray errorPage(int status);
// 200 with a short plain page (meek-server's "I'm just a happy little web server").
QByteArray indexPage();
// The first X-Forwarded-For entry for the Extended ORPort's USERADDR: "ip:port" /
// "[v6]:port" when the entry has a port, else the bare address ("ip", "v6"), which
// is what tor accepts without one (it refuses port 0). Empty when there is none or it
// is not an IP address.
QString forwardedFor(const QByteArray& headerValue);

} // namespace pt::web
