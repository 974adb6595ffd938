// Option value syntaxes: lenient JSON, per-transport options (map or bare form),
// TOR_PT_SERVER_TRANSPORT_OPTIONS escapes, upstream proxy URIs and host:port.

#include "dispatcher/core/Config.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

namespace {

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compactMap(const QMap<QString, QJsonObject>& m)
{
    QStringList parts;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + compact(it.value());
    return parts.join(QLatin1Char(';'));
}

QStringList list(const char* s)
{
    return QString::fromUtf8(s).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

class TestOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lenientJson_data();
    void lenientJson();
    void transportOptions_data();
    void transportOptions();
    void torServerTransportOptions_data();
    void torServerTransportOptions();
    void upstreamProxy_data();
    void upstreamProxy();
    void hostPort_data();
    void hostPort();
    void ipLiteralsAndHostNames();
    void proxyModeNamesRoundTrip();
    void randomInputAlwaysGivesAValueOrAnError();
};

// expected: compact strict JSON, or empty for an error (then error must contain errorPart).
void TestOptions::lenientJson_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("errorPart");

    auto row = [](const char* name, const QString& in, const QString& out, const QString& err = {}) {
        QTest::newRow(name) << in << out << err;
    };
    row("strict JSON unchanged", QStringLiteral(R"({"a": 1, "b": [true, false, null]})"),
        QStringLiteral(R"({"a":1,"b":[true,false,null]})"));
    row("unquoted keys", QStringLiteral(R"({a: 1, b: "x"})"), QStringLiteral(R"({"a":1,"b":"x"})"));
    row("spec example, nested",
        QStringLiteral(R"({shadow: {password: "password", cipherName: "AES-128-GCM"}})"),
        QStringLiteral(R"({"shadow":{"cipherName":"AES-128-GCM","password":"password"}})"));
    row("dashed and numeric keys", QStringLiteral(R"({iat-mode: 0, 42: -1.5e+3})"),
        QStringLiteral(R"({"42":-1500,"iat-mode":0})"));
    row("colons and braces inside strings untouched", QStringLiteral(R"({a: "x: {y}, z,}", b: "k: v"})"),
        QStringLiteral(R"({"a":"x: {y}, z,}","b":"k: v"})"));
    row("escaped quotes inside strings untouched", QStringLiteral(R"({a: "say \"hi: there\" {b: 1}"})"),
        QStringLiteral(R"({"a":"say \"hi: there\" {b: 1}"})"));
    row("single-quoted strings", QStringLiteral(R"({'a': 'it\'s "q": x'})"),
        QStringLiteral(R"({"a":"it's \"q\": x"})"));
    row("apostrophe inside double quotes", QStringLiteral(R"({a: "it's"})"),
        QStringLiteral(R"({"a":"it's"})"));
    row("trailing commas", QStringLiteral("{a: [1, 2, ], b: {c: 3,},\n}"),
        QStringLiteral(R"({"a":[1,2],"b":{"c":3}})"));
    row("comments", QStringLiteral("{ // line\n a: 1, /* block: {x} */ b: 2 }"),
        QStringLiteral(R"({"a":1,"b":2})"));
    row("shell-escaped spec example passed verbatim",
        QStringLiteral(R"({shadow: {password: \"password\", cipherName: \"AES-128-GCM\"}})"),
        QStringLiteral(R"({"shadow":{"cipherName":"AES-128-GCM","password":"password"}})"));
    row("unicode values", QStringLiteral(u"{name: \"gr\u00fc\u00df\"}"),
        QStringLiteral(u"{\"name\":\"gr\u00fc\u00df\"}"));
    row("empty object", QStringLiteral("  {}  "), QStringLiteral("{}"));
    row("missing value", QStringLiteral("{a: }"), QString(), QStringLiteral("invalid JSON"));
    row("bare word value", QStringLiteral("{a: bare}"), QString(), QStringLiteral("invalid JSON"));
    row("plain garbage", QStringLiteral("hello"), QString(), QStringLiteral("must be a JSON object"));
    row("unclosed object", QStringLiteral(R"({"a": 1)"), QString(), QStringLiteral("invalid JSON"));
    row("unterminated string", QStringLiteral(R"({a: "x})"), QString(),
        QStringLiteral("unterminated string"));
    row("unterminated single-quoted string", QStringLiteral("{a: 'x}"), QString(),
        QStringLiteral("unterminated string"));
    row("single-quoted string ending in a backslash", QStringLiteral("{a: 'x\\"), QString(),
        QStringLiteral("unterminated string"));
    row("unterminated comment", QStringLiteral("{a: 1 /* x"), QString(),
        QStringLiteral("unterminated comment"));
    row("array at top level", QStringLiteral("[1, 2]"), QString(), QStringLiteral("must be a JSON object"));
    row("two objects", QStringLiteral("{} {}"), QString(), QStringLiteral("invalid JSON"));
}

void TestOptions::lenientJson()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, errorPart);
    QString error;
    const std::optional<QJsonObject> obj = pt::parseLenientJsonObject(input, &error);
    if (expected.isEmpty()) {
        QVERIFY2(!obj, obj ? qPrintable(compact(*obj)) : "");
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        return;
    }
    QVERIFY2(obj, qPrintable(error));
    QCOMPARE(compact(*obj), expected);
}

void TestOptions::transportOptions_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("transports");
    QTest::addColumn<QString>("expected"); // compactMap form; "!" + text for an error

    QTest::newRow("bare object with one transport") << QStringLiteral(R"({password: "x"})") << list("shadow")
                                                    << QStringLiteral(R"(shadow={"password":"x"})");
    QTest::newRow("map with one transport") << QStringLiteral(R"({shadow: {password: "x"}})")
                                            << list("shadow") << QStringLiteral(R"(shadow={"password":"x"})");
    QTest::newRow("map ignores keys that are not configured transports")
        << QStringLiteral(R"({shadow: {a: 1}, other: {b: 2}})") << list("shadow,obfs4")
        << QStringLiteral(R"(shadow={"a":1})");
    QTest::newRow("map with several transports")
        << QStringLiteral(R"({shadow: {a: 1}, obfs4: {cert: "c"}})") << list("shadow,obfs4")
        << QStringLiteral(R"(obfs4={"cert":"c"};shadow={"a":1})");
    QTest::newRow("bare object with several transports")
        << QStringLiteral(R"({password: "x"})") << list("shadow,obfs4")
        << QStringLiteral(
               "!options must be a map of transport name to options when several transports are configured");
    QTest::newRow("map entry that is not an object")
        << QStringLiteral(R"({shadow: {a: 1}, obfs4: "x"})") << list("shadow,obfs4")
        << QStringLiteral("!options for transport 'obfs4' must be a JSON object");
    QTest::newRow("transport-named key with a string value is a bare option")
        << QStringLiteral(R"({shadow: "x"})") << list("shadow") << QStringLiteral(R"(shadow={"shadow":"x"})");
    QTest::newRow("empty text") << QStringLiteral("") << list("a,b") << QString();
    QTest::newRow("whitespace text") << QStringLiteral(" \n\t") << list("a") << QString();
    QTest::newRow("empty object with several transports") << QStringLiteral("{}") << list("a,b") << QString();
    QTest::newRow("garbage") << QStringLiteral("{{") << list("a") << QStringLiteral("!invalid JSON");
    QTest::newRow("top level not an object")
        << QStringLiteral("\"x\"") << list("a") << QStringLiteral("!must be a JSON object");
}

void TestOptions::transportOptions()
{
    QFETCH(QString, input);
    QFETCH(QStringList, transports);
    QFETCH(QString, expected);
    QString error;
    const auto opts = pt::parseTransportOptions(input, transports, &error);
    if (expected.startsWith(QLatin1Char('!'))) {
        QVERIFY(!opts);
        QVERIFY2(error.contains(expected.mid(1)), qPrintable(error));
        return;
    }
    QVERIFY2(opts, qPrintable(error));
    QCOMPARE(compactMap(*opts), expected);
}

void TestOptions::torServerTransportOptions_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // compactMap form; "!" + text for an error

    QTest::newRow("tor bridge recipe")
        << QStringLiteral("obfs4:iat-mode=0") << QStringLiteral(R"(obfs4={"iat-mode":"0"})");
    QTest::newRow("escaped semicolon in a value") << QStringLiteral(R"(obfs4:iat-mode=0;obfs4:cert=x\;y)")
                                                  << QStringLiteral(R"(obfs4={"cert":"x;y","iat-mode":"0"})");
    QTest::newRow("pt-spec example")
        << QStringLiteral("scramblesuit:key=banana;automata:rule=110;automata:depth=3")
        << QStringLiteral(R"(automata={"depth":"3","rule":"110"};scramblesuit={"key":"banana"})");
    QTest::newRow("escaped colon, backslash and equals")
        << QStringLiteral(R"(t:k=a\:b\\c\=d)") << QStringLiteral(R"(t={"k":"a:b\\c=d"})");
    QTest::newRow("escaped colon in the key")
        << QStringLiteral(R"(t:a\:b=1)") << QStringLiteral(R"(t={"a:b":"1"})");
    QTest::newRow("unescaped '=' inside the value")
        << QStringLiteral("t:k=a=b") << QStringLiteral(R"(t={"k":"a=b"})");
    QTest::newRow("empty value") << QStringLiteral("t:k=") << QStringLiteral(R"(t={"k":""})");
    QTest::newRow("trailing semicolon") << QStringLiteral("t:k=v;") << QStringLiteral(R"(t={"k":"v"})");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("no colon") << QStringLiteral("obfs4") << QStringLiteral("!missing ':'");
    QTest::newRow("no equals") << QStringLiteral("obfs4:iatmode") << QStringLiteral("!missing '='");
    QTest::newRow("dangling backslash")
        << QStringLiteral(R"(t:k=v\)") << QStringLiteral("!dangling backslash");
    QTest::newRow("empty transport name")
        << QStringLiteral(":k=v") << QStringLiteral("!empty transport name");
}

void TestOptions::torServerTransportOptions()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QString error;
    const auto opts = pt::parseTorServerTransportOptions(input, &error);
    if (expected.startsWith(QLatin1Char('!'))) {
        QVERIFY(!opts);
        QVERIFY2(error.contains(expected.mid(1)), qPrintable(error));
        return;
    }
    QVERIFY2(opts, qPrintable(error));
    QCOMPARE(compactMap(*opts), expected);
}

void TestOptions::upstreamProxy_data()
{
    QTest::addColumn<QString>("uri");
    // "type user:pass@host:port", or "!" + part of the error.
    QTest::addColumn<QString>("expected");

    auto row = [](const char* name, const QString& uri, const QString& expected) {
        QTest::newRow(name) << uri << expected;
    };
    row("socks5", QStringLiteral("socks5://127.0.0.1:1080"), QStringLiteral("socks5 :@127.0.0.1:1080"));
    row("scheme is case-insensitive", QStringLiteral("SOCKS5://127.0.0.1:1080"),
        QStringLiteral("socks5 :@127.0.0.1:1080"));
    row("socks5 with auth", QStringLiteral("socks5://proxyuser:proxypass@127.0.0.1:31080"),
        QStringLiteral("socks5 proxyuser:proxypass@127.0.0.1:31080"));
    row("percent-decoded userinfo, IPv6", QStringLiteral("socks5://us%40er:p%3As%2fs@[::1]:1080"),
        QStringLiteral("socks5 us@er:p:s/s@::1:1080"));
    row("utf-8 percent-decoding", QStringLiteral("http://%C3%BC:x@1.2.3.4:8080"),
        QStringLiteral(u"http \u00fc:x@1.2.3.4:8080"));
    row("password containing ':'", QStringLiteral("socks5://u:a:b@127.0.0.1:1"),
        QStringLiteral("socks5 u:a:b@127.0.0.1:1"));
    row("socks4a with user id", QStringLiteral("socks4a://userid@10.0.0.1:1080"),
        QStringLiteral("socks4a userid:@10.0.0.1:1080"));
    row("socks4a without user", QStringLiteral("socks4a://10.0.0.1:1080"),
        QStringLiteral("socks4a :@10.0.0.1:1080"));
    row("spec http example", QStringLiteral("http://198.51.100.3:443"),
        QStringLiteral("http :@198.51.100.3:443"));
    row("http with auth", QStringLiteral("HTTP://u:p@1.2.3.4:8080/"),
        QStringLiteral("http u:p@1.2.3.4:8080"));
    row("http user without password", QStringLiteral("http://u@1.2.3.4:8080"),
        QStringLiteral("http u:@1.2.3.4:8080"));
    row("empty userinfo", QStringLiteral("socks5://@127.0.0.1:1"), QStringLiteral("socks5 :@127.0.0.1:1"));
    row("unknown scheme", QStringLiteral("ftp://1.2.3.4:21"), QStringLiteral("!unknown proxy scheme 'ftp'"));
    row("socks4 is not socks4a", QStringLiteral("socks4://1.2.3.4:21"),
        QStringLiteral("!unknown proxy scheme 'socks4'"));
    row("no scheme", QStringLiteral("127.0.0.1:1080"), QStringLiteral("!no scheme"));
    row("host name", QStringLiteral("socks5://proxy.example:1080"),
        QStringLiteral("!proxy host must be an IP address, not a host name"));
    row("port 0", QStringLiteral("socks5://127.0.0.1:0"), QStringLiteral("!bad proxy port"));
    row("port 65536", QStringLiteral("socks5://127.0.0.1:65536"), QStringLiteral("!bad proxy port"));
    row("missing port", QStringLiteral("http://127.0.0.1"), QStringLiteral("!bad proxy port"));
    row("non-numeric port", QStringLiteral("http://127.0.0.1:http"), QStringLiteral("!bad proxy port"));
    row("IPv6 without brackets", QStringLiteral("socks5://::1:1080"), QStringLiteral("!brackets"));
    row("socks5 user without password", QStringLiteral("socks5://user@127.0.0.1:1080"),
        QStringLiteral("!socks5 proxy user without password"));
    row("socks5 user with empty password", QStringLiteral("socks5://user:@127.0.0.1:1080"),
        QStringLiteral("!socks5 proxy user without password"));
    row("socks5 user of 256 bytes",
        QStringLiteral("socks5://%1:p@127.0.0.1:1").arg(QString(256, QLatin1Char('u'))),
        QStringLiteral("!at most 255 bytes"));
    row("socks5 user of 255 bytes",
        QStringLiteral("socks5://%1:p@127.0.0.1:1").arg(QString(255, QLatin1Char('u'))),
        QStringLiteral("socks5 %1:p@127.0.0.1:1").arg(QString(255, QLatin1Char('u'))));
    row("password without user", QStringLiteral("http://:p@1.2.3.4:1"),
        QStringLiteral("!password without a user"));
    row("socks4a with password", QStringLiteral("socks4a://u:p@1.2.3.4:1"), QStringLiteral("!no password"));
    row("bad percent-encoding", QStringLiteral("socks5://u%zz:p@1.2.3.4:1"),
        QStringLiteral("!percent-encoding"));
    row("truncated percent-encoding", QStringLiteral("socks5://u%4:p@1.2.3.4:1"),
        QStringLiteral("!percent-encoding"));
    row("path", QStringLiteral("http://1.2.3.4:1/x"), QStringLiteral("!path"));
    row("empty", QString(), QStringLiteral("!no scheme"));
}

void TestOptions::upstreamProxy()
{
    QFETCH(QString, uri);
    QFETCH(QString, expected);
    QString error;
    const std::optional<pt::UpstreamProxy> p = pt::parseUpstreamProxy(uri, &error);
    if (expected.startsWith(QLatin1Char('!'))) {
        QVERIFY(!p);
        QVERIFY2(error.contains(expected.mid(1)), qPrintable(error));
        return;
    }
    QVERIFY2(p, qPrintable(error));
    const char* types[] = {"socks5", "socks4a", "http"};
    const QString actual = QLatin1String(types[static_cast<int>(p->type)]) + QLatin1Char(' ') + p->user +
                           QLatin1Char(':') + p->password + QLatin1Char('@') + p->host + QLatin1Char(':') +
                           QString::number(p->port);
    QCOMPARE(actual, expected);
    QCOMPARE(p->hasAuth(), !p->user.isEmpty());
}

void TestOptions::hostPort_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("allowZero");
    QTest::addColumn<QString>("expected"); // toString(), or "!" + error part

    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:5") << false << QStringLiteral("127.0.0.1:5");
    QTest::newRow("ipv6") << QStringLiteral("[::1]:65535") << false << QStringLiteral("[::1]:65535");
    QTest::newRow("name") << QStringLiteral("example.com:80") << false << QStringLiteral("example.com:80");
    QTest::newRow("port 0 allowed") << QStringLiteral("0.0.0.0:0") << true << QStringLiteral("0.0.0.0:0");
    QTest::newRow("port 0 refused") << QStringLiteral("0.0.0.0:0") << false << QStringLiteral("!bad port");
    QTest::newRow("port too big") << QStringLiteral("1.2.3.4:65536") << true << QStringLiteral("!bad port");
    QTest::newRow("signed port") << QStringLiteral("1.2.3.4:+5") << true << QStringLiteral("!bad port");
    QTest::newRow("no port") << QStringLiteral("1.2.3.4") << true << QStringLiteral("!missing port");
    QTest::newRow("empty port") << QStringLiteral("1.2.3.4:") << true << QStringLiteral("!bad port");
    QTest::newRow("no host") << QStringLiteral(":5") << true << QStringLiteral("!missing address");
    QTest::newRow("ipv6 unbracketed") << QStringLiteral("::1:5") << true << QStringLiteral("!brackets");
    QTest::newRow("ipv6 unclosed") << QStringLiteral("[::1:5") << true << QStringLiteral("!missing ']'");
    QTest::newRow("ipv6 no port") << QStringLiteral("[::1]") << true << QStringLiteral("!missing port");
    QTest::newRow("brackets around ipv4")
        << QStringLiteral("[1.2.3.4]:5") << true << QStringLiteral("!only for IPv6");
}

void TestOptions::hostPort()
{
    QFETCH(QString, input);
    QFETCH(bool, allowZero);
    QFETCH(QString, expected);
    QString error;
    const std::optional<pt::HostPort> hp = pt::parseHostPort(input, allowZero, &error);
    if (expected.startsWith(QLatin1Char('!'))) {
        QVERIFY(!hp);
        QVERIFY2(error.contains(expected.mid(1)), qPrintable(error));
        return;
    }
    QVERIFY2(hp, qPrintable(error));
    QCOMPARE(hp->toString(), expected);
}

void TestOptions::ipLiteralsAndHostNames()
{
    for (const char* ip : {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "2001:db8::1",
                           "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::ffff:1.2.3.4", "fe80::1%eth0"})
        QVERIFY2(pt::isIpLiteral(QLatin1String(ip)), ip);
    for (const char* notIp : {"", "localhost", "1.2.3", "127.1", "256.1.1.1", "010.0.0.1", "1.2.3.4.5",
                              "0x7f.0.0.1", "1.2.3.-4", ":::1", "[::1]", "example.com"})
        QVERIFY2(!pt::isIpLiteral(QLatin1String(notIp)), notIp);
    for (const char* name : {"example.com", "example.com.", "a", "my-host_1.local", "xn--bcher-kva.example"})
        QVERIFY2(pt::isValidHostName(QLatin1String(name)), name);
    QVERIFY(pt::isValidHostName(QStringLiteral(u"b\u00fccher.example")));
    QVERIFY(!pt::isValidHostName(QString(254, QLatin1Char('a'))));
    QVERIFY(!pt::isValidHostName(QString(64, QLatin1Char('a')) + QStringLiteral(".com")));
    for (const char* bad : {"", "bad host", "a..b", ".a", "a/b", "a@b", "a:b", "tab\there"})
        QVERIFY2(!pt::isValidHostName(QLatin1String(bad)), bad);
}

void TestOptions::proxyModeNamesRoundTrip()
{
    for (pt::ProxyMode m : {pt::ProxyMode::Socks5, pt::ProxyMode::TransparentTcp,
                            pt::ProxyMode::TransparentUdp, pt::ProxyMode::Stun})
        QCOMPARE(pt::parseProxyMode(pt::proxyModeName(m)), std::optional<pt::ProxyMode>(m));
    QCOMPARE(pt::proxyModeName(pt::ProxyMode::TransparentTcp), QStringLiteral("transparent-TCP"));
    QVERIFY(!pt::parseProxyMode(QStringLiteral("transparent-tcp")));
    QVERIFY(!pt::parseProxyMode(QString()));
}

// Garbage never crashes or hangs a parser, and every refusal says why.
void TestOptions::randomInputAlwaysGivesAValueOrAnError()
{
    QRandomGenerator rng(20240611); // fixed seed: failures are reproducible
    const QString alphabet = QStringLiteral("{}[]:;,'\"\\/*=@%-_.aZ09 \n\t");
    for (int round = 0; round < 3000; ++round) {
        QString s;
        const int len = rng.bounded(24);
        for (int i = 0; i < len; ++i)
            s.append(alphabet.at(rng.bounded(alphabet.size())));
        QString e1, e2, e3, e4;
        QVERIFY2(pt::parseLenientJsonObject(s, &e1) || !e1.isEmpty(), qPrintable(s));
        QVERIFY2(pt::parseTorServerTransportOptions(s, &e2) || !e2.isEmpty(), qPrintable(s));
        QVERIFY2(pt::parseUpstreamProxy(QStringLiteral("socks5://") + s, &e3) || !e3.isEmpty(),
                 qPrintable(s));
        QVERIFY2(pt::parseHostPort(s, true, &e4) || !e4.isEmpty(), qPrintable(s));
    }
}

QTEST_GUILESS_MAIN(TestOptions)
#include "tst_options.moc"
