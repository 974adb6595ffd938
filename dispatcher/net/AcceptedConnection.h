#pragma once

// What every connection object made for an accepted descriptor shares (the client's
// SOCKS/transparent connection, the server's TCP and UDP connections): the listener's
// `done` callback run on destruction (its connection cap), the connection counted in
// and out of the transport's counters, the peer's address for log lines, one
// single-shot timer for whatever deadline the phase has, and finishing once.
// Lives on one worker thread and deletes itself.

#include "dispatcher/net/Contexts.h"
#include "dispatcher/net/StreamSocket.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace pt::net {

class AcceptedConnection : public QObject
{
    Q_OBJECT
public:
    ~AcceptedConnection() override;

protected:
    AcceptedConnection(std::shared_ptr<TrafficCounters> counters, std::function<void()> onDone,
                       QObject* parent);

    // The accepted descriptor as a StreamSocket (child of socketParent, or unparented),
    // counted in and its peer noted; nullptr when the descriptor is unusable.
    StreamSocket* adoptAccepted(qintptr fd, QObject* socketParent);
    // The first call stops the timer, takes the connection out of the open count and
    // returns true; later calls return false (finish() has run already).
    bool beginFinish();
    // This connection's handshake outcome in the counters (STATUS HANDSHAKES-OK /
    // -FAILED / LAST-ERROR): the first one counts, later ones and any after finish()
    // are ignored.
    void recordHandshakeOk();
    void recordHandshakeFailure(FailureCode code, const QString& text);

    QString m_peer;
    QTimer m_timer;
    bool m_finished = false;

private:
    std::shared_ptr<TrafficCounters> m_counters;
    std::function<void()> m_onDone;
    std::optional<OpenConnection> m_open; // in the counters while set
    bool m_outcomeRecorded = false;
};

} // namespace pt::net
