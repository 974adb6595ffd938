#pragma once

// host:port and the host syntaxes. A value type every layer may include (transports
// name their own dial targets with it; DESIGN.md principle 9).

#include <QString>

#include <optional>

namespace pt {

struct HostPort
{
    QString host; // IP literal or host name, without brackets
    quint16 port = 0;
    QString toString() const; // "1.2.3.4:5", "[::1]:5", "example.com:5"
};

// Splits "host:port" / "[v6]:port". Port must be 0..65535 (allowZeroPort) or 1..65535.
// The host is not checked beyond being non-empty; callers decide between
// isIpLiteral() and isValidHostName().
std::optional<HostPort> parseHostPort(const QString& s, bool allowZeroPort, QString* error = nullptr);
// Decimal digits only, 0..65535 (allowZeroPort) or 1..65535.
std::optional<quint16> parsePort(const QString& s, bool allowZeroPort);
// Dotted-quad IPv4 (no shortened or octal forms) or IPv6 (without brackets; scope id allowed).
bool isIpLiteral(const QString& host);
// DNS host name syntax (letters, digits, '-', '_', '.'; labels 1..63, total <= 253),
// after IDNA conversion of non-ASCII names.
bool isValidHostName(const QString& host);

} // namespace pt
