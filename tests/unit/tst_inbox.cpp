// net::Inbox and net::WorkerPool, the only ways work crosses threads in the dispatcher
// (docs/ARCHITECTURE.md, "Threads"): functions posted from other threads run on the
// inbox's thread, in posting order, each exactly once; a function may post again from
// inside a drain; functions still queued when an inbox goes are destroyed, not run;
// WorkerPool::post runs on a worker and postToOwner back on the thread that made the pool.
// Under scripts/test-sanitizers.sh tsan this also checks the hand-over is race-free.
#include "dispatcher/net/Inbox.h"
#include "dispatcher/net/WorkerPool.h"

#include <QtTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace pt::net;

class TestInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void functionsFromOtherThreadsRunHereInOrderOnce()
    {
        Inbox inbox;
        std::vector<int> seen; // touched only on this thread
        std::atomic<int> offThread{0};
        constexpr int kThreads = 4, kEach = 2000;
        std::vector<std::thread> posters;
        for (int t = 0; t < kThreads; ++t) {
            posters.emplace_back([&inbox, &seen, &offThread, t] {
                for (int i = 0; i < kEach; ++i) {
                    inbox.post([&seen, &offThread, t, i] {
                        if (QThread::currentThread() != qApp->thread())
                            ++offThread;
                        else
                            seen.push_back(t * kEach + i);
                    });
                }
            });
        }
        for (auto& p : posters)
            p.join();
        QTRY_COMPARE_WITH_TIMEOUT(int(seen.size()) + offThread.load(), kThreads * kEach, 10000);
        QCOMPARE(offThread.load(), 0);
        // Each poster's own functions ran in the order it posted them, and none twice.
        std::vector<int> last(kThreads, -1);
        std::set<int> unique(seen.begin(), seen.end());
        QCOMPARE(int(unique.size()), kThreads * kEach);
        for (int v : seen) {
            const int t = v / kEach, i = v % kEach;
            QVERIFY2(i > last[size_t(t)], "a poster's functions ran out of order");
            last[size_t(t)] = i;
        }
    }

    void aFunctionMayPostAgainFromInsideADrain()
    {
        Inbox inbox;
        int depth = 0;
        std::function<void()> step = [&] {
            if (++depth < 100) inbox.post(step);
        };
        inbox.post(step);
        QTRY_COMPARE_WITH_TIMEOUT(depth, 100, 5000);
    }

    void queuedFunctionsAreDestroyedNotRunWhenTheInboxGoes()
    {
        auto token = std::make_shared<int>(0);
        bool ran = false;
        {
            Inbox inbox;
            inbox.post([token, &ran] { ran = true; });
            QCOMPARE(token.use_count(), 2);
        } // no event loop turn in between: the drain never happened
        QCoreApplication::processEvents();
        QVERIFY(!ran);
        QCOMPARE(token.use_count(), 1);
    }

    void workerPoolPostsToWorkersAndBackToItsOwner()
    {
        WorkerPool pool(3);
        QCOMPARE(pool.size(), 3);
        std::mutex mutex;
        std::set<QThread*> workers;
        std::atomic<int> backOnOwner{0};
        std::atomic<int> wrongThread{0};
        constexpr int kJobs = 60;
        for (int i = 0; i < kJobs; ++i) {
            pool.post([&](QObject* context) {
                if (context->thread() != QThread::currentThread() ||
                    QThread::currentThread() == qApp->thread())
                    ++wrongThread;
                {
                    std::lock_guard<std::mutex> lock(mutex);
                    workers.insert(QThread::currentThread());
                }
                pool.postToOwner([&] {
                    if (QThread::currentThread() != qApp->thread()) ++wrongThread;
                    ++backOnOwner;
                });
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(backOnOwner.load(), kJobs, 10000);
        QCOMPARE(wrongThread.load(), 0);
        std::lock_guard<std::mutex> lock(mutex);
        QCOMPARE(int(workers.size()), 3); // round robin reached every worker
    }

    void stoppedPoolTakesNoMoreWork()
    {
        WorkerPool pool(2);
        pool.stop();
        QCOMPARE(pool.size(), 0);
        bool ran = false;
        pool.post([&ran](QObject*) { ran = true; });
        QTest::qWait(50);
        QVERIFY(!ran);
    }
};

QTEST_GUILESS_MAIN(TestInbox)
#include "tst_inbox.moc"
