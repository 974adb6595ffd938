#pragma once

// Turns what users paste (the GUI's import, the dispatcher's -check) into a transport,
// a server address and -options: a Tor bridge line
//   [Bridge] obfs4 1.2.3.4:443 FINGERPRINT cert=... iat-mode=0
//   [Bridge] webtunnel [2001:db8::1]:443 FINGERPRINT url=https://... ver=0.0.1
//   [Bridge] meek_lite 192.0.2.18:80 FINGERPRINT url=https://... front=... utls=...
// or a Shadowsocks SIP002 URI
//   ss://base64url(method:password)@host:port#tag   or   ss://method:password@host:port
// Pure parsing, no widgets; every failure says exactly what is wrong.
//
// Every key=value of a bridge line goes into the options as it is, unknown ones too
// (shadow's cipher= and method= become cipherName, the dispatcher's canonical name)
// (meek's utls=: the dispatcher accepts and ignores it), and the address becomes
// serverAddress. For webtunnel and meek that address is a placeholder: those transports
// dial their url's host (or addr/front), never serverAddress.

#include "shared/describe/TransportDescription.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace pt::bridge {

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

// Checks an import against the dispatcher's description (TransportCatalog): the transport
// exists and every enum option holds one of its choices (a choice matched without case,
// as ss:// links spell ciphers, becomes the listed spelling). r unchanged, or a failure.
ImportResult checkImport(ImportResult r, const QList<describe::Transport>& transports);

// The inverse of importAny(): a line that importAny() (and so `ptdispatcher -check`)
// reads back as the same transport, server address, fingerprint and options. A Tor
// bridge line "<transport> <address> [FINGERPRINT] k=v ..." (serverAddress, the
// address, is not repeated as an option), or for shadow an SIP002 link
// "ss://base64url(method:password)@host:port[#name]". Numbers and booleans are written
// as text (a bridge line has no types). Empty with *error set for what cannot be
// written: no transport or a bad address, a key or value with whitespace (or a key
// with '='), an object or array value, a line importAny() would refuse (obfs4 without
// cert=, ...), shadow without method and password or with options an ss:// link
// cannot hold.
QString formatBridgeLine(const ImportedBridge& b, QString* error = nullptr);

// "host:port" check shared by both: a non-empty host (or bracketed IPv6) and a port 1..65535.
bool isValidHostPort(const QString& s, QString* error);

} // namespace pt::bridge
