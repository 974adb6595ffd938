// Real UDP peers through a client/server dispatcher pair, over every transport:
//   dig -> client (transparent-UDP) -> server -> dnsmasq
//   turnutils_stunclient / turnutils_uclient -> client (STUN) -> server -> coturn's
//   turnserver, which relays uclient's data to turnutils_peer (a UDP echo) and back.
// A missing peer fails the test (scripts/setup.sh installs them); nothing skips.
#include "UdpSupport.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

using namespace pt::test;

namespace {

QString findProgram(const QString& name)
{
    return QStandardPaths::findExecutable(name);
}

// Runs a program to completion; returns exit code (-1 on timeout) and merged output.
int run(const QString& program, const QStringList& args, QByteArray* output, int timeoutMs = 30000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        *output = p.readAll();
        return -1;
    }
    *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// A free UDP port (which may be taken again by the time it is used: callers retry).
quint16 freeUdpPort()
{
    quint16 port = 0;
    const int fd = udp::socket(&port);
    ::close(fd);
    return port;
}

// A port free for both UDP and TCP (dnsmasq and turnserver bind both).
quint16 freeUdpTcpPort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        const quint16 port = freeUdpPort();
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sin{};
        sin.sin_family = AF_INET;
        sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        sin.sin_port = htons(port);
        const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin) == 0;
        ::close(fd);
        if (ok) return port;
    }
    return freeUdpPort();
}

// coturn's turnserver on loopback, as ../shared/interop/coturn/turnserver.conf has it
// (long-term credentials turnuser:turnpass, no TLS, loopback peers allowed), with
// ports chosen at run time.
class Coturn
{
public:
    bool start()
    {
        for (int attempt = 0; attempt < 5; ++attempt) {
            m_peer.stop();
            m_turn.stop();
            m_port = freeUdpTcpPort();
            m_peerPort = freeUdpPort();
            // A relay range of its own per attempt, below Linux's ephemeral range
            // (32768-60999), where the ports chosen at run time (ours and parallel tests')
            // come from: 20000-32767.
            const int minPort = 20000 + int(QRandomGenerator::global()->bounded(127)) * 100;
            QFile conf(m_dir.filePath("turnserver.conf"));
            if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
            conf.write(
                QStringLiteral("listening-ip=127.0.0.1\nlistening-port=%1\nrelay-ip=127.0.0.1\n"
                               "min-port=%2\nmax-port=%3\nrealm=test.local\nserver-name=test.local\n"
                               "lt-cred-mech\nuser=turnuser:turnpass\nfingerprint\nno-tls\nno-dtls\n"
                               "allow-loopback-peers\nno-cli\nno-multicast-peers\nno-software-attribute\n"
                               "userdb=%4/turndb\npidfile=%4/turnserver.pid\nlog-file=%4/turnserver.log\n"
                               "simple-log\nno-stdout-log\nverbose\n")
                    .arg(m_port)
                    .arg(minPort)
                    .arg(minPort + 99)
                    .arg(m_dir.path())
                    .toUtf8());
            conf.close();
            QFile::remove(m_dir.filePath("turnserver.log"));
            if (!m_turn.start(findProgram("turnserver"), {"-c", conf.fileName()})) return false;
            if (!m_peer.start(findProgram("turnutils_peer"),
                              {"-L", "127.0.0.1", "-p", QString::number(m_peerPort)}))
                return false;
            // Ready when a direct STUN binding gets an answer.
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 5000 && m_turn.process().state() == QProcess::Running) {
                QByteArray out;
                if (run(findProgram("turnutils_stunclient"), {"-p", QString::number(m_port), "127.0.0.1"},
                        &out, 3000) == 0 &&
                    out.contains("reflexive addr"))
                    return m_peer.process().state() == QProcess::Running;
                QTest::qWait(100);
            }
        }
        return false;
    }
    quint16 port() const { return m_port; }
    quint16 peerPort() const { return m_peerPort; }
    QByteArray log() const
    {
        QFile f(m_dir.filePath("turnserver.log"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    QTemporaryDir m_dir;
    Peer m_turn;
    Peer m_peer;
    quint16 m_port = 0;
    quint16 m_peerPort = 0;
};

// turnutils_uclient through `port`: allocate, bind a channel, send `count` messages to
// the echo peer through the relay and receive them back. Verbose, so that a channel
// number collision (below) can be told from any other failure.
int runUclientOnce(quint16 port, quint16 peerPort, const QString& password, int count, QByteArray* out)
{
    return run(findProgram("turnutils_uclient"),
               {"-v", "-c", "-u", "turnuser", "-w", password, "-p", QString::number(port), "-e", "127.0.0.1",
                "-r", QString::number(peerPort), "-n", QString::number(count), "-X", "127.0.0.1"},
               out, 60000);
}

// uclient (coturn 4.6.1, startuclient.c start_connection) binds a random channel number
// (0x4000-0x7FFF) to the peer's port + 1, twice, then a fresh random one to the peer
// itself. Once in 16,384 runs the two draws are equal and turnserver rightly refuses
// the third bind with this 400: uclient's own dice, not anything on the way (no state
// a relay could garble makes two random numbers equal). Such a run, and only such a
// run (binds of one channel number answered, then this refusal) is repeated.
bool uclientDrewTheSameChannelTwice(const QByteArray& out)
{
    if (!out.contains("channel bind: error 400 (You cannot use the same channel number with different peer)"))
        return false;
    QSet<QString> bound;
    const QRegularExpression re(QStringLiteral("success: (0x[0-9a-f]+)"));
    for (auto it = re.globalMatch(QString::fromUtf8(out)); it.hasNext();)
        bound.insert(it.next().captured(1));
    return bound.size() == 1;
}

int runUclient(quint16 port, quint16 peerPort, const QString& password, int count, QByteArray* out)
{
    int rc = runUclientOnce(port, peerPort, password, count, out);
    for (int again = 0; again < 2 && rc != 0 && uclientDrewTheSameChannelTwice(*out); ++again) {
        qWarning("turnutils_uclient drew the same channel number twice; running it again");
        rc = runUclientOnce(port, peerPort, password, count, out);
    }
    return rc;
}
} // namespace

class TestUdpPeers : public QObject
{
    Q_OBJECT

    void transports()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("plain") << QStringLiteral("plain");
        QTest::newRow("obfs4") << QStringLiteral("obfs4");
        QTest::newRow("shadow") << QStringLiteral("shadow");
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char* p :
             {"dnsmasq", "dig", "turnserver", "turnutils_stunclient", "turnutils_uclient", "turnutils_peer"})
            QVERIFY2(haveProgram(QString::fromLatin1(p)),
                     qPrintable(QStringLiteral("%1 is missing: run scripts/setup.sh").arg(QLatin1String(p))));
    }

    void digThroughThePairGetsDnsmasqsAnswer_data() { transports(); }
    void digThroughThePairGetsDnsmasqsAnswer()
    {
        QFETCH(QString, transport);
        const auto digAt = [](quint16 port, int timeSecs) {
            QByteArray out;
            run(findProgram("dig"),
                {"@127.0.0.1", "-p", QString::number(port), "test.example", "+short", "+tries=1",
                 QStringLiteral("+time=%1").arg(timeSecs)},
                &out, 15000);
            return out.trimmed();
        };
        Peer dns;
        quint16 dnsPort = 0;
        bool answering = false;
        // The port was free a moment ago; under a parallel test run another process
        // may take it first, so a dnsmasq that cannot bind is retried on a new port.
        for (int attempt = 0; attempt < 3 && !answering; ++attempt) {
            dns.stop();
            dnsPort = freeUdpTcpPort();
            QVERIFY(dns.start(findProgram("dnsmasq"),
                              {"--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
                               "--listen-address=127.0.0.1", "--bind-interfaces",
                               QStringLiteral("--port=%1").arg(dnsPort), "--address=/test.example/10.1.2.3",
                               "--user=root", "--group=root", "--pid-file="}));
            QElapsedTimer t;
            t.start();
            while (!answering && t.elapsed() < 10000 && dns.process().state() == QProcess::Running)
                answering = digAt(dnsPort, 1) == "10.1.2.3";
        }
        QVERIFY2(answering, dns.output().constData());

        udp::Pair pair;
        QVERIFY(pair.start(transport, "transparent-UDP", dnsPort, udp::sharedOptions(transport)));
        // Several queries, each a new dig (a new source port, so a new flow).
        for (int i = 0; i < 3; ++i)
            QCOMPARE(digAt(pair.client.port(), 5), QByteArray("10.1.2.3"));
    }

    void stunclientGetsABindingThroughThePair_data() { transports(); }
    void stunclientGetsABindingThroughThePair()
    {
        QFETCH(QString, transport);
        Coturn turn;
        QVERIFY2(turn.start(), "turnserver did not start");
        udp::Pair pair;
        QVERIFY(pair.start(transport, "STUN", turn.port(), udp::sharedOptions(transport)));
        QByteArray out;
        const int rc = run(findProgram("turnutils_stunclient"),
                           {"-p", QString::number(pair.client.port()), "127.0.0.1"}, &out, 15000);
        QVERIFY2(rc == 0, out.constData());
        // The reflexive address turnserver saw is the server dispatcher's UDP socket.
        const QRegularExpression re(QStringLiteral("UDP reflexive addr: 127\\.0\\.0\\.1:(\\d+)"));
        const auto m = re.match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        QVERIFY(m.captured(1).toUInt() != 0);
        QVERIFY(m.captured(1).toUInt() != pair.client.port());
    }

    void uclientRelaysDataThroughThePairAndTurnserver_data() { transports(); }
    void uclientRelaysDataThroughThePairAndTurnserver()
    {
        QFETCH(QString, transport);
        Coturn turn;
        QVERIFY2(turn.start(), "turnserver did not start");
        udp::Pair pair;
        QVERIFY(pair.start(transport, "STUN", turn.port(), udp::sharedOptions(transport)));
        // Allocate, bind a channel, send 20 messages to the echo peer through the relay
        // and receive them back: all over the dispatcher pair.
        QByteArray out;
        const int rc = runUclient(pair.client.port(), turn.peerPort(), QStringLiteral("turnpass"), 20, &out);
        QVERIFY2(rc == 0, out.constData());
        QVERIFY2(out.contains("tot_send_msgs=20, tot_recv_msgs=20"), out.constData());
        QVERIFY2(out.contains("Total lost packets 0 (0.000000%)"), out.constData());
        const QByteArray log = turn.log();
        QVERIFY2(log.contains("ALLOCATE processed, success"), log.constData());
        QVERIFY2(log.contains("CHANNEL_BIND processed, success"), log.constData());
    }

    // The negative case: TURN's own authentication error comes back through the pair.
    void uclientWithAWrongPasswordIsRefusedByTurnserver()
    {
        Coturn turn;
        QVERIFY2(turn.start(), "turnserver did not start");
        udp::Pair pair;
        QVERIFY(pair.start("plain", "STUN", turn.port()));
        QByteArray out;
        const int rc = runUclient(pair.client.port(), turn.peerPort(), QStringLiteral("WRONG"), 1, &out);
        QVERIFY2(rc != 0, out.constData());
        QVERIFY2(out.contains("Cannot complete Allocation"), out.constData());
        QVERIFY(!uclientDrewTheSameChannelTwice(out)); // so it is not run again
    }

    // What uclient printed (-v) when both its channel draws were equal: recorded from a
    // real turnutils_uclient against turnserver, with OpenSSL's RAND_bytes made
    // constant through LD_PRELOAD so that the 1-in-16,384 event happens every time.
    void aChannelNumberCollisionIsToldFromOtherFailures()
    {
        QFile f(QStringLiteral(PT_SOURCE_DIR "/tests/interop/data/uclient-channel-collision.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray collision = f.readAll();
        QVERIFY(uclientDrewTheSameChannelTwice(collision));
        // The same refusal after binds of two different channels is not uclient's dice.
        QByteArray twoChannels = collision;
        twoChannels.replace(twoChannels.lastIndexOf("success: 0x4000"), 15, "success: 0x4001");
        QVERIFY(!uclientDrewTheSameChannelTwice(twoChannels));
    }
};

QTEST_GUILESS_MAIN(TestUdpPeers)
#include "tst_udp_peers.moc"
