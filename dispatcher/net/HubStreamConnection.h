#pragma once

// The I/O side of one hub stream (transports/StreamHub.h; meek's sessions): connects
// it to -target or the Extended ORPort (USERADDR = the address the front reported),
// then moves bytes between the stream's queues and the target socket, with
// backpressure both ways. Ends when the target closes and the client took what it
// sent, when the client has been idle for the hub's idle timeout, or at
// shutdown. Lives on one worker thread and deletes itself.

#include "dispatcher/net/Contexts.h"
#include "dispatcher/net/Inbox.h"
#include "dispatcher/net/StreamSocket.h"
#include "dispatcher/net/TargetDialer.h"
#include "dispatcher/transports/StreamHub.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace pt::net {

class HubStreamConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kTargetHighWater = 1024 * 1024;

    HubStreamConnection(std::shared_ptr<const ServerContext> ctx, std::shared_ptr<HubStream> stream,
                        QObject* parent = nullptr);
    ~HubStreamConnection() override;

    void start();

private:
    void onTargetReady(StreamSocket* target, const QByteArray& early);
    void pump();
    void check();
    void finish(const QString& reason);

    std::shared_ptr<const ServerContext> m_ctx;
    std::shared_ptr<HubStream> m_stream;
    std::optional<OpenConnection> m_open;
    TargetDialer* m_dialer = nullptr;
    StreamSocket* m_target = nullptr;
    QTimer m_check;
    bool m_targetEof = false;
    bool m_finished = false;
    // Wake-ups from the sessions' threads arrive here (never a functor through Qt's
    // queue: see Inbox.h). Declared after everything pump() uses, so it goes first and
    // drops what is still queued.
    Inbox m_inbox;
};

} // namespace pt::net
