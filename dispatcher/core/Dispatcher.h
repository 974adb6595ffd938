#pragma once

// Start-up and shutdown in the order the spec prescribes:
//   VERSION (or VERSION-ERROR, exit 78) -> flag validation (ENV-ERROR, exit 64) ->
//   client: -proxy (PROXY DONE / PROXY-ERROR, exit 69) -> one listener per known
//   transport (CMETHOD / SMETHOD, or *-ERROR and go on) -> CMETHODS/SMETHODS DONE.

#include "dispatcher/core/Config.h"
#include "dispatcher/net/Contexts.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace pt {

namespace net {
class Listener;
class WorkerPool;
class ConnectionGate;
} // namespace net

class Lifecycle;

class Dispatcher : public QObject
{
    Q_OBJECT
public:
    explicit Dispatcher(QObject* parent = nullptr);
    ~Dispatcher() override;

    // Returns -1 when the dispatcher is running (enter the event loop), otherwise
    // the exit code to return right away.
    int start(const QStringList& args);

Q_SIGNALS:
    void stopped(int exitCode);

private:
    void startClient();
    void startServer();
    bool ensureStateDir();
    void emitStatus();
    void shutdown(const QString& why);

    Config m_config;
    std::unique_ptr<net::WorkerPool> m_pool;
    std::shared_ptr<net::ConnectionGate> m_gate;
    std::vector<net::Listener*> m_listeners;
    std::vector<std::pair<QString, std::shared_ptr<net::TrafficCounters>>> m_counters;
    Lifecycle* m_lifecycle = nullptr;
    QTimer m_statusTimer;
};

} // namespace pt
