// The client-side UDP pool (spec 1.5.4 Table 1, with queueing while Waiting)
// driven with a fake clock.
#include "dispatcher/net/UdpPoolLogic.h"

#include <QtTest>

using pt::net::UdpPoolLogic;
using Action = UdpPoolLogic::Action;
using State = UdpPoolLogic::State;

class TestUdpPool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstPacketDialsAndIsQueuedNotDropped()
    {
        UdpPoolLogic pool(1000);
        QCOMPARE(pool.onPacket("a", "p1", 0), Action::Dial);
        QCOMPARE(pool.state("a"), std::optional<State>(State::Waiting));
        QCOMPARE(pool.onPacket("a", "p2", 1), Action::Queued);
        QCOMPARE(pool.queued("a"), 2);
        const QList<QByteArray> flushed = pool.onConnected("a", 2);
        QCOMPARE(flushed, (QList<QByteArray>{"p1", "p2"}));
        QCOMPARE(pool.state("a"), std::optional<State>(State::Connected));
        QCOMPARE(pool.queued("a"), 0);
        QCOMPARE(pool.onPacket("a", "p3", 3), Action::Send);
    }

    void sourcesHaveSeparateEntries()
    {
        UdpPoolLogic pool(1000);
        QCOMPARE(pool.onPacket("a", "x", 0), Action::Dial);
        QCOMPARE(pool.onPacket("b", "y", 0), Action::Dial);
        QCOMPARE(pool.size(), 2);
        pool.onConnected("a", 1);
        QCOMPARE(pool.onPacket("a", "x", 2), Action::Send);
        QCOMPARE(pool.onPacket("b", "y", 2), Action::Queued);
    }

    void queueWhileWaitingIsBounded()
    {
        UdpPoolLogic pool(1000, 4);
        QCOMPARE(pool.onPacket("a", "0", 0), Action::Dial);
        for (int i = 1; i < 4; ++i)
            QCOMPARE(pool.onPacket("a", QByteArray::number(i), 0), Action::Queued);
        QCOMPARE(pool.onPacket("a", "4", 0), Action::Dropped);
        QCOMPARE(pool.droppedQueueFull(), 1);
        QCOMPARE(pool.onConnected("a", 0).size(), 4);
    }

    void failureCloseAndWriteFailureRemoveTheEntry()
    {
        UdpPoolLogic pool(1000);
        pool.onPacket("a", "1", 0);
        pool.onPacket("a", "2", 0);
        QCOMPARE(pool.remove("a"), 2); // connection failed while Waiting: queue lost
        QVERIFY(!pool.contains("a"));
        QCOMPARE(pool.onPacket("a", "3", 1), Action::Dial); // a new packet starts over
        pool.onConnected("a", 1);
        QCOMPARE(pool.remove("a"), 0); // closed while Connected
        QCOMPARE(pool.size(), 0);
        QCOMPARE(pool.remove("a"), 0); // twice is harmless
        QVERIFY(pool.onConnected("gone", 5).isEmpty());
    }

    void idleEntriesExpireAndTrafficKeepsThemAlive()
    {
        UdpPoolLogic pool(1000);
        QVERIFY(!pool.nextExpiryMs());
        pool.onPacket("a", "1", 0);
        pool.onPacket("b", "1", 500);
        QCOMPARE(pool.nextExpiryMs(), std::optional<int64_t>(1000));
        QVERIFY(pool.expire(999).isEmpty());
        pool.onConnected("a", 900);
        pool.touch("a", 1400); // a reply came back
        QCOMPARE(pool.expire(1500), QStringList{"b"});
        QVERIFY(pool.contains("a"));
        QCOMPARE(pool.expire(2400), QStringList{"a"});
        QCOMPARE(pool.size(), 0);
        QVERIFY(!pool.nextExpiryMs());
    }
};

QTEST_GUILESS_MAIN(TestUdpPool)
#include "tst_udppool.moc"
