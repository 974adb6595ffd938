// Bridge line and ss:// import: valid forms and each kind of invalid input.
#include "shared/bridge/BridgeLine.h"

#include <QProcess>
#include <QTest>

using namespace pt::bridge;

class TestGuiImport : public QObject
{
    Q_OBJECT
    QList<pt::describe::Transport> m_transports; // what the real dispatcher describes

private Q_SLOTS:
    void initTestCase()
    {
        QProcess p;
        p.start(QStringLiteral(PTDISPATCHER_BIN), {QStringLiteral("-describe-transports")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QString error;
        const auto parsed = pt::describe::fromJson(p.readAllStandardOutput(), &error);
        QVERIFY2(parsed, qPrintable(error));
        m_transports = *parsed;
    }

    // The lines as Tor's bridge distribution and Tor Browser hand them out: the address
    // is a placeholder (kept as serverAddress, never dialled), every argument is kept,
    // utls= too (the dispatcher accepts and ignores it).
    void webtunnelAndMeekLinesAsTorHandsThemOut_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("webtunnel") << QStringLiteral("webtunnel [2001:db8:7d0a:87f4:61a9:8ea5:c35c:e2c4]:443 "
                                                     "2F7E9A4C16AE4BD6B3C1D5E0A8F2C3B4D5E6F708 "
                                                     "url=https://wt.example.org/Uq3T9XVzLt2w ver=0.0.1")
                                   << QStringLiteral("webtunnel")
                                   << QStringLiteral("[2001:db8:7d0a:87f4:61a9:8ea5:c35c:e2c4]:443")
                                   << QStringLiteral("https://wt.example.org/Uq3T9XVzLt2w")
                                   << QStringList{"serverAddress", "url", "ver"};
        QTest::newRow("meek_lite, Tor Browser's built-in form")
            << QStringLiteral(
                   "Bridge meek_lite 192.0.2.18:80 BE776A53492E1E044A26F17306E1BC46A55A1625 "
                   "url=https://meek.example.net/ front=cdn.example.com utls=HelloRandomizedNoALPN")
            << QStringLiteral("meek_lite") << QStringLiteral("192.0.2.18:80")
            << QStringLiteral("https://meek.example.net/")
            << QStringList{"front", "serverAddress", "url", "utls"};
        QTest::newRow("url with a query string")
            << QStringLiteral("meek_lite 192.0.2.18:80 url=https://m.example.net/p?a=b=c front=f.example")
            << QStringLiteral("meek_lite") << QStringLiteral("192.0.2.18:80")
            << QStringLiteral("https://m.example.net/p?a=b=c")
            << QStringList{"front", "serverAddress", "url"};
    }
    void webtunnelAndMeekLinesAsTorHandsThemOut()
    {
        QFETCH(QString, line);
        QFETCH(QString, transport);
        QFETCH(QString, address);
        QFETCH(QString, url);
        QFETCH(QStringList, keys);
        const ImportResult r = checkImport(importAny(line), m_transports);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.bridge.transport, transport);
        QCOMPARE(r.bridge.serverAddress, address);
        QCOMPARE(r.bridge.options.value(QStringLiteral("url")).toString(), url);
        QCOMPARE(r.bridge.options.keys(), keys);
    }

    // Values are judged by the dispatcher's description, not by a copy in the GUI.
    void importIsCheckedAgainstTheDispatchersDescription_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("iat-mode off the list")
            << QStringLiteral("obfs4 1.2.3.4:443 cert=x iat-mode=7") << QStringLiteral("iat-mode=7");
        QTest::newRow("a 2022 cipher") << QStringLiteral("ss://2022-blake3-aes-128-gcm:pw@192.0.2.1:8388")
                                       << QStringLiteral("2022-blake3-aes-128-gcm");
        QTest::newRow("an unknown transport")
            << QStringLiteral("snowflake 192.0.2.3:80 fingerprint=x") << QStringLiteral("snowflake");
    }
    void importIsCheckedAgainstTheDispatchersDescription()
    {
        QFETCH(QString, text);
        QFETCH(QString, errorMentions);
        const ImportResult parsed = importAny(text);
        QVERIFY2(parsed.ok, qPrintable(parsed.error)); // the form is fine, the value is not
        const ImportResult r = checkImport(parsed, m_transports);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(errorMentions), qPrintable(r.error));
    }

    void cipherNamesTakeTheDispatchersSpelling()
    {
        const ImportResult r =
            checkImport(importAny(QStringLiteral("ss://aes-192-gcm:pw@192.0.2.1:8388")), m_transports);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.bridge.options.value(QStringLiteral("cipherName")).toString(),
                 QStringLiteral("AES-192-GCM"));
    }

    void obfs4BridgeLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("iat");
        const QString fp = QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567");
        QTest::newRow("with Bridge prefix")
            << QStringLiteral("Bridge obfs4 1.2.3.4:443 %1 cert=abc+/def iat-mode=0").arg(fp)
            << QStringLiteral("1.2.3.4:443") << QStringLiteral("0");
        QTest::newRow("no prefix, iat 1")
            << QStringLiteral("obfs4 5.6.7.8:9001 %1 cert=xyz iat-mode=1").arg(fp)
            << QStringLiteral("5.6.7.8:9001") << QStringLiteral("1");
        QTest::newRow("ipv6, no fingerprint, extra spaces")
            << QStringLiteral("  obfs4   [2001:db8::1]:443   cert=xyz  iat-mode=2 ")
            << QStringLiteral("[2001:db8::1]:443") << QStringLiteral("2");
    }
    void obfs4BridgeLine()
    {
        QFETCH(QString, line);
        QFETCH(QString, address);
        QFETCH(QString, iat);
        const ImportResult r = importAny(line);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.bridge.transport, QStringLiteral("obfs4"));
        QCOMPARE(r.bridge.serverAddress, address);
        QCOMPARE(r.bridge.options.value(QStringLiteral("serverAddress")).toString(), address);
        QCOMPARE(r.bridge.options.value(QStringLiteral("iat-mode")).toString(), iat);
        QVERIFY(!r.bridge.options.value(QStringLiteral("cert")).toString().isEmpty());
    }

    void fingerprintIsKept()
    {
        const ImportResult r = importBridgeLine(
            QStringLiteral("obfs4 1.2.3.4:443 0123456789abcdef0123456789abcdef01234567 cert=c iat-mode=0"));
        QVERIFY(r.ok);
        QCOMPARE(r.bridge.fingerprint, QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567"));
        QVERIFY(!r.bridge.options.contains(QStringLiteral("0123456789abcdef0123456789abcdef01234567")));
    }

    void invalidBridgeLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("only Bridge") << QStringLiteral("Bridge") << QStringLiteral("empty");
        QTest::newRow("vanilla bridge")
            << QStringLiteral("Bridge 1.2.3.4:443") << QStringLiteral("no transport");
        QTest::newRow("no address") << QStringLiteral("obfs4") << QStringLiteral("no server address");
        QTest::newRow("no port") << QStringLiteral("obfs4 1.2.3.4 cert=x") << QStringLiteral("missing :port");
        QTest::newRow("port zero") << QStringLiteral("obfs4 1.2.3.4:0 cert=x")
                                   << QStringLiteral("1 to 65535");
        QTest::newRow("port too big")
            << QStringLiteral("obfs4 1.2.3.4:70000 cert=x") << QStringLiteral("1 to 65535");
        QTest::newRow("bad fingerprint")
            << QStringLiteral("obfs4 1.2.3.4:443 XYZ cert=x") << QStringLiteral("fingerprint");
        QTest::newRow("no cert") << QStringLiteral("obfs4 1.2.3.4:443 iat-mode=0") << QStringLiteral("cert=");
        QTest::newRow("webtunnel without url")
            << QStringLiteral("webtunnel [2001:db8::1]:443 ver=0.0.1") << QStringLiteral("url=");
        QTest::newRow("meek_lite without url")
            << QStringLiteral("meek_lite 192.0.2.18:80 front=a.example") << QStringLiteral("url=");
        QTest::newRow("option without =")
            << QStringLiteral("obfs4 1.2.3.4:443 0123456789ABCDEF0123456789ABCDEF01234567 cert=x junk")
            << QStringLiteral("key=value");
        QTest::newRow("duplicate option")
            << QStringLiteral("obfs4 1.2.3.4:443 cert=x cert=y") << QStringLiteral("twice");
        QTest::newRow("bad transport name")
            << QStringLiteral("ob/fs4 1.2.3.4:443") << QStringLiteral("transport name");
        QTest::newRow("unbracketed ipv6")
            << QStringLiteral("obfs4 2001:db8::1:443 cert=x") << QStringLiteral("brackets");
    }
    void invalidBridgeLine()
    {
        QFETCH(QString, line);
        QFETCH(QString, errorMentions);
        const ImportResult r = importBridgeLine(line);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(errorMentions), qPrintable(r.error));
    }

    void shadowsocksUri_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("cipher");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("name");
        const QString b64 = QString::fromLatin1(
            QByteArray("chacha20-ietf-poly1305:pa:ss w?rd")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QTest::newRow("sip002 base64url")
            << QStringLiteral("ss://%1@192.0.2.1:8388#My%20Server").arg(b64)
            << QStringLiteral("chacha20-ietf-poly1305") << QStringLiteral("pa:ss w?rd")
            << QStringLiteral("192.0.2.1:8388") << QStringLiteral("My Server");
        const QString padded = QString::fromLatin1(QByteArray("aes-256-gcm:x").toBase64());
        QTest::newRow("standard base64 with padding")
            << QStringLiteral("ss://%1@example.com:443/").arg(padded) << QStringLiteral("aes-256-gcm")
            << QStringLiteral("x") << QStringLiteral("example.com:443") << QString();
        QTest::newRow("plain userinfo, percent-encoded")
            << QStringLiteral("ss://2022-blake3-aes-128-gcm:abc%2Bdef%3D@[::1]:8388")
            << QStringLiteral("2022-blake3-aes-128-gcm") << QStringLiteral("abc+def=")
            << QStringLiteral("[::1]:8388") << QString();
    }
    void shadowsocksUri()
    {
        QFETCH(QString, uri);
        QFETCH(QString, cipher);
        QFETCH(QString, password);
        QFETCH(QString, address);
        QFETCH(QString, name);
        const ImportResult r = importAny(uri);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.bridge.transport, QStringLiteral("shadow"));
        QCOMPARE(r.bridge.options.value(QStringLiteral("cipherName")).toString(), cipher);
        QCOMPARE(r.bridge.options.value(QStringLiteral("password")).toString(), password);
        QCOMPARE(r.bridge.serverAddress, address);
        QCOMPARE(r.bridge.options.value(QStringLiteral("serverAddress")).toString(), address);
        QCOMPARE(r.bridge.name, name);
    }

    void invalidShadowsocksUri_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("not ss") << QStringLiteral("http://x") << QStringLiteral("not an ss://");
        QTest::newRow("legacy form, no @") << QStringLiteral("ss://YWVzOnBAc3M") << QStringLiteral("no '@'");
        QTest::newRow("empty userinfo")
            << QStringLiteral("ss://@1.2.3.4:1") << QStringLiteral("method:password");
        QTest::newRow("bad base64") << QStringLiteral("ss://!!!@1.2.3.4:1") << QStringLiteral("base64");
        QTest::newRow("decoded has no colon")
            << QStringLiteral("ss://%1@1.2.3.4:1").arg(QString::fromLatin1(QByteArray("nocolon").toBase64()))
            << QStringLiteral("no ':'");
        QTest::newRow("empty method")
            << QStringLiteral("ss://:pw@1.2.3.4:1") << QStringLiteral("empty method");
        QTest::newRow("empty password")
            << QStringLiteral("ss://aes-256-gcm:@1.2.3.4:1") << QStringLiteral("empty password");
        QTest::newRow("no port") << QStringLiteral("ss://aes-256-gcm:pw@1.2.3.4")
                                 << QStringLiteral("missing :port");
        QTest::newRow("bad port") << QStringLiteral("ss://aes-256-gcm:pw@1.2.3.4:abc")
                                  << QStringLiteral("1 to 65535");
        QTest::newRow("plugin") << QStringLiteral("ss://aes-256-gcm:pw@1.2.3.4:1/?plugin=obfs-local")
                                << QStringLiteral("plugins");
    }
    void invalidShadowsocksUri()
    {
        QFETCH(QString, uri);
        QFETCH(QString, errorMentions);
        const ImportResult r = importShadowsocksUri(uri);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(errorMentions), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestGuiImport)
#include "tst_gui_import.moc"
