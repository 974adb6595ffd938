// ThreadSanitizer canary (built and run only with -DPT_TSAN=ON): a deliberate data
// race between a worker of our WorkerPool and the thread that posted to it. CTest
// passes only if TSan reports it, which proves the options scripts/test-sanitizers.sh
// runs the TSan suite with (ignore_noninstrumented_modules=1 among them) still see a
// race in our code across our own thread hand-over.

#include "dispatcher/net/WorkerPool.h"

#include <QCoreApplication>

#include <atomic>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    static long unguarded = 0; // written by both threads with nothing ordering them
    std::atomic<bool> ran{false};
    {
        pt::net::WorkerPool pool(1);
        pool.post([&ran](QObject*) {
            for (int i = 0; i < 100000; ++i)
                unguarded = unguarded + 1;
            ran.store(true, std::memory_order_relaxed);
        });
        for (int i = 0; i < 100000; ++i)
            unguarded = unguarded + 1;
        while (!ran.load(std::memory_order_relaxed))
            QThread::yieldCurrentThread();
        pool.stop();
    }
    std::printf("canary done (%ld)\n", unguarded);
    return 0;
}
