#pragma once

// Streams that outlive wire connections. A meek stream is a series of HTTP requests,
// each on whichever connection the client (or its front) used, so it cannot be one
// Relay over one socket. The transport's per-connection sessions (sans-IO, any worker
// thread) find streams in the hub by id and move bytes in and out of them; the I/O
// layer (net/HubStreamConnection) takes each new stream from the hub's acceptor and
// connects it to -target or the Extended ORPort like any other server connection.
//
// Both queues are bounded by their users: a session queues at most one request body
// upstream before the I/O side drains it, and the I/O side stops reading the target
// while kDownHighWater bytes wait for a response.

#include <QByteArray>
#include <QHash>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

namespace pt {

class HubStream
{
public:
    static constexpr qint64 kDownHighWater = 256 * 1024;

    HubStream(QString id, QString clientAddress, int64_t nowMs);

    const QString& id() const { return m_id; }
    const QString& clientAddress() const { return m_clientAddress; }

    // Transport side (the sessions parsing requests).
    // Appends bytes for the target; false when the stream is closed.
    bool pushUp(const QByteArray& bytes, int64_t nowMs);
    // Takes up to max bytes the target sent.
    QByteArray takeDown(qint64 max, int64_t nowMs);
    qint64 downQueued() const;
    // Bytes pushed up that the I/O side has not taken yet (a session holds its answer
    // while this is large: the client's backpressure).
    qint64 upQueued() const;
    // The target side ended (closed or failed) and everything it sent was taken.
    bool finished() const;

    // I/O side (the stream's own worker thread).
    QByteArray takeUp();
    bool upClosed() const;
    void pushDown(const QByteArray& bytes);
    void closeDown(const QString& reason);
    int64_t idleMs(int64_t nowMs) const;
    // Called after pushUp() and takeDown(), on the caller's thread, outside the lock.
    void setWakeup(std::function<void()> wakeup);
    // The client is gone (idle expiry, shutdown): the I/O side closes the target.
    void closeUp();

private:
    void wake();

    const QString m_id;
    const QString m_clientAddress;
    mutable std::mutex m_mutex;
    // Held while the wake-up runs, so setWakeup({}) returns only when no call is in
    // flight (the I/O side clears it before it goes away).
    std::mutex m_wakeMutex;
    QByteArray m_up;
    QByteArray m_down;
    bool m_upClosed = false;
    bool m_downClosed = false;
    int64_t m_lastActivityMs;
    std::function<void()> m_wakeup;
};

class StreamHub
{
public:
    using Acceptor = std::function<void(std::shared_ptr<HubStream>)>;

    // idleTimeoutMs: a stream with no request for this long is closed (meek-server: 120 s).
    explicit StreamHub(int64_t idleTimeoutMs = 120 * 1000, int maxStreams = 10000)
        : m_idleTimeoutMs(idleTimeoutMs), m_maxStreams(maxStreams)
    {
    }

    int64_t idleTimeoutMs() const { return m_idleTimeoutMs; }

    // Set once by the I/O layer before any session runs.
    void setAcceptor(Acceptor acceptor);
    // The stream with this id, or nullptr.
    std::shared_ptr<HubStream> find(const QString& id) const;
    // A new stream (the acceptor is called before this returns), or nullptr when the
    // hub is full or has no acceptor.
    std::shared_ptr<HubStream> open(const QString& id, const QString& clientAddress, int64_t nowMs);
    void remove(const QString& id);
    int size() const;

private:
    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<HubStream>> m_streams;
    Acceptor m_acceptor;
    const int64_t m_idleTimeoutMs;
    const int m_maxStreams;
};

} // namespace pt
