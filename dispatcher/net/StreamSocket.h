#pragma once

// A non-blocking TCP stream on a plain socket descriptor, driven by QSocketNotifier.
//
// Why not QTcpSocket: the Relay must support half-close (EOF one way keeps the
// other way flowing), and QAbstractSocket closes the whole connection when the peer
// sends FIN. It also copies every byte into its own ring buffer; here a read is one
// recv() into the caller's buffer, and writes go out with writev() from a queue whose
// size the Relay bounds. System calls go through platform/Socket.h (POSIX or winsock).

#include "dispatcher/base/Failure.h"
#include "dispatcher/platform/Socket.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>

class QSocketNotifier;

namespace pt::net {

class StreamSocket : public QObject
{
    Q_OBJECT
public:
    explicit StreamSocket(QObject* parent = nullptr);
    ~StreamSocket() override;

    // Takes ownership of an accepted, connected descriptor.
    bool adopt(qintptr fd);
    // Starts a non-blocking connect; emits connected() or failed(error).
    void connectTo(const QHostAddress& address, quint16 port);

    // One recv() of at most maxBytes. Empty result: nothing available now, or EOF
    // (then atEof() is true). Errors are reported through failed().
    QByteArray read(qint64 maxBytes);
    bool atEof() const { return m_eof; }

    // Queues bytes; sends what the kernel takes at once.
    void write(const QByteArray& bytes);
    qint64 bytesToWrite() const { return m_queued; }

    // Sends FIN once the queue is empty (half-close); reading goes on.
    void shutdownWrite();
    bool writeShutdown() const { return m_shutdownRequested; }

    // Backpressure: while disabled, readyRead() is not emitted and the kernel's
    // receive window closes on the peer.
    void setReadEnabled(bool enabled);
    bool readEnabled() const { return m_readEnabled; }

    void close();
    bool isOpen() const { return m_fd != platform::kNoSocket; }
    qintptr descriptor() const { return m_fd; }

    QHostAddress localAddress() const;
    quint16 localPort() const;
    quint16 peerPort() const;
    // "host:port" ("[v6]:port") of the peer, for log lines.
    QString peerText() const;

    // Largest write queue seen (tests assert the Relay's bound with it).
    qint64 maxQueued() const { return m_maxQueued; }

Q_SIGNALS:
    void connected();
    void readyRead();    // readable, or EOF arrived
    void bytesWritten(); // the queue shrank
    void failed(const pt::NetError& error);

private:
    void setupNotifiers();
    void onReadable();
    void onWritable();
    void pollConnect();
    void flush();
    void fail(const NetError& err);
    void failLater(const NetError& err);

    platform::SocketHandle m_fd = platform::kNoSocket;
    bool m_connecting = false;
    bool m_eof = false;
    bool m_readEnabled = true;
    bool m_shutdownRequested = false;
    bool m_shutdownDone = false;
    bool m_bytesWrittenPending = false;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QTimer* m_connectPoll = nullptr; // platform::connectNeedsPolling() only
    std::deque<QByteArray> m_queue;
    qint64 m_headOffset = 0; // bytes of m_queue.front() already sent
    qint64 m_queued = 0;
    qint64 m_maxQueued = 0;
};

// A socket error -> the failure code of STATUS LAST-ERROR and -check. `other` for
// kinds with no code of their own (a reset: Closed on a connected socket).
FailureCode failureCodeFor(const NetError& err, FailureCode other = FailureCode::Error);

} // namespace pt::net
