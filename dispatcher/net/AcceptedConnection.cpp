#include "dispatcher/net/AcceptedConnection.h"

#include "dispatcher/platform/Socket.h"

namespace pt::net {

AcceptedConnection::AcceptedConnection(std::shared_ptr<TrafficCounters> counters,
                                       std::function<void()> onDone, QObject* parent)
    : QObject(parent), m_counters(std::move(counters)), m_onDone(std::move(onDone))
{
    m_timer.setSingleShot(true);
}

AcceptedConnection::~AcceptedConnection()
{
    if (m_onDone) m_onDone();
}

StreamSocket* AcceptedConnection::adoptAccepted(qintptr fd, QObject* socketParent)
{
    auto* s = new StreamSocket(socketParent);
    if (!s->adopt(fd)) {
        delete s;
        platform::closeSocket(fd);
        return nullptr;
    }
    m_open.emplace(m_counters);
    m_peer = s->peerText();
    return s;
}

bool AcceptedConnection::beginFinish()
{
    if (m_finished) return false;
    m_finished = true;
    m_timer.stop();
    m_open.reset();
    return true;
}

void AcceptedConnection::recordHandshakeOk()
{
    if (m_outcomeRecorded) return;
    m_outcomeRecorded = true;
    m_counters->recordHandshakeOk();
}

void AcceptedConnection::recordHandshakeFailure(FailureCode code, const QString& text)
{
    if (m_outcomeRecorded || m_finished) return;
    m_outcomeRecorded = true;
    m_counters->recordHandshakeFailure(code, text);
}

} // namespace pt::net
