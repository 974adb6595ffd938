#pragma once

// Why a connection to a bridge failed, as one of a fixed set of codes that parents
// (the GUI) turn into plain words: the STATUS key LAST-ERROR and `-check`'s
// CHECK-ERROR line (README "Checking a bridge"). A value type every layer may use:
// platform errors are mapped to it in net/, sessions name theirs in SessionOutput.

#include <QString>

namespace pt {

enum class FailureCode
{
    Refused,     // TCP connection refused
    Timeout,     // TCP connect or the handshake did not complete in time
    Unreachable, // network or host unreachable
    Dns,         // the host name did not resolve
    Closed,      // the bridge closed/reset the connection during the handshake
    Tls,         // TLS failed (certificate, pin, alert)
    Http,        // webtunnel/meek: the web server answered with an HTTP error
    Proxy,       // the upstream -proxy failed or refused the CONNECT
    Invalid,     // -check only: the bridge line, ss:// link or flags are wrong
    Error,       // anything else
};

// The contract's spelling: "refused", "timeout", ...
QString failureCodeName(FailureCode c);

} // namespace pt
