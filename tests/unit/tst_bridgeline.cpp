// shared/bridge: formatBridgeLine() is the inverse of importAny() for every transport
// (the GUI checks a stored profile with `ptdispatcher -check <line>`), and refuses
// what a bridge line or ss:// link cannot hold.
#include "shared/bridge/BridgeLine.h"

#include <QJsonObject>
#include <QtTest>

using pt::bridge::ImportedBridge;
Q_DECLARE_METATYPE(ImportedBridge)

namespace {
const QString kFp = QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567");
const QString kCert = QString(70, QLatin1Char('A')).replace(3, 2, QStringLiteral("+/"));

ImportedBridge bridge(const QString& transport, const QString& address, QJsonObject options,
                      const QString& fingerprint = {}, const QString& name = {})
{
    ImportedBridge b;
    b.transport = transport;
    b.serverAddress = address;
    b.fingerprint = fingerprint;
    b.name = name;
    options.insert(QStringLiteral("serverAddress"), address);
    b.options = options;
    return b;
}
} // namespace

class TstBridgeLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<ImportedBridge>("in");
        QTest::addColumn<QString>("expectedLine");
        QTest::newRow("obfs4") << bridge("obfs4", "192.0.2.1:443", {{"cert", kCert}, {"iat-mode", "0"}}, kFp)
                               << QStringLiteral("obfs4 192.0.2.1:443 %1 cert=%2 iat-mode=0").arg(kFp, kCert);
        QTest::newRow("obfs4 IPv6, no fingerprint")
            << bridge("obfs4", "[2001:db8::1]:9443", {{"cert", kCert}, {"iat-mode", "2"}})
            << QStringLiteral("obfs4 [2001:db8::1]:9443 cert=%1 iat-mode=2").arg(kCert);
        QTest::newRow("obfs2") << bridge("obfs2", "10.0.0.1:1", {}) << QStringLiteral("obfs2 10.0.0.1:1");
        QTest::newRow("plain IPv6") << bridge("plain", "[::1]:9000", {})
                                    << QStringLiteral("plain [::1]:9000");
        // '=' '?' '&' '%' ':' '/' in values need no escaping: the first '=' splits.
        QTest::newRow("webtunnel IPv6")
            << bridge("webtunnel", "[2001:db8::2]:443",
                      {{"url", "https://example.com/sec%20ret?a=b&c=d"}, {"ver", "0.0.1"}}, kFp)
            << QStringLiteral(
                   "webtunnel [2001:db8::2]:443 %1 url=https://example.com/sec%20ret?a=b&c=d ver=0.0.1")
                   .arg(kFp);
        QTest::newRow("meek_lite")
            << bridge("meek_lite", "192.0.2.18:80",
                      {{"url", "https://meek.example.net/"},
                       {"front", "www.example.com"},
                       {"utls", "HelloRandomizedALPN"}},
                      kFp)
            << QStringLiteral(
                   "meek_lite 192.0.2.18:80 %1 front=www.example.com url=https://meek.example.net/ "
                   "utls=HelloRandomizedALPN")
                   .arg(kFp);
        QTest::newRow("meeklite") << bridge("meeklite", "127.0.0.1:1", {{"url", "http://127.0.0.1:2/"}})
                                  << QStringLiteral("meeklite 127.0.0.1:1 url=http://127.0.0.1:2/");
        // Password with the characters a userinfo cannot hold as they are; a name
        // with a space and non-ASCII.
        const QString user = QString::fromLatin1(
            QByteArray("aes-256-gcm:p@ss:w/rd#?")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QTest::newRow("shadow") << bridge("shadow", "127.0.0.1:8388",
                                          {{"cipherName", "aes-256-gcm"}, {"password", "p@ss:w/rd#?"}}, {},
                                          QStringLiteral("my server \u00e9"))
                                << QStringLiteral("ss://%1@127.0.0.1:8388#my%20server%20%C3%A9").arg(user);
        const QString user2 = QString::fromLatin1(
            QByteArray("chacha20-ietf-poly1305:x")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QTest::newRow("shadow IPv6, no name")
            << bridge("shadow", "[::1]:8388", {{"cipherName", "chacha20-ietf-poly1305"}, {"password", "x"}})
            << QStringLiteral("ss://%1@[::1]:8388").arg(user2);
    }
    void roundTrip()
    {
        QFETCH(ImportedBridge, in);
        QFETCH(QString, expectedLine);
        QString error;
        const QString line = pt::bridge::formatBridgeLine(in, &error);
        QVERIFY2(!line.isEmpty(), qPrintable(error));
        QCOMPARE(line, expectedLine);
        const pt::bridge::ImportResult back = pt::bridge::importAny(line);
        QVERIFY2(back.ok, qPrintable(back.error));
        QCOMPARE(back.bridge.transport, in.transport);
        QCOMPARE(back.bridge.serverAddress, in.serverAddress);
        QCOMPARE(back.bridge.fingerprint, in.fingerprint);
        QCOMPARE(back.bridge.options, in.options);
        if (in.transport == QLatin1String("shadow")) QCOMPARE(back.bridge.name, in.name);
        // And the other way: what was imported is written back the same.
        QCOMPARE(pt::bridge::formatBridgeLine(back.bridge), line);
    }

    // What users paste, through import, formatting and import again.
    void pastedLinesSurvive_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::newRow("Bridge prefix")
            << QStringLiteral("Bridge obfs4 1.2.3.4:443 %1 cert=%2 iat-mode=1").arg(kFp, kCert);
        QTest::newRow("lower-case fingerprint")
            << QStringLiteral("webtunnel [2001:db8::3]:443 %1 url=https://a.example/x ver=0.0.1")
                   .arg(kFp.toLower());
        QTest::newRow("ss plain userinfo") << QStringLiteral("ss://aes-128-gcm:secret@[::1]:8388/#tag");
        QTest::newRow("ss padded base64") << QStringLiteral("ss://YWVzLTEyOC1nY206c2VjcmV0@127.0.0.1:8388");
        // Found by fuzz_bridge_line: the alias "cipher" came back as cipherName.
        QTest::newRow("shadow line, cipher alias")
            << QStringLiteral("shadow .4:1 password=a cipher=wName=ge");
    }
    void pastedLinesSurvive()
    {
        QFETCH(QString, pasted);
        const pt::bridge::ImportResult first = pt::bridge::importAny(pasted);
        QVERIFY2(first.ok, qPrintable(first.error));
        QString error;
        const QString line = pt::bridge::formatBridgeLine(first.bridge, &error);
        QVERIFY2(!line.isEmpty(), qPrintable(error));
        const pt::bridge::ImportResult again = pt::bridge::importAny(line);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.bridge.transport, first.bridge.transport);
        QCOMPARE(again.bridge.serverAddress, first.bridge.serverAddress);
        QCOMPARE(again.bridge.fingerprint, first.bridge.fingerprint);
        QCOMPARE(again.bridge.options, first.bridge.options);
        QCOMPARE(again.bridge.name, first.bridge.name);
    }

    void shadowCipherAliasesBecomeCipherName()
    {
        for (const char* alias : {"cipher", "method"}) {
            const auto r = pt::bridge::importAny(
                QStringLiteral("shadow 127.0.0.1:8388 password=p %1=aes-128-gcm").arg(QLatin1String(alias)));
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.bridge.options.value(QStringLiteral("cipherName")).toString(),
                     QStringLiteral("aes-128-gcm"));
            QVERIFY(!r.bridge.options.contains(QLatin1String(alias)));
        }
        QVERIFY(pt::bridge::importAny(QStringLiteral("shadow 127.0.0.1:1 password=p cipher=aes-128-gcm "
                                                     "cipherName=aes-128-gcm"))
                    .ok);
        const auto two = pt::bridge::importAny(
            QStringLiteral("shadow 127.0.0.1:1 password=p cipher=aes-128-gcm method=aes-256-gcm"));
        QVERIFY(!two.ok);
        QVERIFY2(two.error.contains(QLatin1String("two different ciphers")), qPrintable(two.error));
    }

    void numbersAndBooleansAreWrittenAsText()
    {
        const QString line = pt::bridge::formatBridgeLine(
            bridge("obfs4", "1.2.3.4:1", {{"cert", kCert}, {"iat-mode", 1}, {"flag", true}}));
        QCOMPARE(line, QStringLiteral("obfs4 1.2.3.4:1 cert=%1 flag=true iat-mode=1").arg(kCert));
    }

    void whatCannotBeWritten_data()
    {
        QTest::addColumn<ImportedBridge>("in");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("value with a space")
            << bridge("obfs4", "1.2.3.4:1", {{"cert", "a b"}}) << "white space";
        QTest::newRow("value with a tab") << bridge("plain", "1.2.3.4:1", {{"x", "a\tb"}}) << "white space";
        QTest::newRow("key with =") << bridge("plain", "1.2.3.4:1", {{"a=b", "c"}}) << "option name";
        QTest::newRow("key with space") << bridge("plain", "1.2.3.4:1", {{"a b", "c"}}) << "option name";
        QTest::newRow("object value")
            << bridge("plain", "1.2.3.4:1", {{"x", QJsonObject{{"y", 1}}}}) << "not a single value";
        QTest::newRow("obfs4 without cert") << bridge("obfs4", "1.2.3.4:1", {{"iat-mode", "0"}}) << "cert";
        QTest::newRow("webtunnel without url") << bridge("webtunnel", "1.2.3.4:1", {}) << "url";
        QTest::newRow("no transport") << bridge("", "1.2.3.4:1", {}) << "transport name";
        QTest::newRow("transport with a space") << bridge("ob fs4", "1.2.3.4:1", {}) << "transport name";
        QTest::newRow("bad port") << bridge("plain", "1.2.3.4:70000", {}) << "port";
        // Found by the bridge_line fuzz target: toUInt() takes "1\t", the next import trims it.
        QTest::newRow("port with a tab") << bridge("plain", "1.2.3.4:1\t", {}) << "port";
        QTest::newRow("host with a space") << bridge("plain", "a b:1", {}) << "host name";
        QTest::newRow("IPv6 without brackets") << bridge("plain", "::1:80", {}) << "brackets";
        QTest::newRow("bad fingerprint") << bridge("plain", "1.2.3.4:1", {}, "XYZ") << "fingerprint";
        QTest::newRow("shadow without password")
            << bridge("shadow", "1.2.3.4:1", {{"cipherName", "aes-128-gcm"}}) << "password";
        QTest::newRow("shadow option ss:// cannot hold")
            << bridge("shadow", "1.2.3.4:1",
                      {{"cipherName", "aes-128-gcm"}, {"password", "p"}, {"target", "a:1"}})
            << "target";
        ImportedBridge mismatch = bridge("plain", "1.2.3.4:1", {});
        mismatch.options.insert(QStringLiteral("serverAddress"), QStringLiteral("5.6.7.8:1"));
        QTest::newRow("serverAddress differs") << mismatch << "differs";
    }
    void whatCannotBeWritten()
    {
        QFETCH(ImportedBridge, in);
        QFETCH(QString, errorPart);
        QString error;
        QCOMPARE(pt::bridge::formatBridgeLine(in, &error), QString());
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstBridgeLine)
#include "tst_bridgeline.moc"
