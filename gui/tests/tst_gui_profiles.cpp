// ProfileStore: profiles survive a QSettings round trip; broken entries are skipped, not fatal.
#include "core/ProfileStore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace pt::gui;

class TestGuiProfiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.ini"));
        pt::LaunchConfig a;
        a.transports = {QStringLiteral("obfs4")};
        a.options.insert(QStringLiteral("obfs4"), QJsonObject{{QStringLiteral("cert"), QStringLiteral("c")}});
        a.proxyListenAddr = QStringLiteral("127.0.0.1:5555");
        a.logLevel = QStringLiteral("DEBUG");
        pt::LaunchConfig b;
        b.role = pt::LaunchConfig::Role::Server;
        b.transports = {QStringLiteral("plain")};
        b.bindAddrs.insert(QStringLiteral("plain"), QStringLiteral("0.0.0.0:443"));
        {
            QSettings s(file, QSettings::IniFormat);
            ProfileStore(s).save({{QStringLiteral("one"), a}, {QStringLiteral("two"), b}});
        }
        QSettings s(file, QSettings::IniFormat);
        QStringList problems;
        const QList<Profile> loaded = ProfileStore(s).load(&problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).name, QStringLiteral("one"));
        QVERIFY(loaded.at(0).config == a);
        QCOMPARE(loaded.at(1).name, QStringLiteral("two"));
        QVERIFY(loaded.at(1).config == b);
    }

    void savingFewerProfilesDropsTheRest()
    {
        QTemporaryDir dir;
        QSettings s(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        ProfileStore store(s);
        store.save({{QStringLiteral("a"), {}}, {QStringLiteral("b"), {}}, {QStringLiteral("c"), {}}});
        store.save({{QStringLiteral("b"), {}}});
        const auto loaded = store.load();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().name, QStringLiteral("b"));
    }

    void brokenEntryIsSkippedAndNamed()
    {
        QTemporaryDir dir;
        QSettings s(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
        ProfileStore store(s);
        store.save({{QStringLiteral("good"), {}}, {QStringLiteral("bad"), {}}});
        s.beginWriteArray(QStringLiteral("profiles"));
        s.setArrayIndex(1);
        s.setValue(QStringLiteral("config"), QStringLiteral("{\"role\":\"neither\"}"));
        s.endArray();
        QStringList problems;
        const auto loaded = store.load(&problems);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().name, QStringLiteral("good"));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QStringLiteral("bad")), qPrintable(problems.first()));
    }

    void uniqueNameCountsUp()
    {
        QList<Profile> ps{{QStringLiteral("x"), {}}, {QStringLiteral("x (2)"), {}}};
        QCOMPARE(ProfileStore::uniqueName(ps, QStringLiteral("y")), QStringLiteral("y"));
        QCOMPARE(ProfileStore::uniqueName(ps, QStringLiteral("x")), QStringLiteral("x (3)"));
    }
};

QTEST_GUILESS_MAIN(TestGuiProfiles)
#include "tst_gui_profiles.moc"
