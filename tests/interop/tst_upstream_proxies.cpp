// -proxy against real proxy servers on loopback (Debian's microsocks, dante-server,
// tinyproxy): traffic through our client, the proxy and our server to an echo
// target, checked by hash; wrong credentials, a refusing proxy and a silent proxy
// each end with the right SOCKS reply within the timeout. Missing peers fail the
// test (scripts/setup.sh installs them).
#include "TestSupport.h"

#include <QtTest>

using namespace pt;

namespace {
using test::cleanEnv;

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QByteArray danteConf(const QString& dir, quint16 port, bool userAuth)
{
    return QStringLiteral(
               "logoutput: %1/danted-%2.log\n"
               "internal: 127.0.0.1 port = %2\n"
               "external: 127.0.0.1\n"
               "clientmethod: none\n"
               "socksmethod: %3\n"
               "user.privileged: root\n"
               "user.unprivileged: nobody\n"
               "client pass {\n from: 127.0.0.0/8 to: 0.0.0.0/0\n log: error\n}\n"
               "socks pass {\n from: 127.0.0.0/8 to: 127.0.0.0/8\n command: connect\n socksmethod: %3\n"
               " log: error connect disconnect\n}\n"
               "socks block {\n from: 0.0.0.0/0 to: 0.0.0.0/0\n log: connect error\n}\n")
        .arg(dir)
        .arg(port)
        .arg(userAuth ? QStringLiteral("username") : QStringLiteral("none"))
        .toUtf8();
}
} // namespace

class TestUpstreamProxies : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::EchoServer> m_echo;
    std::unique_ptr<test::Dispatcher> m_server;
    std::unique_ptr<test::Dispatcher> m_obfs4Server;
    QString m_obfs4Options; // -options for a client of m_obfs4Server

    // Our client with -proxy; one SOCKS CONNECT to our server; returns the reply.
    int connectThrough(test::Dispatcher& client, test::Client& c, quint16 serverPort = 0)
    {
        if (!c.connectTo(client.host(), client.port())) return -1;
        return test::socks5Connect(c, QStringLiteral("127.0.0.1"),
                                   serverPort ? serverPort : m_server->port());
    }

    void carriesTraffic(const QString& proxyUri, bool obfs4 = false)
    {
        test::Dispatcher client;
        QStringList args{"-transports",      obfs4 ? "obfs4" : "plain",
                         "-proxy",           proxyUri,
                         "-connect-timeout", "5000",
                         "-state",           m_dir.path()};
        if (obfs4) args << "-options" << m_obfs4Options;
        QVERIFY(client.start(args, cleanEnv()));
        QVERIFY2(client.lines().contains("PROXY DONE"), client.lines().join('|'));
        QCOMPARE(client.lines().indexOf("PROXY DONE"), 1); // right after VERSION
        const int before = m_echo->accepted();
        for (int i = 0; i < 3; ++i) {
            test::Client c;
            QCOMPARE(connectThrough(client, c, obfs4 ? m_obfs4Server->port() : 0), 0);
            const QByteArray payload = test::randomBytes(1024 * 1024 + i, quint32(i + 5));
            // No half-close here: tinyproxy tears the whole tunnel down when one
            // side sends FIN, so read the echo in full before closing.
            std::thread w([&] { c.sendAll(payload); });
            const QByteArray back = c.recvExactly(payload.size());
            w.join();
            QCOMPARE(back.size(), payload.size());
            QCOMPARE(test::sha256(back), test::sha256(payload));
        }
        QCOMPARE(m_echo->accepted() - before, 3);
    }

    void replyIs(const QString& proxyUri, int expectedReply, int withinMs)
    {
        test::Dispatcher client;
        QVERIFY(client.start(
            {"-transports", "plain", "-proxy", proxyUri, "-connect-timeout", "2000", "-state", m_dir.path()},
            cleanEnv()));
        test::Client c;
        QElapsedTimer t;
        t.start();
        QCOMPARE(connectThrough(client, c), expectedReply);
        QVERIFY2(t.elapsed() < withinMs, qPrintable(QString::number(t.elapsed())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char* p : {"microsocks", "danted", "tinyproxy"})
            QVERIFY2(test::haveProgram(QString::fromLatin1(p)),
                     qPrintable(QStringLiteral("%1 is missing: run scripts/setup.sh").arg(p)));
        // dante's username method checks system users.
        QProcess::execute(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("id proxyuser >/dev/null 2>&1 || { useradd -M -s "
                                                  "/usr/sbin/nologin proxyuser && echo "
                                                  "proxyuser:proxypass | chpasswd; }")});
        ::chmod(m_dir.path().toLocal8Bit().constData(), 0777); // tinyproxy logs as nobody
        m_echo = std::make_unique<test::EchoServer>();
        m_server = std::make_unique<test::Dispatcher>();
        QVERIFY(
            m_server->start({"-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0", "-target",
                             QStringLiteral("127.0.0.1:%1").arg(m_echo->port()), "-state", m_dir.path()},
                            cleanEnv()));
        // An obfs4 server too: traffic through a proxy must work for a real transport.
        m_obfs4Server = std::make_unique<test::Dispatcher>();
        QVERIFY(m_obfs4Server->start({"-server", "-transports", "obfs4", "-bindaddr", "obfs4-127.0.0.1:0",
                                      "-target", QStringLiteral("127.0.0.1:%1").arg(m_echo->port()), "-state",
                                      m_dir.filePath("obfs4-state")},
                                     cleanEnv()));
        QString cert;
        for (const auto& [k, v] : m_obfs4Server->methods().first().args)
            if (k == QLatin1String("cert")) cert = v;
        QVERIFY(!cert.isEmpty());
        m_obfs4Options = QStringLiteral("{\"cert\": \"%1\", \"iat-mode\": \"0\"}").arg(cert);
    }
    void cleanupTestCase()
    {
        m_obfs4Server.reset();
        m_server.reset();
        m_echo.reset();
    }

    void microsocksWithAndWithoutAuth()
    {
        const quint16 open = test::freePort();
        test::Peer plain;
        QVERIFY(plain.start("microsocks", {"-i", "127.0.0.1", "-p", QString::number(open)}));
        QVERIFY(test::waitForPort(open));
        carriesTraffic(QStringLiteral("socks5://127.0.0.1:%1").arg(open));

        const quint16 authPort = test::freePort();
        test::Peer auth;
        QVERIFY(auth.start("microsocks", {"-i", "127.0.0.1", "-p", QString::number(authPort), "-u", "msuser",
                                          "-P", "mspass"}));
        QVERIFY(test::waitForPort(authPort));
        carriesTraffic(QStringLiteral("socks5://msuser:mspass@127.0.0.1:%1").arg(authPort));
        carriesTraffic(QStringLiteral("socks5://msuser:mspass@127.0.0.1:%1").arg(authPort), true);
        replyIs(QStringLiteral("socks5://msuser:WRONG@127.0.0.1:%1").arg(authPort), 0x02, 3000);
    }

    void danteSocks5UserAndSocks4()
    {
        const quint16 userPort = test::freePort();
        const quint16 nonePort = test::freePort();
        QVERIFY(writeFile(m_dir.filePath("danted-user.conf"), danteConf(m_dir.path(), userPort, true)));
        QVERIFY(writeFile(m_dir.filePath("danted-none.conf"), danteConf(m_dir.path(), nonePort, false)));
        test::Peer user, none;
        QVERIFY(user.start("danted", {"-f", m_dir.filePath("danted-user.conf"), "-p",
                                      m_dir.filePath("danted-user.pid"), "-N", "1"}));
        QVERIFY(none.start("danted", {"-f", m_dir.filePath("danted-none.conf"), "-p",
                                      m_dir.filePath("danted-none.pid"), "-N", "1"}));
        QVERIFY2(test::waitForPort(userPort), user.output());
        QVERIFY2(test::waitForPort(nonePort), none.output());
        carriesTraffic(QStringLiteral("socks5://proxyuser:proxypass@127.0.0.1:%1").arg(userPort));
        replyIs(QStringLiteral("socks5://proxyuser:WRONG@127.0.0.1:%1").arg(userPort), 0x02, 3000);
        carriesTraffic(QStringLiteral("socks4a://127.0.0.1:%1").arg(nonePort));
        carriesTraffic(QStringLiteral("socks4a://127.0.0.1:%1").arg(nonePort), true);
        carriesTraffic(QStringLiteral("socks5://127.0.0.1:%1").arg(nonePort));
    }

    void tinyproxyConnectWithAndWithoutBasicAuth()
    {
        const quint16 authPort = test::freePort();
        const quint16 openPort = test::freePort();
        auto conf = [&](quint16 port, bool auth) {
            return QStringLiteral("User nobody\nGroup nogroup\nPort %1\nListen 127.0.0.1\nTimeout 600\n"
                                  "LogFile \"%2/tinyproxy-%1.log\"\nLogLevel Info\nMaxClients 100\n"
                                  "Allow 127.0.0.1\n%3DisableViaHeader Yes\n")
                .arg(port)
                .arg(m_dir.path())
                .arg(auth ? QStringLiteral("BasicAuth proxyuser proxypass\n") : QString())
                .toUtf8();
        };
        QVERIFY(writeFile(m_dir.filePath("tp-auth.conf"), conf(authPort, true)));
        QVERIFY(writeFile(m_dir.filePath("tp-open.conf"), conf(openPort, false)));
        test::Peer auth, open;
        QVERIFY(auth.start("tinyproxy", {"-d", "-c", m_dir.filePath("tp-auth.conf")}));
        QVERIFY(open.start("tinyproxy", {"-d", "-c", m_dir.filePath("tp-open.conf")}));
        QVERIFY2(test::waitForPort(authPort), auth.output());
        QVERIFY2(test::waitForPort(openPort), open.output());
        carriesTraffic(QStringLiteral("http://proxyuser:proxypass@127.0.0.1:%1").arg(authPort));
        carriesTraffic(QStringLiteral("http://127.0.0.1:%1").arg(openPort));
        carriesTraffic(QStringLiteral("http://proxyuser:proxypass@127.0.0.1:%1").arg(authPort), true);
        replyIs(QStringLiteral("http://proxyuser:WRONG@127.0.0.1:%1").arg(authPort), 0x02, 3000);
        replyIs(QStringLiteral("http://127.0.0.1:%1").arg(authPort), 0x02, 3000); // 407
    }

    void refusingProxyAnswers0x05()
    {
        const quint16 closed = test::freePort();
        replyIs(QStringLiteral("socks5://127.0.0.1:%1").arg(closed), 0x05, 3000);
    }

    void silentProxyTimesOutWith0x06()
    {
        // Accepts and never says a word.
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sin{};
        sin.sin_family = AF_INET;
        sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin), 0);
        QCOMPARE(::listen(fd, 16), 0);
        socklen_t len = sizeof sin;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&sin), &len);
        replyIs(QStringLiteral("http://127.0.0.1:%1").arg(ntohs(sin.sin_port)), 0x06, 4500);
        ::close(fd);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamProxies)
#include "tst_upstream_proxies.moc"
