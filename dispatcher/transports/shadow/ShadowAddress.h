#pragma once

// The target address Shadowsocks puts at the start of the client's stream, in
// SOCKS5 form (RFC 1928 section 5): ATYP (1 IPv4 | 3 domain | 4 IPv6), address,
// port (big-endian).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <optional>

namespace pt::shadow {

struct TargetAddress
{
    QString host; // IP literal (no brackets) or domain name
    quint16 port = 0;
    QString toString() const; // "1.2.3.4:5", "[::1]:5", "example.com:5"
};

// "host:port" or "[v6]:port", port 0..65535. nullopt (with *error) if malformed.
std::optional<TargetAddress> parseTargetString(const QString& s, QString* error = nullptr);

// The SOCKS5 form. Empty (with *error) if a domain is empty or longer than 255 bytes.
QByteArray encodeTargetAddress(const TargetAddress& target, QString* error = nullptr);

enum class AddressParse
{
    Ok,
    NeedMore,
    Malformed
};

// Parses a SOCKS5 address at the start of data. On Ok, *consumed is its length.
// Malformed: unknown ATYP or a zero-length domain. A domain is taken as raw bytes
// (Latin-1) and never resolved here.
AddressParse parseTargetAddress(const char* data, size_t len, TargetAddress* target, size_t* consumed);

constexpr size_t kMaxTargetAddressSize = 1 + 1 + 255 + 2;

} // namespace pt::shadow
