// -describe-transports: the JSON a parent (the GUI) builds its forms from. Its shape,
// how it interacts with the other flags, and that what it describes is what the
// transports' own validation accepts: every enum choice works, an off-list value does
// not, every example is accepted and every required option is really required.
#include "TestSupport.h"
#include "dispatcher/transports/Registry.h"
#include "shared/describe/TransportDescription.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace pt;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runToEnd(const QStringList& args, const QProcessEnvironment& env = test::cleanEnv())
{
    QProcess p;
    p.setProgram(QStringLiteral(PTDISPATCHER_BIN));
    p.setArguments(args);
    p.setProcessEnvironment(env);
    p.start();
    Run r;
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    if (p.exitStatus() == QProcess::NormalExit) r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Validation as the dispatcher runs it: a client's -options through makeClient and, as
// every connection's arguments, through newSession; a server's through makeServer.
QString validate(const TransportFactory& f, bool server, const QJsonObject& options)
{
    QTemporaryDir state;
    if (server) {
        auto made =
            f.makeServer(options, ServerTransportContext{state.path(), QStringLiteral("127.0.0.1:1")});
        return made.ok() ? QString() : made.error;
    }
    auto made = f.makeClient(options);
    if (!made.ok()) return made.error;
    ClientSessionParams params;
    params.args = options;
    params.connectHost = QStringLiteral("192.0.2.1");
    params.connectPort = 443;
    auto session = made.value->newSession(params, SessionEnv::system());
    return session.ok() ? QString() : session.error;
}

// The smallest options object the description promises to be enough.
QJsonObject requiredExamples(const describe::Role& role)
{
    QJsonObject o;
    for (const describe::Option& opt : role.options)
        if (opt.required)
            o.insert(opt.name, opt.type == describe::OptionType::Enum ? opt.choices.first() : opt.example);
    return o;
}

struct Case
{
    const TransportFactory* factory;
    describe::Transport description;
    bool server;
};

QList<Case> allCases()
{
    QList<Case> out;
    for (const describe::Transport& d : transportDescriptions()) {
        const TransportFactory* f = findTransport(d.name);
        if (d.client.supported) out << Case{f, d, false};
        if (d.server.supported) out << Case{f, d, true};
    }
    return out;
}

QString where(const Case& c, const QString& option = QString())
{
    return QStringLiteral("%1 %2 %3")
        .arg(c.description.name, c.server ? QStringLiteral("server") : QStringLiteral("client"), option);
}
} // namespace

class TestDescribe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsEveryTransportAsJsonAndExitsZero()
    {
        const Run r = runToEnd({QStringLiteral("-describe-transports")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY2(!r.out.startsWith("VERSION"), r.out.left(80).constData()); // not IPC
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("format")).toInt(), describe::kFormat);
        QCOMPARE(root.value(QStringLiteral("program")).toString(),
                 QStringLiteral("ptdispatcher " PT_VERSION));
        QStringList names;
        const QStringList types{"string", "int", "bool", "enum", "url", "host", "host-port", "hex", "base64"};
        for (const QJsonValue& tv : root.value(QStringLiteral("transports")).toArray()) {
            const QJsonObject t = tv.toObject();
            names << t.value(QStringLiteral("name")).toString();
            QVERIFY(!t.value(QStringLiteral("help")).toString().isEmpty());
            const QJsonObject roles = t.value(QStringLiteral("roles")).toObject();
            // Every transport here has both sides.
            QCOMPARE(roles.keys(), (QStringList{"client", "server"}));
            for (const QString& role : roles.keys()) {
                for (const QJsonValue& ov :
                     roles.value(role).toObject().value(QStringLiteral("options")).toArray()) {
                    const QJsonObject o = ov.toObject();
                    const QString at = names.last() + QLatin1Char('/') + role + QLatin1Char('/') +
                                       o.value(QStringLiteral("name")).toString();
                    QVERIFY2(!o.value(QStringLiteral("name")).toString().isEmpty(), qPrintable(at));
                    QVERIFY2(types.contains(o.value(QStringLiteral("type")).toString()), qPrintable(at));
                    QVERIFY2(o.value(QStringLiteral("required")).isBool(), qPrintable(at));
                    QVERIFY2(o.value(QStringLiteral("secret")).isBool(), qPrintable(at));
                    QVERIFY2(!o.value(QStringLiteral("help")).toString().isEmpty(), qPrintable(at));
                    const bool isEnum = o.value(QStringLiteral("type")).toString() == QLatin1String("enum");
                    QCOMPARE(o.contains(QStringLiteral("choices")), isEnum);
                    if (isEnum)
                        QVERIFY2(!o.value(QStringLiteral("choices")).toArray().isEmpty(), qPrintable(at));
                }
            }
        }
        QCOMPARE(names, transportNames());
        QCOMPARE(names,
                 (QStringList{"plain", "obfs4", "obfs2", "shadow", "webtunnel", "meek_lite", "meeklite"}));

        // The reader the GUI uses gets the same values back.
        QString error;
        const auto parsed = describe::fromJson(r.out, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->size(), transportDescriptions().size());
        const describe::Transport* shadow = nullptr;
        for (const describe::Transport& t : *parsed)
            if (t.name == QLatin1String("shadow")) shadow = &t;
        QVERIFY(shadow);
        const describe::Option* cipher = shadow->findOption(false, QStringLiteral("cipherName"));
        QVERIFY(cipher && cipher->required && cipher->type == describe::OptionType::Enum);
        // The drift issue 15 names: aes-192-gcm is supported, the 2022 ciphers are not.
        QVERIFY(cipher->choices.contains(QStringLiteral("AES-192-GCM")));
        for (const QString& c : cipher->choices)
            QVERIFY2(!c.contains(QLatin1String("2022")), qPrintable(c));
        QVERIFY(shadow->findOption(false, QStringLiteral("password"))->secret);
        QVERIFY(shadow->findOption(true, QStringLiteral("password"))->secret);
    }

    // Like -help and -version it ignores the rest of the command line (even flags that
    // would be an ENV-ERROR or a VERSION-ERROR, and Tor's environment); -help and
    // -version win over it; =false turns it off.
    void otherFlagsAreIgnoredButHelpAndVersionWin()
    {
        const Run junk = runToEnd({"-transports", "bogus", "-mode", "nonsense", "-ptversion", "9",
                                   "-describe-transports", "-no-such-flag"});
        QCOMPARE(junk.exitCode, 0);
        QVERIFY2(describe::fromJson(junk.out, nullptr), junk.out.left(200).constData());

        QProcessEnvironment tor = test::cleanEnv();
        tor.insert(QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER"), QStringLiteral("1"));
        tor.insert(QStringLiteral("TOR_PT_CLIENT_TRANSPORTS"), QStringLiteral("obfs4"));
        const Run underTor = runToEnd({"--describe-transports"}, tor);
        QCOMPARE(underTor.exitCode, 0);
        QVERIFY(describe::fromJson(underTor.out, nullptr));

        const Run version = runToEnd({"-describe-transports", "-version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.startsWith("ptdispatcher " PT_VERSION), version.out.constData());

        const Run help = runToEnd({"-describe-transports", "-help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage:"));
        QVERIFY(help.out.contains("-describe-transports"));

        const Run off = runToEnd({"-describe-transports=false", "-transports", "plain", "-mode", "nonsense"});
        QCOMPARE(off.exitCode, 64);
        QVERIFY2(off.out.startsWith("VERSION 3.0\n"), off.out.constData());
        QVERIFY2(off.err.startsWith("ENV-ERROR"), off.err.constData());
    }

    void everyEnumChoiceIsAcceptedAndOffListValuesAreRejected()
    {
        int checked = 0;
        for (const Case& c : allCases()) {
            QVERIFY(c.factory);
            const describe::Role& role = c.description.role(c.server);
            const QJsonObject base = requiredExamples(role);
            const QString baseError = validate(*c.factory, c.server, base);
            QVERIFY2(baseError.isEmpty(), qPrintable(where(c) + baseError));
            for (const describe::Option& o : role.options) {
                if (o.type != describe::OptionType::Enum) continue;
                for (const QString& choice : o.choices) {
                    QJsonObject opts = base;
                    opts.insert(o.name, choice);
                    const QString e = validate(*c.factory, c.server, opts);
                    QVERIFY2(e.isEmpty(), qPrintable(where(c, o.name + QLatin1Char('=') + choice) + e));
                    ++checked;
                }
                if (!o.defaultValue.isEmpty())
                    QVERIFY2(o.choices.contains(o.defaultValue), qPrintable(where(c, o.name)));
                for (const QString& off :
                     {QStringLiteral("not-a-choice"), QString::number(o.choices.size() + 7),
                      QStringLiteral("-1"), o.choices.join(QString())}) {
                    if (o.choices.contains(off, Qt::CaseInsensitive)) continue;
                    QJsonObject opts = base;
                    opts.insert(o.name, off);
                    QVERIFY2(
                        !validate(*c.factory, c.server, opts).isEmpty(),
                        qPrintable(where(c, o.name + QLatin1Char('=') + off) + QStringLiteral("accepted")));
                }
            }
        }
        // obfs4 iat-mode (3 x 2 roles) and the shadow ciphers (4 x 2) at least.
        QVERIFY2(checked >= 14, qPrintable(QString::number(checked)));
    }

    void everyExampleIsAcceptedAndRequiredOptionsAreRequired()
    {
        for (const Case& c : allCases()) {
            const describe::Role& role = c.description.role(c.server);
            QJsonObject all;
            for (const describe::Option& o : role.options) {
                if (o.type == describe::OptionType::Enum) {
                    all.insert(o.name, o.choices.last());
                    continue;
                }
                QVERIFY2(!o.example.isEmpty() || !o.defaultValue.isEmpty() || !o.required,
                         qPrintable(where(c, o.name) + QStringLiteral("required without an example")));
                // Together: some go in groups (obfs4's node-id, private-key and drbg-seed).
                if (!o.example.isEmpty()) all.insert(o.name, o.example);
            }
            const QString allError = validate(*c.factory, c.server, all);
            QVERIFY2(allError.isEmpty(), qPrintable(where(c) + allError));
            for (const describe::Option& o : role.options) {
                if (!o.required) continue;
                QJsonObject missing = requiredExamples(role);
                missing.remove(o.name);
                QVERIFY2(!validate(*c.factory, c.server, missing).isEmpty(),
                         qPrintable(where(c, o.name) +
                                    QStringLiteral("is required but its absence was accepted")));
            }
        }
    }
};

QTEST_MAIN(TestDescribe)
#include "tst_describe.moc"
