#pragma once

// Read-only data shared by all connections of one listener (DESIGN.md principle 4:
// shared state is immutable after start-up, or atomic).

#include "dispatcher/base/ProxyMode.h"
#include "dispatcher/base/UpstreamProxy.h"
#include "dispatcher/transports/Transport.h"

#include <QJsonObject>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace pt::net {

struct TrafficCounters
{
    std::atomic<qint64> bytesUp{0};   // application -> network
    std::atomic<qint64> bytesDown{0}; // network -> application
    std::atomic<qint64> connectionsTotal{0};
    std::atomic<qint64> connectionsFailed{0};
    std::atomic<int> connectionsOpen{0};
    // Transport handshakes (STATUS HANDSHAKES-OK / -FAILED / LAST-ERROR): client side
    // from dialling the bridge to the server proving itself, server side the
    // transport handshake of an accepted connection. Each connection counts once.
    std::atomic<qint64> handshakesOk{0};
    std::atomic<qint64> handshakesFailed{0};

    struct LastError
    {
        bool set = false;
        FailureCode code = FailureCode::Error;
        QString text;
    };
    void recordHandshakeOk() { handshakesOk.fetch_add(1); }
    void recordHandshakeFailure(FailureCode code, const QString& text)
    {
        {
            std::lock_guard<std::mutex> lock(m_lastErrorMutex);
            m_lastError = LastError{true, code, text};
        }
        handshakesFailed.fetch_add(1);
    }
    LastError lastError() const
    {
        std::lock_guard<std::mutex> lock(m_lastErrorMutex);
        return m_lastError;
    }

private:
    // std::mutex, not QMutex: ThreadSanitizer sees it. Worker threads write, the main
    // thread reads once a second.
    mutable std::mutex m_lastErrorMutex;
    LastError m_lastError;
};

// One open connection in a listener's counters: counted in (total and open) when
// made, out of "open" when destroyed. Held in a std::optional by each connection
// object, emplaced once the descriptor is adopted and reset when the connection ends.
class OpenConnection
{
public:
    explicit OpenConnection(std::shared_ptr<TrafficCounters> counters) : m_counters(std::move(counters))
    {
        m_counters->connectionsTotal.fetch_add(1);
        m_counters->connectionsOpen.fetch_add(1);
    }
    ~OpenConnection() { m_counters->connectionsOpen.fetch_sub(1); }
    OpenConnection(const OpenConnection&) = delete;
    OpenConnection& operator=(const OpenConnection&) = delete;

private:
    std::shared_ptr<TrafficCounters> m_counters;
};

// What every listener's context has, client or server. Dispatcher fills it in one
// place (newContext() in Dispatcher.cpp), so a field added here is set once.
struct ListenerContext
{
    QString transportName;
    ProxyMode mode = ProxyMode::Socks5;
    int handshakeTimeoutMs = 30000;
    int connectTimeoutMs = 30000;
    std::shared_ptr<TrafficCounters> counters;
};

struct ClientContext : ListenerContext
{
    std::shared_ptr<const ClientTransport> transport;
    QJsonObject options;                   // this transport's -options
    std::optional<HostPort> serverAddress; // -options serverAddress
    std::optional<UpstreamProxy> proxy;
};

struct ServerContext : ListenerContext
{
    std::shared_ptr<const ServerTransport> transport;
    std::optional<HostPort> target;
    std::optional<HostPort> extOrPort;
    QString authCookieFile;
};

} // namespace pt::net
