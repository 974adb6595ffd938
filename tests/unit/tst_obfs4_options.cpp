// obfs4 options and server state: obfs4proxy's file formats, the server option
// rules (iat-mode alone is fine, a partial key set names what is missing) and
// client argument validation.

#include "dispatcher/transports/obfs4/Obfs4.h"
#include "dispatcher/transports/obfs4/ServerState.h"

#include <sodium.h>

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace pt;
using namespace pt::obfs4;

namespace {
QJsonObject readState(const QString& dir)
{
    QFile f(dir + QStringLiteral("/obfs4_state.json"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

const char* kNodeId = "0123456789abcdef0123456789abcdef01234567";
const char* kPrivateKey = "a8abf3e1b0d6a8f6e2d2d9d2a0c3e8f1b4c5d6e7f8091a2b3c4d5e6f70819203";
const char* kSeed = "000102030405060708090a0b0c0d0e0f1011121314151617";
} // namespace

class TestObfs4Options : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void firstRunCreatesStateFilesLikeObfs4proxy()
    {
        QTemporaryDir dir;
        const auto id = loadServerIdentity({}, dir.path());
        QVERIFY2(id.ok(), qPrintable(id.error));
        const QString path = dir.filePath(QStringLiteral("obfs4_state.json"));
        const QString bridgeLine = dir.filePath(QStringLiteral("obfs4_bridgeline.txt"));
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(bridgeLine));
#ifdef Q_OS_UNIX
        // Owner read/write only (0600). Windows has no mode bits: the files inherit
        // the state directory's ACL, which is the user's profile.
        const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
        QCOMPARE(QFile::permissions(path), ownerOnly);
        QCOMPARE(QFile::permissions(bridgeLine), ownerOnly);
#endif
        const QJsonObject st = readState(dir.path());
        QCOMPARE(st.value("node-id").toString().size(), 40);
        QCOMPARE(st.value("private-key").toString().size(), 64);
        QCOMPARE(st.value("public-key").toString().size(), 64);
        QCOMPARE(st.value("drbg-seed").toString().size(), 48);
        QVERIFY(st.value("iat-mode").isDouble());
        QCOMPARE(st.value("iat-mode").toInt(), 0);
        // The stored public key is X25519(private key).
        Key32 priv{}, pub{};
        const QByteArray rawPriv = QByteArray::fromHex(st.value("private-key").toString().toLatin1());
        std::copy(rawPriv.begin(), rawPriv.end(), priv.begin());
        crypto_scalarmult_base(pub.data(), priv.data());
        QCOMPARE(st.value("public-key").toString(),
                 QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(pub.data()), 32).toHex()));

        QFile bridge(dir.filePath(QStringLiteral("obfs4_bridgeline.txt")));
        QVERIFY(bridge.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(bridge.readAll());
        const QString cert = certString(id.value.nodeId, id.value.publicKey);
        QCOMPARE(cert.size(), 70);
        QVERIFY(text.startsWith(QStringLiteral("# obfs4 torrc client bridge line\n")));
        QVERIFY(text.contains(
            QStringLiteral("\nBridge obfs4 <IP ADDRESS>:<PORT> <FINGERPRINT> cert=%1 iat-mode=0\n")
                .arg(cert)));
    }

    void laterRunsReuseTheIdentity()
    {
        QTemporaryDir dir;
        const auto a = loadServerIdentity({}, dir.path());
        const auto b = loadServerIdentity({}, dir.path());
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(certString(a.value.nodeId, a.value.publicKey),
                 certString(b.value.nodeId, b.value.publicKey));
        QCOMPARE(a.value.drbgSeed, b.value.drbgSeed);
    }

    void iatModeAloneKeepsKeysAndIsSaved()
    {
        QTemporaryDir dir;
        const auto a = loadServerIdentity({}, dir.path());
        const auto b = loadServerIdentity(QJsonObject{{"iat-mode", "2"}}, dir.path());
        QVERIFY2(b.ok(), qPrintable(b.error));
        QCOMPARE(b.value.iatMode, 2);
        QCOMPARE(b.value.privateKey, a.value.privateKey);
        QCOMPARE(readState(dir.path()).value("iat-mode").toInt(), 2);
        const auto c =
            loadServerIdentity(QJsonObject{{"iat-mode", 1}}, dir.path()); // a JSON number works too
        QVERIFY(c.ok());
        QCOMPARE(c.value.iatMode, 1);
    }

    void partialKeySetNamesTheMissingKey()
    {
        QTemporaryDir dir;
        const auto r =
            loadServerIdentity(QJsonObject{{"node-id", kNodeId}, {"private-key", kPrivateKey}}, dir.path());
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("drbg-seed")), qPrintable(r.error));
        const auto r2 = loadServerIdentity(QJsonObject{{"drbg-seed", kSeed}}, dir.path());
        QVERIFY(!r2.ok());
        QVERIFY(r2.error.contains(QStringLiteral("node-id")) &&
                r2.error.contains(QStringLiteral("private-key")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("obfs4_state.json"))));
    }

    void fullKeySetFromOptionsIsUsedAndSaved()
    {
        QTemporaryDir dir;
        const auto r = loadServerIdentity(
            QJsonObject{
                {"node-id", kNodeId}, {"private-key", kPrivateKey}, {"drbg-seed", kSeed}, {"iat-mode", "1"}},
            dir.path());
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonObject st = readState(dir.path());
        QCOMPARE(st.value("node-id").toString(), QString::fromLatin1(kNodeId));
        QCOMPARE(st.value("private-key").toString(), QString::fromLatin1(kPrivateKey));
        QCOMPARE(st.value("drbg-seed").toString(), QString::fromLatin1(kSeed));
        QCOMPARE(st.value("iat-mode").toInt(), 1);
    }

    void malformedValuesAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("options");
        QTest::newRow("short node-id")
            << QJsonObject{{"node-id", "0123"}, {"private-key", kPrivateKey}, {"drbg-seed", kSeed}};
        QTest::newRow("non-hex key") << QJsonObject{
            {"node-id", kNodeId}, {"private-key", QString(64, 'z')}, {"drbg-seed", kSeed}};
        QTest::newRow("short seed") << QJsonObject{
            {"node-id", kNodeId}, {"private-key", kPrivateKey}, {"drbg-seed", "0011"}};
        QTest::newRow("iat-mode 3") << QJsonObject{{"iat-mode", "3"}};
        QTest::newRow("iat-mode word") << QJsonObject{{"iat-mode", "paranoid"}};
    }
    void malformedValuesAreRefused()
    {
        QFETCH(QJsonObject, options);
        QTemporaryDir dir;
        QVERIFY(!loadServerIdentity(options, dir.path()).ok());
    }

    void corruptStateFileIsAnError()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("obfs4_state.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        const auto r = loadServerIdentity({}, dir.path());
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("statefile")));
    }

    void certRoundTripsAndRejectsBadInput()
    {
        NodeId id{};
        Key32 pub{};
        randombytes_buf(id.data(), id.size());
        randombytes_buf(pub.data(), pub.size());
        const QString cert = certString(id, pub);
        QCOMPARE(cert.size(), 70);
        QVERIFY(!cert.endsWith(QLatin1Char('=')));
        NodeId id2{};
        Key32 pub2{};
        QString error;
        QVERIFY(parseCert(cert, id2, pub2, error));
        QCOMPARE(id2, id);
        QCOMPARE(pub2, pub);
        QVERIFY(!parseCert(cert.left(69), id2, pub2, error));
        QVERIFY(!parseCert(cert.left(68), id2, pub2, error));
        QVERIFY(!parseCert(QStringLiteral("!") + cert.mid(1), id2, pub2, error));
        QVERIFY(!parseCert(QString(), id2, pub2, error));
    }

    void clientOptionsFromOptionsFailAtStartUp()
    {
        const TransportFactory f = factory();
        // Nothing yet: the cert may come per connection.
        QVERIFY(f.makeClient(QJsonObject{}).ok());
        QVERIFY(!f.makeClient(QJsonObject{{"cert", "bogus"}}).ok());
        QVERIFY(!f.makeClient(QJsonObject{{"serverAddress", "127.0.0.1:1"}, {"iat-mode", "0"}}).ok());
        QVERIFY(!f.makeClient(QJsonObject{{"iat-mode", "7"}}).ok());
        QVERIFY(!f.makeClient(QJsonObject{{"node-id", kNodeId}}).ok()); // public-key missing
    }

    void perConnectionCertProblemsFailTheSession()
    {
        const TransportFactory f = factory();
        const auto client = f.makeClient(QJsonObject{});
        QVERIFY(client.ok());
        ClientSessionParams params;
        QVERIFY(!client.value->newSession(params, SessionEnv::system()).ok());
        params.args = QJsonObject{{"cert", "AAAA"}, {"iat-mode", "0"}};
        const auto bad = client.value->newSession(params, SessionEnv::system());
        QVERIFY(!bad.ok());
        QVERIFY(bad.error.contains(QStringLiteral("cert")));

        NodeId id{};
        Key32 pub{};
        params.args = QJsonObject{{"cert", certString(id, pub)}, {"iat-mode", 1}};
        QVERIFY(client.value->newSession(params, SessionEnv::system()).ok());
    }

    void legacyNodeIdAndPublicKeyWork()
    {
        const auto cfg = parseClientArgs(
            QJsonObject{{"node-id", kNodeId}, {"public-key", QString(64, 'a')}, {"iat-mode", "2"}}, true);
        QVERIFY2(cfg.ok(), qPrintable(cfg.error));
        QCOMPARE(cfg.value.iatMode, 2);
        QCOMPARE(cfg.value.nodeId[0], uint8_t(0x01));
        QCOMPARE(cfg.value.identityPublic[31], uint8_t(0xaa));
    }

    void serverAdvertisesCertAndIatMode()
    {
        QTemporaryDir dir;
        const TransportFactory f = factory();
        ServerTransportContext ctx;
        ctx.stateDir = dir.path();
        const auto server = f.makeServer(QJsonObject{{"iat-mode", "1"}}, ctx);
        QVERIFY2(server.ok(), qPrintable(server.error));
        const auto args = server.value->smethodArgs();
        QCOMPARE(args.size(), 2);
        QCOMPARE(args[0].first, QStringLiteral("cert"));
        QCOMPARE(args[0].second.size(), 70);
        QCOMPARE(args[1], qMakePair(QStringLiteral("iat-mode"), QStringLiteral("1")));
        QVERIFY(!f.makeServer(QJsonObject{{"node-id", kNodeId}}, ctx).ok());
    }

    // obfs4proxy 0.0.14 crashes in iat-mode 2 on a length of 0; fresh identities
    // never carry a drbg-seed whose length table contains 0.
    void freshSeedsNeverYieldZeroLengths()
    {
        int withZero = 0;
        for (int i = 0; i < 400; ++i) {
            crypto::HashDrbg::Seed seed{};
            randombytes_buf(seed.data(), seed.size());
            withZero += lengthTableHasZero(seed) ? 1 : 0;
        }
        QVERIFY2(withZero > 0, "random seeds do produce such tables (the check is not vacuous)");
        for (int i = 0; i < 100; ++i) {
            const auto id = loadServerIdentity({}, QString());
            QVERIFY(id.ok());
            QVERIFY(!lengthTableHasZero(id.value.drbgSeed));
        }
    }
};

QTEST_APPLESS_MAIN(TestObfs4Options)
#include "tst_obfs4_options.moc"
