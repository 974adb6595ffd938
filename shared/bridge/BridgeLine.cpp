#include "shared/bridge/BridgeLine.h"

#include <QRegularExpression>
#include <QUrl>

namespace pt::bridge {

namespace {
ImportResult failure(const QString& error)
{
    ImportResult r;
    r.error = error;
    return r;
}
} // namespace

bool isValidHostPort(const QString& s, QString* error)
{
    auto bad = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    QString host;
    QString port;
    if (s.startsWith(QLatin1Char('['))) {
        const int close = s.indexOf(QLatin1Char(']'));
        if (close < 0) return bad(QObject::tr("address \"%1\": missing ']'").arg(s));
        host = s.mid(1, close - 1);
        if (s.mid(close + 1, 1) != QLatin1String(":"))
            return bad(QObject::tr("address \"%1\": missing :port").arg(s));
        port = s.mid(close + 2);
        // Qt Core only (no QHostAddress): a shape check; the dispatcher validates fully.
        static const QRegularExpression v6(QStringLiteral("\\A[0-9A-Fa-f:.]+\\z"));
        if (!host.contains(QLatin1Char(':')) || !v6.match(host).hasMatch())
            return bad(QObject::tr("address \"%1\": \"%2\" is not an IPv6 address").arg(s, host));
    } else {
        const int colon = s.lastIndexOf(QLatin1Char(':'));
        if (colon < 0) return bad(QObject::tr("address \"%1\": missing :port").arg(s));
        host = s.left(colon);
        port = s.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return bad(QObject::tr("address \"%1\": IPv6 addresses need [brackets]").arg(s));
    }
    if (host.isEmpty()) return bad(QObject::tr("address \"%1\": missing host").arg(s));
    for (QChar c : host)
        if (c.isSpace() || c.unicode() < 0x20 || c == QLatin1Char('/') || c == QLatin1Char('@'))
            return bad(QObject::tr("address \"%1\": \"%2\" is not a host name").arg(s, host));
    // Digits only: toUInt() would also take " 80" or "80\t".
    static const QRegularExpression digits(QStringLiteral("\\A[0-9]{1,5}\\z"));
    bool ok = digits.match(port).hasMatch();
    const uint p = ok ? port.toUInt(&ok) : 0;
    if (!ok || p == 0 || p > 65535)
        return bad(QObject::tr("address \"%1\": port \"%2\" is not a number from 1 to 65535").arg(s, port));
    return true;
}

ImportResult importBridgeLine(const QString& text)
{
    QStringList parts = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!parts.isEmpty() && parts.first().compare(QLatin1String("Bridge"), Qt::CaseInsensitive) == 0)
        parts.removeFirst();
    if (parts.isEmpty()) return failure(QObject::tr("the bridge line is empty"));
    ImportedBridge b;
    int i = 0;
    // "Bridge 1.2.3.4:443 FP" (no transport) is a vanilla bridge: no PT to configure.
    if (parts.at(0).contains(QLatin1Char(':')))
        return failure(
            QObject::tr("the bridge line names no transport (a plain Tor bridge needs no ptdispatcher)"));
    b.transport = parts.at(i++);
    static const QRegularExpression transportRe(QStringLiteral("\\A[A-Za-z0-9_]+\\z"));
    if (!transportRe.match(b.transport).hasMatch())
        return failure(QObject::tr("\"%1\" is not a transport name").arg(b.transport));
    if (i >= parts.size()) return failure(QObject::tr("the bridge line has no server address"));
    b.serverAddress = parts.at(i++);
    QString err;
    if (!isValidHostPort(b.serverAddress, &err)) return failure(err);
    static const QRegularExpression fpRe(QStringLiteral("\\A[0-9A-Fa-f]{40}\\z"));
    if (i < parts.size() && !parts.at(i).contains(QLatin1Char('='))) {
        if (!fpRe.match(parts.at(i)).hasMatch())
            return failure(QObject::tr("\"%1\" is not a fingerprint (40 hex digits)").arg(parts.at(i)));
        b.fingerprint = parts.at(i++).toUpper();
    }
    for (; i < parts.size(); ++i) {
        const QString& kv = parts.at(i);
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) return failure(QObject::tr("\"%1\" is not a key=value option").arg(kv));
        const QString key = kv.left(eq);
        if (b.options.contains(key)) return failure(QObject::tr("option \"%1\" appears twice").arg(key));
        b.options.insert(key, kv.mid(eq + 1));
    }
    // The one argument without which the line is useless. Values (iat-mode, ...) are
    // checked against the dispatcher's own description by checkImport().
    if (b.transport == QLatin1String("obfs4")) {
        if (!b.options.contains(QStringLiteral("cert")) && !b.options.contains(QStringLiteral("node-id")))
            return failure(QObject::tr("obfs4 bridge line has no cert= option"));
    } else if (b.transport == QLatin1String("shadow")) {
        // "cipher" and "method" are the dispatcher's aliases of cipherName: one name, so
        // the GUI's cipher field shows it and an ss:// link round-trips.
        for (const char* alias : {"cipher", "method"}) {
            const QString key = QLatin1String(alias);
            if (!b.options.contains(key)) continue;
            const QJsonValue v = b.options.take(key);
            const QJsonValue have = b.options.value(QStringLiteral("cipherName"));
            if (!have.isUndefined() && have != v)
                return failure(QObject::tr("shadow bridge line names two different ciphers"));
            b.options.insert(QStringLiteral("cipherName"), v);
        }
    } else if (b.transport == QLatin1String("webtunnel") || b.transport.startsWith(QLatin1String("meek"))) {
        if (b.options.value(QStringLiteral("url")).toString().isEmpty())
            return failure(QObject::tr("%1 bridge line has no url= option").arg(b.transport));
    }
    b.options.insert(QStringLiteral("serverAddress"), b.serverAddress);
    ImportResult r;
    r.ok = true;
    r.bridge = b;
    return r;
}

ImportResult importShadowsocksUri(const QString& text)
{
    const QString s = text.trimmed();
    if (!s.startsWith(QLatin1String("ss://"), Qt::CaseInsensitive))
        return failure(QObject::tr("not an ss:// URI"));
    QString rest = s.mid(5);
    ImportedBridge b;
    b.transport = QStringLiteral("shadow");
    const int hash = rest.indexOf(QLatin1Char('#'));
    if (hash >= 0) {
        b.name = QUrl::fromPercentEncoding(rest.mid(hash + 1).toUtf8());
        rest = rest.left(hash);
    }
    // SIP002 plugin parameters ("/?plugin=..."): we cannot honour them, so refuse.
    const int query = rest.indexOf(QLatin1Char('?'));
    if (query >= 0) {
        if (rest.mid(query).contains(QLatin1String("plugin=")))
            return failure(QObject::tr("ss:// plugins are not supported"));
        rest = rest.left(query);
    }
    if (rest.endsWith(QLatin1Char('/'))) rest.chop(1);
    const int at = rest.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return failure(QObject::tr("ss:// URI has no '@' (the legacy all-base64 form is not supported)"));
    const QString userinfo = rest.left(at);
    b.serverAddress = rest.mid(at + 1);
    if (userinfo.isEmpty()) return failure(QObject::tr("ss:// URI has no method:password"));
    QString err;
    if (!isValidHostPort(b.serverAddress, &err)) return failure(err);

    QString plain;
    if (userinfo.contains(QLatin1Char(':'))) {
        plain = QUrl::fromPercentEncoding(userinfo.toUtf8());
    } else {
        const auto decoded = QByteArray::fromBase64Encoding(
            userinfo.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        const auto decodedStd =
            decoded ? decoded
                    : QByteArray::fromBase64Encoding(userinfo.toLatin1(),
                                                     QByteArray::Base64Encoding |
                                                         QByteArray::AbortOnBase64DecodingErrors);
        if (!decodedStd) return failure(QObject::tr("ss:// user info is neither base64 nor method:password"));
        plain = QString::fromUtf8(*decodedStd);
    }
    const int colon = plain.indexOf(QLatin1Char(':'));
    if (colon < 0) return failure(QObject::tr("ss:// user info has no ':' between method and password"));
    const QString method = plain.left(colon);
    const QString password = plain.mid(colon + 1);
    if (method.isEmpty()) return failure(QObject::tr("ss:// URI has an empty method"));
    if (password.isEmpty()) return failure(QObject::tr("ss:// URI has an empty password"));
    b.options.insert(QStringLiteral("cipherName"), method);
    b.options.insert(QStringLiteral("password"), password);
    b.options.insert(QStringLiteral("serverAddress"), b.serverAddress);
    ImportResult r;
    r.ok = true;
    r.bridge = b;
    return r;
}

ImportResult checkImport(ImportResult r, const QList<describe::Transport>& transports)
{
    if (!r.ok) return r;
    const describe::Transport* t = nullptr;
    for (const describe::Transport& d : transports)
        if (d.name == r.bridge.transport) t = &d;
    if (!t || !t->client.supported)
        return failure(QObject::tr("this ptdispatcher has no %1 client").arg(r.bridge.transport));
    for (const describe::Option& o : t->client.options) {
        if (o.type != describe::OptionType::Enum || !r.bridge.options.contains(o.name)) continue;
        const QJsonValue v = r.bridge.options.value(o.name);
        const QString text = v.isDouble() ? QString::number(v.toDouble()) : v.toString();
        QString match;
        for (const QString& c : o.choices)
            if (c.compare(text, Qt::CaseInsensitive) == 0) match = c;
        if (match.isEmpty())
            return failure(QObject::tr("%1=%2 is not supported by this ptdispatcher (one of: %3)")
                               .arg(o.name, text, o.choices.join(QStringLiteral(", "))));
        r.bridge.options.insert(o.name, match);
    }
    return r;
}

namespace {
QString formatFailure(QString* error, const QString& why)
{
    if (error) *error = why;
    return QString();
}

bool optionText(const QJsonValue& v, QString* out)
{
    if (v.isString())
        *out = v.toString();
    else if (v.isBool())
        *out = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (v.isDouble())
        *out = QString::number(v.toDouble(), 'g', 17);
    else
        return false;
    return true;
}

bool hasSpace(const QString& s)
{
    for (QChar c : s)
        if (c.isSpace() || c.unicode() < 0x20) return true;
    return false;
}
} // namespace

QString formatBridgeLine(const ImportedBridge& b, QString* error)
{
    static const QRegularExpression transportRe(QStringLiteral("\\A[A-Za-z0-9_]+\\z"));
    if (!transportRe.match(b.transport).hasMatch())
        return formatFailure(error, QObject::tr("\"%1\" is not a transport name").arg(b.transport));
    QString err;
    if (!isValidHostPort(b.serverAddress, &err)) return formatFailure(error, err);
    const QJsonValue optAddress = b.options.value(QStringLiteral("serverAddress"));
    if (!optAddress.isUndefined() && optAddress.toString() != b.serverAddress)
        return formatFailure(error, QObject::tr("the serverAddress option (%1) differs from the address %2")
                                        .arg(optAddress.toString(), b.serverAddress));
    QString line;
    if (b.transport == QLatin1String("shadow")) {
        QString method;
        QString password;
        for (auto it = b.options.begin(); it != b.options.end(); ++it) {
            QString text;
            if (!optionText(it.value(), &text))
                return formatFailure(error, QObject::tr("option \"%1\" is not a single value").arg(it.key()));
            if (it.key() == QLatin1String("cipherName") || it.key() == QLatin1String("cipher") ||
                it.key() == QLatin1String("method")) {
                if (!method.isEmpty() && method != text)
                    return formatFailure(error, QObject::tr("two different ciphers in the options"));
                method = text;
            } else if (it.key() == QLatin1String("password")) {
                password = text;
            } else if (it.key() != QLatin1String("serverAddress")) {
                return formatFailure(
                    error, QObject::tr("an ss:// link cannot hold the option \"%1\"").arg(it.key()));
            }
        }
        if (method.isEmpty() || password.isEmpty())
            return formatFailure(error, QObject::tr("a shadow bridge needs a cipher and a password"));
        if (method.contains(QLatin1Char(':')))
            return formatFailure(error, QObject::tr("\"%1\" is not a cipher name").arg(method));
        const QByteArray user = (method + QLatin1Char(':') + password)
                                    .toUtf8()
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        line = QStringLiteral("ss://") + QString::fromLatin1(user) + QLatin1Char('@') + b.serverAddress;
        if (!b.name.isEmpty()) line += QLatin1Char('#') + QString::fromUtf8(QUrl::toPercentEncoding(b.name));
    } else {
        line = b.transport + QLatin1Char(' ') + b.serverAddress;
        if (!b.fingerprint.isEmpty()) {
            static const QRegularExpression fpRe(QStringLiteral("\\A[0-9A-Fa-f]{40}\\z"));
            if (!fpRe.match(b.fingerprint).hasMatch())
                return formatFailure(
                    error, QObject::tr("\"%1\" is not a fingerprint (40 hex digits)").arg(b.fingerprint));
            line += QLatin1Char(' ') + b.fingerprint.toUpper();
        }
        for (auto it = b.options.begin(); it != b.options.end(); ++it) {
            if (it.key() == QLatin1String("serverAddress")) continue;
            QString text;
            if (!optionText(it.value(), &text))
                return formatFailure(error, QObject::tr("option \"%1\" is not a single value").arg(it.key()));
            if (it.key().isEmpty() || it.key().contains(QLatin1Char('=')) || hasSpace(it.key()))
                return formatFailure(error,
                                     QObject::tr("\"%1\" cannot be written as an option name").arg(it.key()));
            if (hasSpace(text))
                return formatFailure(
                    error, QObject::tr("the value of \"%1\" has white space, which a bridge line cannot hold")
                               .arg(it.key()));
            line += QLatin1Char(' ') + it.key() + QLatin1Char('=') + text;
        }
    }
    // What cannot be read back cannot be written: the reader's own checks decide.
    const ImportResult back = importAny(line);
    if (!back.ok) return formatFailure(error, back.error);
    return line;
}

ImportResult importAny(const QString& text)
{
    if (text.trimmed().startsWith(QLatin1String("ss://"), Qt::CaseInsensitive))
        return importShadowsocksUri(text);
    return importBridgeLine(text);
}

} // namespace pt::bridge
