#pragma once

// Turns what users paste into a profile: a Tor bridge line
//   [Bridge] obfs4 1.2.3.4:443 FINGERPRINT cert=... iat-mode=0
// or a Shadowsocks SIP002 URI
//   ss://base64url(method:password)@host:port#tag   or   ss://method:password@host:port
// Pure parsing, no widgets; every failure says exactly what is wrong.

#include <QJsonObject>
#include <QString>

namespace pt::gui {

struct ImportedBridge
{
    QString transport;     // "obfs4", "shadow", ...
    QString serverAddress; // "host:port" or "[v6]:port"
    QString fingerprint;   // bridge lines only (may be empty)
    QString name;          // ss:// #tag (may be empty)
    QJsonObject options;   // -options object for the transport, serverAddress included
};

struct ImportResult
{
    bool ok = false;
    ImportedBridge bridge;
    QString error;
};

ImportResult importBridgeLine(const QString& text);
ImportResult importShadowsocksUri(const QString& text);
// Picks the parser by the input's form.
ImportResult importAny(const QString& text);

// "host:port" check shared by both: a non-empty host (or bracketed IPv6) and a port 1..65535.
bool isValidHostPort(const QString& s, QString* error);

} // namespace pt::gui
