// pt::LaunchConfig: the argv a parent passes to the dispatcher, and the stored JSON form.

#include "shared/launch/LaunchConfig.h"

#include <QJsonArray>
#include <QTest>

using pt::LaunchConfig;

class TstLaunchConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientArgumentsUseSpecFlags();
    void serverArgumentsUseSpecFlags();
    void unsetValuesAreOmitted();
    void otherRolesFlagsAreNotPassed();
    void jsonRoundTripKeepsEverything();
    void fromJsonFillsDefaultsForMissingKeys();
    void fromJsonRejectsBadValues();
};

namespace {

LaunchConfig clientConfig()
{
    LaunchConfig c;
    c.role = LaunchConfig::Role::Client;
    c.transports = {"obfs4", "shadow"};
    c.mode = "socks5";
    c.options.insert("obfs4", QJsonObject{{"cert", "AAAA"}, {"iat-mode", "0"}});
    c.options.insert("shadow", QJsonObject{{"password", "pw"}, {"cipherName", "CHACHA20-IETF-POLY1305"}});
    c.options.insert("unused", QJsonObject{{"x", 1}});
    c.proxyListenAddr = "127.0.0.1:5555";
    c.proxy = "socks5://127.0.0.1:1080";
    c.stateDir = "/tmp/state";
    c.logLevel = "DEBUG";
    return c;
}

LaunchConfig serverConfig()
{
    LaunchConfig c;
    c.role = LaunchConfig::Role::Server;
    c.transports = {"shadow", "obfs4"};
    c.mode = "transparent-TCP";
    c.options.insert("shadow", QJsonObject{{"password", "pw"}});
    c.bindAddrs.insert("obfs4", "198.51.100.1:1984");
    c.bindAddrs.insert("shadow", "[::1]:4891");
    c.target = "127.0.0.1:9001";
    c.extOrPort = "127.0.0.1:4200";
    c.authCookie = "/var/lib/cookie";
    c.stateDir = "/var/lib/pt";
    c.logLevel = "WARN";
    c.exitOnStdinClose = false;
    c.ptversion = "2.1,3.0";
    return c;
}

} // namespace

void TstLaunchConfig::clientArgumentsUseSpecFlags()
{
    const QStringList expected = {
        "-client",
        "-ptversion",
        "3.0",
        "-transports",
        "obfs4,shadow",
        "-mode",
        "socks5",
        "-options",
        R"({"obfs4":{"cert":"AAAA","iat-mode":"0"},"shadow":{"cipherName":"CHACHA20-IETF-POLY1305","password":"pw"}})",
        "-proxylistenaddr",
        "127.0.0.1:5555",
        "-proxy",
        "socks5://127.0.0.1:1080",
        "-state",
        "/tmp/state",
        "-ipcLogLevel",
        "DEBUG",
        "-exit-on-stdin-close",
    };
    QCOMPARE(clientConfig().toArguments(), expected);
}

void TstLaunchConfig::serverArgumentsUseSpecFlags()
{
    // -bindaddr follows the order of -transports, not the map's order.
    const QStringList expected = {
        "-server",
        "-ptversion",
        "2.1,3.0",
        "-transports",
        "shadow,obfs4",
        "-mode",
        "transparent-TCP",
        "-options",
        R"({"shadow":{"password":"pw"}})",
        "-bindaddr",
        "shadow-[::1]:4891,obfs4-198.51.100.1:1984",
        "-target",
        "127.0.0.1:9001",
        "-extorport",
        "127.0.0.1:4200",
        "-authcookie",
        "/var/lib/cookie",
        "-state",
        "/var/lib/pt",
        "-ipcLogLevel",
        "WARN",
    };
    QCOMPARE(serverConfig().toArguments(), expected);
}

void TstLaunchConfig::unsetValuesAreOmitted()
{
    LaunchConfig c;
    c.transports = {"plain"};
    QCOMPARE(c.toArguments(),
             (QStringList{"-client", "-ptversion", "3.0", "-transports", "plain", "-exit-on-stdin-close"}));
    c.ptversion.clear();
    c.exitOnStdinClose = false;
    QCOMPARE(c.toArguments(), (QStringList{"-client", "-transports", "plain"}));
}

void TstLaunchConfig::otherRolesFlagsAreNotPassed()
{
    LaunchConfig c = clientConfig();
    c.role = LaunchConfig::Role::Server;
    const QStringList argv = c.toArguments();
    QVERIFY(!argv.contains("-proxylistenaddr"));
    QVERIFY(!argv.contains("-proxy"));
    QVERIFY(argv.contains("-server"));

    LaunchConfig s = serverConfig();
    s.role = LaunchConfig::Role::Client;
    const QStringList cargv = s.toArguments();
    for (const char* flag : {"-bindaddr", "-target", "-extorport", "-authcookie"})
        QVERIFY2(!cargv.contains(QLatin1String(flag)), flag);
}

void TstLaunchConfig::jsonRoundTripKeepsEverything()
{
    for (const LaunchConfig& c : {clientConfig(), serverConfig()}) {
        QString error;
        const auto back = LaunchConfig::fromJson(c.toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QVERIFY(*back == c);
        QCOMPARE(back->toArguments(), c.toArguments());
    }
}

void TstLaunchConfig::fromJsonFillsDefaultsForMissingKeys()
{
    const auto c = LaunchConfig::fromJson(QJsonObject{{"transports", QJsonArray{"obfs4"}}});
    QVERIFY(c.has_value());
    QCOMPARE(int(c->role), int(LaunchConfig::Role::Client));
    QVERIFY(c->exitOnStdinClose);
    QCOMPARE(c->ptversion, QStringLiteral("3.0"));
    QCOMPARE(c->transports, QStringList{"obfs4"});
    QVERIFY(c->options.isEmpty());
}

void TstLaunchConfig::fromJsonRejectsBadValues()
{
    const QList<QJsonObject> bad = {
        {{"role", "relay"}},
        {{"role", 1}},
        {{"transports", "obfs4"}},
        {{"transports", QJsonArray{"obfs4", 3}}},
        {{"mode", "socks4"}},
        {{"logLevel", "debug"}},
        {{"exitOnStdinClose", "yes"}},
        {{"options", QJsonObject{{"obfs4", "cert=x"}}}},
        {{"bindAddr", QJsonObject{{"obfs4", 1984}}}},
        {{"target", QJsonArray{}}},
    };
    for (const QJsonObject& o : bad) {
        QString error;
        QVERIFY(!LaunchConfig::fromJson(o, &error).has_value());
        QVERIFY(!error.isEmpty());
    }
}

QTEST_APPLESS_MAIN(TstLaunchConfig)
#include "tst_launchconfig.moc"
