// pt::ipc formatting and parsing: round trips for every kind, the spec's own example
// lines, and hostile input that must give Kind::Unknown instead of a crash.

#include "shared/ipc/IpcMessage.h"

#include <QRandomGenerator>
#include <QTest>

using namespace pt::ipc;
using Args = QList<std::pair<QString, QString>>;

Q_DECLARE_METATYPE(pt::ipc::Message)

class TstIpcMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatUsesSpecSpellings_data();
    void formatUsesSpecSpellings();
    void roundTripKeepsEveryField_data();
    void roundTripKeepsEveryField();
    void argsEscapingRoundTripsSpecialCharacters();
    void argsEscapingEscapesBackslashEqualsAndComma();
    void parseArgsRejectsMalformedItems();
    void specExamplesParse();
    void appendixBArgsLineParses();
    void trailingCrLfIsAccepted();
    void malformedLinesAreUnknown_data();
    void malformedLinesAreUnknown();
    void unknownKeywordKeepsKeywordAndRaw();
    void randomBytesNeverCrashAndNeverLookKnownWhenInvalid();
    void goesToStderrOnlyForErrors_data();
    void goesToStderrOnlyForErrors();
    void formatNeverEmitsLineBreaks();
    void emptyRequiredTextGetsDefault();
    void logMessageIsValidUtf8();
    void torLogFormatIsCEscaped();
    void torLogFormParsesIntoLog();
    void statusQuotesValuesWithSpaces();
    void logLevelNamesRoundTrip();
};

void TstIpcMessage::formatUsesSpecSpellings_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("version") << Message::version("3.0") << QByteArray("VERSION 3.0");
    QTest::newRow("version-error") << Message::versionError("no-version")
                                   << QByteArray("VERSION-ERROR no-version");
    QTest::newRow("env-error") << Message::envError("No -authcookie when -extorport set")
                               << QByteArray("ENV-ERROR No -authcookie when -extorport set");
    QTest::newRow("log") << Message::log(LogLevel::Debug, "This is an example debug log message.")
                         << QByteArray("LOG DEBUG This is an example debug log message.");
    QTest::newRow("proxy-done") << Message::proxyDone() << QByteArray("PROXY DONE");
    QTest::newRow("proxy-error") << Message::proxyError("SOCKS 4 upstream proxies unsupported.")
                                 << QByteArray("PROXY-ERROR SOCKS 4 upstream proxies unsupported.");
    QTest::newRow("cmethod") << Message::cmethod("meeklite", "transparent-TCP", "[::1]:19999")
                             << QByteArray("CMETHOD meeklite transparent-TCP [::1]:19999");
    QTest::newRow("cmethod-error") << Message::cmethodError("shadow",
                                                            "No password specified in configuration.")
                                   << QByteArray(
                                          "CMETHOD-ERROR shadow No password specified in configuration.");
    QTest::newRow("cmethods-done") << Message::cmethodsDone() << QByteArray("CMETHODS DONE");
    QTest::newRow("smethod") << Message::smethod("obfs2", "198.51.100.1:19999")
                             << QByteArray("SMETHOD obfs2 198.51.100.1:19999");
    QTest::newRow("smethod-args") << Message::smethod("obfs4", "198.51.100.1:4444",
                                                      {{"cert", "ab+/"}, {"iat-mode", "0"}})
                                  << QByteArray("SMETHOD obfs4 198.51.100.1:4444 ARGS:cert=ab+/,iat-mode=0");
    QTest::newRow("smethod-error") << Message::smethodError("shadow",
                                                            "No password provided in configuration.")
                                   << QByteArray(
                                          "SMETHOD-ERROR shadow No password provided in configuration.");
    QTest::newRow("smethods-done") << Message::smethodsDone() << QByteArray("SMETHODS DONE");
    QTest::newRow("status") << Message::status({{"TRANSPORT", "obfs4"}, {"CONNECT", "Success"}})
                            << QByteArray("STATUS TRANSPORT=obfs4 CONNECT=Success");
}

void TstIpcMessage::formatUsesSpecSpellings()
{
    QFETCH(Message, message);
    QFETCH(QByteArray, line);
    QCOMPARE(format(message), line);
}

void TstIpcMessage::roundTripKeepsEveryField_data()
{
    QTest::addColumn<Message>("message");
    QTest::newRow("version") << Message::version("3.0");
    QTest::newRow("version-error") << Message::versionError("no-version");
    QTest::newRow("env-error") << Message::envError("bad -mode \"x\"; see --help");
    QTest::newRow("log-error") << Message::log(LogLevel::Error, "disk full");
    QTest::newRow("log-warn") << Message::log(LogLevel::Warn, "slow  peer (two spaces)");
    QTest::newRow("log-info") << Message::log(LogLevel::Info, QString::fromUtf8("Grüße 日本 ✓"));
    QTest::newRow("log-debug-empty") << Message::log(LogLevel::Debug, QString());
    QTest::newRow("proxy-done") << Message::proxyDone();
    QTest::newRow("proxy-error") << Message::proxyError("unsupported scheme ftp");
    for (const char* mode : {"socks5", "transparent-TCP", "transparent-UDP", "STUN"})
        QTest::newRow(qPrintable(QStringLiteral("cmethod-%1").arg(QLatin1String(mode))))
            << Message::cmethod("obfs4", mode, "127.0.0.1:8888");
    QTest::newRow("cmethod-ipv6") << Message::cmethod("shadow", "transparent-UDP", "[2001:db8::1]:1234");
    QTest::newRow("cmethod-error") << Message::cmethodError("shadow", "no password");
    QTest::newRow("cmethods-done") << Message::cmethodsDone();
    QTest::newRow("smethod-plain") << Message::smethod("obfs2", "198.51.100.1:19999");
    QTest::newRow("smethod-ipv6-args")
        << Message::smethod("meeklite", "[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:2323",
                            {{"url", "https://x.example/?a=b,c=d"}, {"path", "C:\\dir\\"}});
    QTest::newRow("smethod-hostile-args")
        << Message::smethod("t", "[::1]:1", {{"k=,\\ ", "v=,\\ \t"}, {"empty", ""}, {"x", "=,=\\\\"}});
    QTest::newRow("smethod-error") << Message::smethodError("obfs4", "cannot bind [::1]:443");
    QTest::newRow("smethods-done") << Message::smethodsDone();
    QTest::newRow("status") << Message::status({{"TRANSPORT", "obfs4"},
                                                {"ADDRESS", "[::1]:5"},
                                                {"MSG", "a \"quoted\" back\\slash\ttab"},
                                                {"E", ""}});
    QTest::newRow("status-utf8") << Message::status(
        {{"TRANSPORT", "x"}, {"NOTE", QString::fromUtf8("ünïcødé")}});
}

void TstIpcMessage::roundTripKeepsEveryField()
{
    QFETCH(Message, message);
    const QByteArray line = format(message);
    const Message back = parse(line + '\n');
    QCOMPARE(int(back.kind), int(message.kind));
    QCOMPARE(back.keyword, message.keyword);
    QCOMPARE(back.transport, message.transport);
    QCOMPARE(back.mode, message.mode);
    QCOMPARE(back.address, message.address);
    QCOMPARE(back.text, message.text);
    QCOMPARE(int(back.level), int(message.level));
    QCOMPARE(back.args, message.args);
    QCOMPARE(back.raw, QString::fromUtf8(line));
}

void TstIpcMessage::argsEscapingRoundTripsSpecialCharacters()
{
    const Args args = {{"a", "1=2"}, {"b", "x,y"}, {"c", "back\\slash"}, {"d", "\\,=\\"}, {"e", ""}};
    const auto back = parseArgs(formatArgs(args));
    QVERIFY(back.has_value());
    QCOMPARE(*back, args);
}

void TstIpcMessage::argsEscapingEscapesBackslashEqualsAndComma()
{
    QCOMPARE(escapeArgValue("a=b,c\\d"), QStringLiteral("a\\=b\\,c\\\\d"));
    QCOMPARE(formatArgs({{"k", "v=1"}, {"x", "y,z"}}), QStringLiteral("k=v\\=1,x=y\\,z"));
}

void TstIpcMessage::parseArgsRejectsMalformedItems()
{
    QVERIFY(!parseArgs("novalue").has_value());
    QVERIFY(!parseArgs("=v").has_value());
    QVERIFY(!parseArgs("k=v\\").has_value());
    QVERIFY(!parseArgs("k=v,bare").has_value());
    const auto empty = parseArgs(QString());
    QVERIFY(empty.has_value());
    QVERIFY(empty->isEmpty());
    // Liberal where the spec's own example is loose: an unescaped '=' stays in the value.
    const auto loose = parseArgs("url=https://meek-reflect.appspot.com/;front=www.google.com");
    QVERIFY(loose.has_value());
    QCOMPARE(loose->size(), 1);
    QCOMPARE(loose->at(0).second, QStringLiteral("https://meek-reflect.appspot.com/;front=www.google.com"));
}

void TstIpcMessage::specExamplesParse()
{
    // Section 1.2 examples, verbatim.
    Message m = parse("VERSION 3.0");
    QCOMPARE(int(m.kind), int(Kind::Version));
    QCOMPARE(m.text, QStringLiteral("3.0"));

    m = parse("LOG DEBUG This is an example debug log message.");
    QCOMPARE(int(m.kind), int(Kind::Log));
    QCOMPARE(int(m.level), int(LogLevel::Debug));
    QCOMPARE(m.text, QStringLiteral("This is an example debug log message."));

    m = parse("CMETHOD Replicant socks5 127.0.0.1:19999");
    QCOMPARE(int(m.kind), int(Kind::CMethod));
    QCOMPARE(m.transport, QStringLiteral("Replicant"));
    QCOMPARE(m.mode, QStringLiteral("socks5"));
    QCOMPARE(m.address, QStringLiteral("127.0.0.1:19999"));

    m = parse("CMETHOD obfs4 STUN 127.0.0.1:8888");
    QCOMPARE(int(m.kind), int(Kind::CMethod));
    QCOMPARE(m.mode, QStringLiteral("STUN"));

    m = parse("CMETHOD-ERROR shadow No password specified in configuration.");
    QCOMPARE(int(m.kind), int(Kind::CMethodError));
    QCOMPARE(m.transport, QStringLiteral("shadow"));
    QCOMPARE(m.text, QStringLiteral("No password specified in configuration."));

    m = parse("SMETHOD meeklite [2001:0db8:85a3:0000:0000:8a2e:0370:7334]:2323");
    QCOMPARE(int(m.kind), int(Kind::SMethod));
    QCOMPARE(m.address, QStringLiteral("[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:2323"));
    QVERIFY(m.args.isEmpty());

    m = parse("VERSION-ERROR no-version");
    QCOMPARE(int(m.kind), int(Kind::VersionError));
    QCOMPARE(m.text, QStringLiteral("no-version"));

    m = parse("PROXY-ERROR SOCKS 4 upstream proxies unsupported.");
    QCOMPARE(int(m.kind), int(Kind::ProxyError));
    QCOMPARE(m.text, QStringLiteral("SOCKS 4 upstream proxies unsupported."));
}

void TstIpcMessage::appendixBArgsLineParses()
{
    // Appendix B prints the ARGS option on its own line (document wrapping); on the wire
    // it is part of the SMETHOD line.
    const QByteArray cert = "HszPy3vWfjsESCEOo9ZBkRv6zQ/1mGHzc8arF0y2SpwFr3WhsMu8rK0zyaoyERfbz3ddFw";
    const QList<QByteArray> session = {"VERSION 2", "SMETHOD shadow 198.51.100.1:1984",
                                       "SMETHOD obfs4 198.51.100.1:43734 ARGS:cert=" + cert + ",iat-mode=0",
                                       "SMETHODS DONE"};
    const Message v = parse(session[0]);
    QCOMPARE(int(v.kind), int(Kind::Version));
    QCOMPARE(v.text, QStringLiteral("2"));
    const Message shadow = parse(session[1]);
    QCOMPARE(int(shadow.kind), int(Kind::SMethod));
    QCOMPARE(shadow.transport, QStringLiteral("shadow"));
    const Message obfs4 = parse(session[2]);
    QCOMPARE(int(obfs4.kind), int(Kind::SMethod));
    QCOMPARE(obfs4.transport, QStringLiteral("obfs4"));
    QCOMPARE(obfs4.address, QStringLiteral("198.51.100.1:43734"));
    const Args expected = {{"cert", QString::fromLatin1(cert)}, {"iat-mode", "0"}};
    QCOMPARE(obfs4.args, expected);
    QCOMPARE(int(parse(session[3]).kind), int(Kind::SMethodsDone));

    // Read as a separate line, the wrapped ARGS text is not a keyword line: ignored.
    QCOMPARE(int(parse("ARGS:cert=" + cert + ",iat-mode=0").kind), int(Kind::Unknown));
}

void TstIpcMessage::trailingCrLfIsAccepted()
{
    const Message m = parse("CMETHOD obfs4 socks5 127.0.0.1:1\r\n");
    QCOMPARE(int(m.kind), int(Kind::CMethod));
    QCOMPARE(m.address, QStringLiteral("127.0.0.1:1"));
    QCOMPARE(m.raw, QStringLiteral("CMETHOD obfs4 socks5 127.0.0.1:1"));
    QCOMPARE(int(parse("CMETHODS DONE\r\n").kind), int(Kind::CMethodsDone));
    QCOMPARE(parse("ENV-ERROR oops\r\n").text, QStringLiteral("oops"));
}

void TstIpcMessage::malformedLinesAreUnknown_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("newline only") << QByteArray("\n");
    QTest::newRow("space first") << QByteArray(" VERSION 3.0");
    QTest::newRow("version no arg") << QByteArray("VERSION");
    QTest::newRow("version two args") << QByteArray("VERSION 2 PROXY DONE"); // Appendix A's glued line
    QTest::newRow("version lowercase") << QByteArray("version 3.0");
    QTest::newRow("env-error no text") << QByteArray("ENV-ERROR");
    QTest::newRow("env-error blank text") << QByteArray("ENV-ERROR   ");
    QTest::newRow("log no level") << QByteArray("LOG");
    QTest::newRow("log bad level") << QByteArray("LOG TRACE something");
    QTest::newRow("log lowercase level") << QByteArray("LOG debug something");
    QTest::newRow("log NONE level") << QByteArray("LOG NONE something");
    QTest::newRow("tor log without message") << QByteArray("LOG SEVERITY=notice");
    QTest::newRow("tor log bad severity") << QByteArray("LOG SEVERITY=loud MESSAGE=\"x\"");
    QTest::newRow("tor log unterminated quote") << QByteArray("LOG SEVERITY=notice MESSAGE=\"abc");
    QTest::newRow("proxy without done") << QByteArray("PROXY");
    QTest::newRow("proxy other word") << QByteArray("PROXY READY");
    QTest::newRow("cmethod missing addr") << QByteArray("CMETHOD obfs4 socks5");
    QTest::newRow("cmethod bad mode") << QByteArray("CMETHOD obfs4 socks4 127.0.0.1:1");
    QTest::newRow("cmethod mode case") << QByteArray("CMETHOD obfs4 SOCKS5 127.0.0.1:1");
    QTest::newRow("cmethod no port") << QByteArray("CMETHOD obfs4 socks5 127.0.0.1");
    QTest::newRow("cmethod port too big") << QByteArray("CMETHOD obfs4 socks5 127.0.0.1:65536");
    QTest::newRow("cmethod bare ipv6") << QByteArray("CMETHOD obfs4 socks5 ::1:80");
    QTest::newRow("cmethod extra arg") << QByteArray("CMETHOD obfs4 socks5 127.0.0.1:1 more");
    QTest::newRow("cmethod-error no msg") << QByteArray("CMETHOD-ERROR obfs4");
    QTest::newRow("cmethods not done") << QByteArray("CMETHODS DONE NOW");
    QTest::newRow("smethod no addr") << QByteArray("SMETHOD obfs4");
    QTest::newRow("smethod bad args") << QByteArray("SMETHOD obfs4 1.2.3.4:5 ARGS:novalue");
    QTest::newRow("smethod dangling escape") << QByteArray("SMETHOD obfs4 1.2.3.4:5 ARGS:k=v\\");
    QTest::newRow("smethod-error no msg") << QByteArray("SMETHOD-ERROR");
    QTest::newRow("status bare word") << QByteArray("STATUS TRANSPORT=x oops");
    QTest::newRow("status bad quote") << QByteArray("STATUS MSG=\"abc\"def");
    QTest::newRow("nul in keyword") << QByteArray("VERS\0ION 3.0", 12);
    QTest::newRow("nul in args") << QByteArray("VERSION 3\0.0", 12);
    QTest::newRow("two lines") << QByteArray("VERSION 3.0\nCMETHODS DONE");
    QTest::newRow("tab separator") << QByteArray("VERSION\t3.0");
    QTest::newRow("non-ascii keyword") << QByteArray("VERSI\xc3\x96N 3.0");
}

void TstIpcMessage::malformedLinesAreUnknown()
{
    QFETCH(QByteArray, line);
    const Message m = parse(line);
    QCOMPARE(int(m.kind), int(Kind::Unknown));
    QByteArray expectedRaw = line;
    if (expectedRaw.endsWith('\n')) expectedRaw.chop(1);
    QCOMPARE(m.raw, QString::fromUtf8(expectedRaw));
}

void TstIpcMessage::unknownKeywordKeepsKeywordAndRaw()
{
    const Message m = parse("X-FUTURE_THING 1 2 3\n");
    QCOMPARE(int(m.kind), int(Kind::Unknown));
    QCOMPARE(m.keyword, QStringLiteral("X-FUTURE_THING"));
    QCOMPARE(m.raw, QStringLiteral("X-FUTURE_THING 1 2 3"));
}

void TstIpcMessage::randomBytesNeverCrashAndNeverLookKnownWhenInvalid()
{
    QRandomGenerator rng(20240607);
    static const char kAlphabet[] = "CMETHODSVRILGPXYNA-_ :=,\\\"[]0123456789.\r\n\t\0\xff\xc3";
    const QByteArray alphabet(kAlphabet, sizeof(kAlphabet) - 1); // keeps the NUL
    int unknown = 0;
    for (int i = 0; i < 20000; ++i) {
        const int len = rng.bounded(0, 120);
        QByteArray line(len, Qt::Uninitialized);
        const bool structured = i % 2 == 0; // half from a keyword-ish alphabet, half raw bytes
        for (int j = 0; j < len; ++j)
            line[j] = structured ? alphabet[rng.bounded(int(alphabet.size()))] : char(rng.bounded(256));
        const Message m = parse(line);
        if (m.kind == Kind::Unknown) {
            ++unknown;
            continue;
        }
        // Anything recognised must be a real line: no NUL, and it must survive being
        // formatted and parsed again as the same kind.
        QVERIFY(!line.contains('\0'));
        QCOMPARE(int(parse(format(m)).kind), int(m.kind));
    }
    QVERIFY(unknown > 19000); // random bytes essentially never form a valid message

    // Raw bytes containing a NUL are always Unknown.
    for (int i = 0; i < 2000; ++i) {
        QByteArray line(64, Qt::Uninitialized);
        for (int j = 0; j < line.size(); ++j)
            line[j] = char(rng.bounded(256));
        line[rng.bounded(64)] = '\0';
        QCOMPARE(int(parse(line).kind), int(Kind::Unknown));
    }
}

void TstIpcMessage::goesToStderrOnlyForErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("toStderr");
    QTest::newRow("Version") << int(Kind::Version) << false;
    QTest::newRow("VersionError") << int(Kind::VersionError) << true;
    QTest::newRow("EnvError") << int(Kind::EnvError) << true;
    QTest::newRow("Log") << int(Kind::Log) << false;
    QTest::newRow("ProxyDone") << int(Kind::ProxyDone) << false;
    QTest::newRow("ProxyError") << int(Kind::ProxyError) << true;
    QTest::newRow("CMethod") << int(Kind::CMethod) << false;
    QTest::newRow("CMethodError") << int(Kind::CMethodError) << true;
    QTest::newRow("CMethodsDone") << int(Kind::CMethodsDone) << false;
    QTest::newRow("SMethod") << int(Kind::SMethod) << false;
    QTest::newRow("SMethodError") << int(Kind::SMethodError) << true;
    QTest::newRow("SMethodsDone") << int(Kind::SMethodsDone) << false;
    QTest::newRow("Status") << int(Kind::Status) << false;
    QTest::newRow("Unknown") << int(Kind::Unknown) << false;
}

void TstIpcMessage::goesToStderrOnlyForErrors()
{
    QFETCH(int, kind);
    QFETCH(bool, toStderr);
    QCOMPARE(goesToStderr(Kind(kind)), toStderr);
}

void TstIpcMessage::formatNeverEmitsLineBreaks()
{
    const QString hostile = QStringLiteral("a\nb\rc") + QChar(0) + QStringLiteral("d\x0b\x0c") + QChar(0x85) +
                            QChar(0x2028) + QChar(0x2029) + QStringLiteral("e\r\n");
    const QList<Message> all = {
        Message::version(hostile),
        Message::versionError(hostile),
        Message::envError(hostile),
        Message::log(LogLevel::Warn, hostile),
        Message::proxyError(hostile),
        Message::cmethod(hostile, hostile, hostile),
        Message::cmethodError(hostile, hostile),
        Message::smethod(hostile, hostile, {{hostile, hostile}}),
        Message::smethodError(hostile, hostile),
        Message::status({{hostile, hostile}}),
    };
    for (const Message& m : all) {
        const QByteArray line = format(m);
        QVERIFY2(!line.contains('\n') && !line.contains('\r') && !line.contains('\0'), line.constData());
        QVERIFY(line.isValidUtf8());
        const QString text = QString::fromUtf8(line);
        QVERIFY(!text.contains(QChar(0x85)) && !text.contains(QChar(0x2028)) &&
                !text.contains(QChar(0x2029)));
        // Still one message of the same kind where the fields allow it (a hostile
        // address or mode is not a valid CMETHOD/SMETHOD, so the parser rejects it).
        if (m.kind != Kind::CMethod && m.kind != Kind::SMethod) QCOMPARE(int(parse(line).kind), int(m.kind));
    }
    const QByteArray torLog = formatTorLog(LogLevel::Error, hostile);
    QVERIFY(!torLog.contains('\n') && !torLog.contains('\r') && !torLog.contains('\0'));
    // Tor's form quotes instead of flattening: the text survives exactly.
    QCOMPARE(parse(torLog).text, hostile);
}

void TstIpcMessage::emptyRequiredTextGetsDefault()
{
    QCOMPARE(format(Message::versionError(QString())), QByteArray("VERSION-ERROR no-version"));
    QCOMPARE(format(Message::version(QString())), QByteArray("VERSION 3.0"));
    for (const Message& m : {Message::envError(" "), Message::proxyError(QString()),
                             Message::cmethodError(QString(), "\n"), Message::smethodError("x", QString())}) {
        const Message back = parse(format(m));
        QCOMPARE(int(back.kind), int(m.kind));
        QVERIFY(!back.text.trimmed().isEmpty());
        QVERIFY(!back.transport.contains(' '));
    }
    // A CMETHOD with an empty field keeps its argument count.
    QCOMPARE(format(Message::cmethod("", "socks5", "127.0.0.1:1")),
             QByteArray("CMETHOD unknown socks5 127.0.0.1:1"));
}

void TstIpcMessage::logMessageIsValidUtf8()
{
    // A lone surrogate cannot be encoded; the line must still be valid UTF-8.
    const QString text = QStringLiteral("bad ") + QChar(0xd800) + QString::fromUtf8(" end ✓");
    const QByteArray line = format(Message::log(LogLevel::Info, text));
    QVERIFY(line.startsWith("LOG INFO bad "));
    QVERIFY(line.isValidUtf8());
    QVERIFY(line.endsWith(" end \xe2\x9c\x93"));
}

void TstIpcMessage::torLogFormatIsCEscaped()
{
    QCOMPARE(formatTorLog(LogLevel::Warn, "say \"hi\" \\ now\n"),
             QByteArray("LOG SEVERITY=warning MESSAGE=\"say \\\"hi\\\" \\\\ now\\n\""));
    QCOMPARE(formatTorLog(LogLevel::Error, "x"), QByteArray("LOG SEVERITY=error MESSAGE=\"x\""));
    QCOMPARE(formatTorLog(LogLevel::Info, "x"), QByteArray("LOG SEVERITY=notice MESSAGE=\"x\""));
    QCOMPARE(formatTorLog(LogLevel::Debug, "x"), QByteArray("LOG SEVERITY=debug MESSAGE=\"x\""));
    QCOMPARE(formatTorLog(LogLevel::Debug, QString(QChar(1))),
             QByteArray("LOG SEVERITY=debug MESSAGE=\"\\001\""));
}

void TstIpcMessage::torLogFormParsesIntoLog()
{
    Message m = parse("LOG SEVERITY=notice MESSAGE=\"Connected to \\\"bridge\\\"\\n\"");
    QCOMPARE(int(m.kind), int(Kind::Log));
    QCOMPARE(int(m.level), int(LogLevel::Info));
    QCOMPARE(m.text, QStringLiteral("Connected to \"bridge\"\n"));

    m = parse("LOG MESSAGE=plain SEVERITY=warning");
    QCOMPARE(int(m.kind), int(Kind::Log));
    QCOMPARE(int(m.level), int(LogLevel::Warn));
    QCOMPARE(m.text, QStringLiteral("plain"));

    const QString utf = QString::fromUtf8("Grüße ✓");
    for (LogLevel l : {LogLevel::Error, LogLevel::Warn, LogLevel::Info, LogLevel::Debug}) {
        const Message back = parse(formatTorLog(l, utf));
        QCOMPARE(int(back.kind), int(Kind::Log));
        QCOMPARE(int(back.level), int(l));
        QCOMPARE(back.text, utf);
    }
}

void TstIpcMessage::statusQuotesValuesWithSpaces()
{
    const QByteArray line = format(Message::status({{"TRANSPORT", "obfs4"}, {"MSG", "two words"}}));
    QCOMPARE(line, QByteArray("STATUS TRANSPORT=obfs4 MSG=\"two words\""));
    const Message m = parse("STATUS TRANSPORT=obfs4 CONNECT=Failed ERROR=\"timed out\\n\"");
    QCOMPARE(int(m.kind), int(Kind::Status));
    const Args expected = {{"TRANSPORT", "obfs4"}, {"CONNECT", "Failed"}, {"ERROR", "timed out\n"}};
    QCOMPARE(m.args, expected);
}

void TstIpcMessage::logLevelNamesRoundTrip()
{
    for (LogLevel l : {LogLevel::None, LogLevel::Error, LogLevel::Warn, LogLevel::Info, LogLevel::Debug}) {
        const auto back = parseLogLevel(logLevelName(l));
        QVERIFY(back.has_value());
        QCOMPARE(int(*back), int(l));
    }
    QVERIFY(!parseLogLevel("debug").has_value());
    QVERIFY(!parseLogLevel("TRACE").has_value());
    QCOMPARE(logLevelName(LogLevel::Warn), QStringLiteral("WARN"));
}

QTEST_APPLESS_MAIN(TstIpcMessage)
#include "tst_ipcmessage.moc"
