// pt::flags: the one table of flags against the man page, -help and the parser that
// read it.

#include "dispatcher/core/Config.h"
#include "shared/flags/Flags.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

using pt::flags::Flag;

class TstFlags : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableIsInFlagOrderWithUniqueNames();
    void manPageDocumentsExactlyTheTable();
    void helpNamesEveryFlagInItsGroup();
    void defaultsInTheTableAreTheParsersDefaults();
    void everyChoiceIsAccepted();
};

namespace {

// Flag (or alias) name -> the section it is documented in, from the tags (the line
// after .TP) of the man page's "... FLAGS" sections. Roff escapes the dash: \-name;
// a dash inside a word (name\-ip:port) is not a flag.
QMap<QString, QString> manPageFlags()
{
    QFile man(QStringLiteral(PT_SOURCE_DIR "/docs/ptdispatcher.1"));
    if (!man.open(QIODevice::ReadOnly)) return {};
    static const QRegularExpression flagRe(QStringLiteral(R"((?<![A-Za-z])\\-([A-Za-z](?:[A-Za-z]|\\-)*))"));
    QMap<QString, QString> found;
    QString section;
    bool tag = false;
    for (const QString& line : QString::fromUtf8(man.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String(".SH "))) {
            section = line.mid(4).trimmed();
            continue;
        }
        if (line.startsWith(QLatin1String(".TP"))) {
            tag = true;
            continue;
        }
        if (tag && section.endsWith(QLatin1String(" FLAGS"))) {
            for (const QRegularExpressionMatch& m : flagRe.globalMatch(line)) {
                QString name = m.captured(1);
                found.insert(name.replace(QLatin1String("\\-"), QLatin1String("-")), section);
            }
        }
        tag = false;
    }
    return found;
}

} // namespace

void TstFlags::tableIsInFlagOrderWithUniqueNames()
{
    QStringList seen;
    for (int i = 0; i < pt::flags::table().size(); ++i) {
        const pt::flags::FlagInfo& f = pt::flags::table().at(i);
        QCOMPARE(static_cast<int>(f.flag), i);
        QVERIFY2(!f.name.isEmpty() && !f.help.isEmpty(), qPrintable(f.name));
        QVERIFY2(!seen.contains(f.name), qPrintable(f.name));
        seen << f.name;
        if (!f.alias.isEmpty()) {
            QVERIFY2(!seen.contains(f.alias), qPrintable(f.alias));
            seen << f.alias;
        }
        // A switch names no value; every other flag does.
        QCOMPARE(f.placeholder.isEmpty(), f.kind == pt::flags::Kind::Switch);
        QCOMPARE(pt::flags::find(f.name), std::optional<Flag>(f.flag));
    }
    QVERIFY(!pt::flags::find(QStringLiteral("no-such-flag")));
}

void TstFlags::manPageDocumentsExactlyTheTable()
{
    const QMap<QString, QString> documented = manPageFlags();
    QVERIFY2(!documented.isEmpty(), "docs/ptdispatcher.1 unreadable or without flag sections");
    for (const pt::flags::FlagInfo& f : pt::flags::table()) {
        QVERIFY2(documented.contains(f.name),
                 qPrintable(QStringLiteral("-%1 is missing from docs/ptdispatcher.1").arg(f.name)));
        // "COMMON FLAGS" for "Common flags", "CLIENT FLAGS" for "Client flags (default role)".
        const QString section = pt::flags::groupTitle(f.group).section(QLatin1Char(' '), 0, 1).toUpper();
        QVERIFY2(documented.value(f.name) == section,
                 qPrintable(QStringLiteral("-%1 is documented under %2, not %3")
                                .arg(f.name, documented.value(f.name), section)));
        if (!f.alias.isEmpty()) QVERIFY2(documented.contains(f.alias), qPrintable(f.alias));
    }
    for (auto it = documented.cbegin(); it != documented.cend(); ++it)
        QVERIFY2(pt::flags::isKnownFlag(it.key()),
                 qPrintable(QStringLiteral("docs/ptdispatcher.1 documents -%1, which is not in the table")
                                .arg(it.key())));
}

void TstFlags::helpNamesEveryFlagInItsGroup()
{
    const QStringList lines = pt::usageText().split(QLatin1Char('\n'));
    QString group;
    QMap<QString, QString> groupOf;
    for (const QString& line : lines) {
        if (line.endsWith(QLatin1Char(':')) && !line.startsWith(QLatin1Char(' '))) group = line.chopped(1);
        static const QRegularExpression head(
            QStringLiteral(R"(^  -([A-Za-z-]+)(?:, -([A-Za-z-]+))?(?: |$))"));
        const QRegularExpressionMatch m = head.match(line);
        if (m.hasMatch()) {
            groupOf.insert(m.captured(1), group);
            if (m.hasCaptured(2)) groupOf.insert(m.captured(2), group);
        }
    }
    for (const pt::flags::FlagInfo& f : pt::flags::table()) {
        QVERIFY2(groupOf.contains(f.name),
                 qPrintable(QStringLiteral("-%1 is missing from -help").arg(f.name)));
        QCOMPARE(groupOf.value(f.name), pt::flags::groupTitle(f.group));
        if (!f.alias.isEmpty()) QCOMPARE(groupOf.value(f.alias), pt::flags::groupTitle(f.group));
        for (const QString& choice : f.choices)
            QVERIFY2(pt::usageText().contains(choice), qPrintable(choice));
    }
    QCOMPARE(groupOf.size(), pt::flags::allFlagNames().size() + 1); // + -h
}

// -help states the table's defaults; they must be what parseConfig gives.
void TstFlags::defaultsInTheTableAreTheParsersDefaults()
{
    const pt::ConfigResult r = pt::parseConfig({pt::flags::dashed(Flag::Transport), QStringLiteral("obfs4")},
                                               {}, QStringLiteral("/"));
    QCOMPARE(r.status, pt::ConfigResult::Status::Ok);
    const pt::Config& c = r.config;
    auto stated = [](Flag f) { return pt::flags::info(f).defaultValue; };
    QCOMPARE(stated(Flag::PtVersion), c.ipcVersion);
    QCOMPARE(stated(Flag::Mode), pt::proxyModeName(c.mode));
    QCOMPARE(stated(Flag::IpcLogLevel), pt::ipc::logLevelName(c.logLevel));
    QCOMPARE(stated(Flag::ExitOnStdinClose),
             c.exitOnStdinClose ? QStringLiteral("true") : QStringLiteral("false"));
    QCOMPARE(stated(Flag::HandshakeTimeout), QString::number(c.handshakeTimeoutMs));
    QCOMPARE(stated(Flag::ConnectTimeout), QString::number(c.connectTimeoutMs));
    QCOMPARE(stated(Flag::MaxConnections), QString::number(c.maxConnections));
    QCOMPARE(stated(Flag::UdpIdleTimeout), QString::number(c.udpIdleTimeoutMs));
    QCOMPARE(stated(Flag::CheckTimeout), QString::number(c.checkTimeoutSeconds));
}

void TstFlags::everyChoiceIsAccepted()
{
    for (const pt::flags::FlagInfo& f : pt::flags::table()) {
        for (const QString& choice : f.choices) {
            const pt::ConfigResult r =
                pt::parseConfig({pt::flags::dashed(Flag::Transport), QStringLiteral("obfs4"),
                                 QLatin1Char('-') + f.name, choice},
                                {}, QStringLiteral("/"));
            QVERIFY2(r.status == pt::ConfigResult::Status::Ok,
                     qPrintable(f.name + QLatin1Char(' ') + choice));
        }
    }
}

QTEST_APPLESS_MAIN(TstFlags)
#include "tst_flags.moc"
