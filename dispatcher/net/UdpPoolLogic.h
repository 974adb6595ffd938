#pragma once

// The client-side pool of transport connections for the UDP modes, as a state
// machine without sockets or clocks (spec 1.5.4, Table 1), so tests drive it with
// a fake time.
//
// One entry per application source address (host:port). Deviation from Table 1,
// on purpose: while an entry is Waiting its packets are queued (at most
// queueLimit; beyond that they are dropped and counted) instead of dropped, and
// the queue is flushed on Connected. Otherwise the first packet of every flow (a
// DNS query, a STUN Binding request) would always be lost.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <deque>
#include <optional>

namespace pt::net {

class UdpPoolLogic
{
public:
    enum class State
    {
        Waiting,
        Connected
    };
    enum class Action
    {
        Dial,   // new entry (Waiting), packet queued: open a transport connection
        Queued, // entry Waiting, packet queued
        Send,   // entry Connected: send the packet now
        Dropped // entry Waiting with a full queue
    };

    explicit UdpPoolLogic(int64_t idleTimeoutMs, int queueLimit = 32)
        : m_idleTimeoutMs(idleTimeoutMs), m_queueLimit(queueLimit)
    {
    }

    // A datagram from the application with source `key`.
    Action onPacket(const QString& key, const QByteArray& datagram, int64_t nowMs);
    // Transport connection established: the entry becomes Connected; returns the
    // queued packets to send now, oldest first.
    QList<QByteArray> onConnected(const QString& key, int64_t nowMs);
    // Traffic the other way (a reply) also keeps the entry alive.
    void touch(const QString& key, int64_t nowMs);
    // Connection closed, failed, or a write failed: the entry goes away. Returns the
    // number of queued packets dropped with it.
    int remove(const QString& key);
    // Entries idle for at least the timeout; they are removed.
    QStringList expire(int64_t nowMs);
    // When expire() should next be called (nullopt: pool empty).
    std::optional<int64_t> nextExpiryMs() const;

    bool contains(const QString& key) const { return m_entries.contains(key); }
    std::optional<State> state(const QString& key) const;
    int size() const { return int(m_entries.size()); }
    qsizetype queued(const QString& key) const;

    qint64 droppedQueueFull() const { return m_droppedQueueFull; }

private:
    struct Entry
    {
        State state = State::Waiting;
        int64_t lastActivityMs = 0;
        std::deque<QByteArray> queue;
    };

    int64_t m_idleTimeoutMs;
    int m_queueLimit;
    QHash<QString, Entry> m_entries;
    qint64 m_droppedQueueFull = 0;
};

} // namespace pt::net
