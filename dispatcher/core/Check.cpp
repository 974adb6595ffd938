#include "dispatcher/core/Check.h"

#include "dispatcher/net/Dialer.h"
#include "dispatcher/net/Relay.h"
#include "dispatcher/transports/Registry.h"
#include "shared/bridge/BridgeLine.h"

namespace pt {

namespace {
constexpr int kExUsage = 64;
} // namespace

QString formatCheckResult(const CheckResult& r)
{
    if (r.ok)
        return QStringLiteral("CHECK OK transport=%1 tcp_ms=%2 handshake_ms=%3")
            .arg(r.transport)
            .arg(r.tcpMs)
            .arg(r.handshakeMs);
    // One line whatever the detail holds.
    QString detail = r.detail.simplified();
    if (detail.isEmpty()) detail = QStringLiteral("unspecified");
    return QStringLiteral("CHECK-ERROR %1 %2").arg(failureCodeName(r.code), detail);
}

int checkExitCode(const CheckResult& r)
{
    if (r.ok) return 0;
    return r.code == FailureCode::Invalid ? kExUsage : 1;
}

BridgeCheck::BridgeCheck(QObject* parent) : QObject(parent)
{
    m_deadline.setSingleShot(true);
    m_settle.setSingleShot(true);
    // Coarse timers may fire 5 % early: a 2 s limit must not end at 1.9 s.
    m_deadline.setTimerType(Qt::PreciseTimer);
    m_settle.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_tcpAt < 0)
            fail(FailureCode::Timeout, QStringLiteral("no TCP connection to %1 within %2 s")
                                           .arg(m_target)
                                           .arg(m_deadline.interval() / 1000));
        else
            fail(FailureCode::Timeout,
                 QStringLiteral("connected to %1, but the %2 handshake did not complete within %3 s")
                     .arg(m_target, m_result.transport)
                     .arg(m_deadline.interval() / 1000));
    });
    connect(&m_settle, &QTimer::timeout, this, &BridgeCheck::succeed);
}

BridgeCheck::~BridgeCheck() = default;

void BridgeCheck::start(const QString& line, const std::optional<UpstreamProxy>& proxy, int timeoutMs)
{
    m_clock.start();
    const bridge::ImportResult imported = bridge::importAny(line);
    if (!imported.ok) {
        QMetaObject::invokeMethod(
            this, [this, why = imported.error] { fail(FailureCode::Invalid, why); }, Qt::QueuedConnection);
        return;
    }
    const bridge::ImportedBridge& b = imported.bridge;
    m_result.transport = b.transport;
    auto invalid = [this](const QString& why) {
        QMetaObject::invokeMethod(
            this, [this, why] { fail(FailureCode::Invalid, why); }, Qt::QueuedConnection);
    };
    const TransportFactory* factory = findTransport(b.transport);
    if (!factory)
        return invalid(QStringLiteral("this ptdispatcher has no transport named %1 (it has: %2)")
                           .arg(b.transport, transportNames().join(QStringLiteral(", "))));
    if (!factory->makeClient)
        return invalid(QStringLiteral("this ptdispatcher has no %1 client").arg(b.transport));
    // The options exactly as a client dispatcher would get them in -options.
    const auto made = factory->makeClient(b.options);
    if (!made.ok()) return invalid(made.error);
    QString err;
    const std::optional<HostPort> serverAddress = parseHostPort(b.serverAddress, false, &err);
    if (!serverAddress) return invalid(QStringLiteral("bad server address %1: %2").arg(b.serverAddress, err));

    ClientSessionParams params;
    params.args = b.options;
    // What a SOCKS client of a dispatcher would ask for (Tor: the bridge's address).
    // shadow puts it in its request header: the server, if it takes the request,
    // connects to itself, which keeps that inner connection silent and harmless.
    params.connectHost = serverAddress->host;
    params.connectPort = serverAddress->port;
    const HostPort dialTo = made.value->dialTarget(params.args).value_or(*serverAddress);
    auto session = made.value->newSession(params, SessionEnv::system());
    if (!session.ok()) return invalid(session.error);
    m_target = dialTo.toString();

    m_deadline.start(timeoutMs);
    m_dialer = new net::Dialer(this);
    m_dialer->setUpstreamProxy(proxy);
    connect(m_dialer, &net::Dialer::tcpConnected, this, &BridgeCheck::onTcpConnected);
    connect(m_dialer, &net::Dialer::failed, this,
            [this](quint8, const QString& why) { fail(m_dialer->failureCode(), why); });
    auto sessionHolder = std::make_shared<std::unique_ptr<Session>>(std::move(session.value));
    connect(m_dialer, &net::Dialer::connected, this,
            [this, sessionHolder, dialTo, proxy](net::StreamSocket* wire, const QByteArray& early) {
                m_dialer->deleteLater();
                if (m_finished) {
                    delete wire;
                    return;
                }
                m_relay = new net::Relay(wire, std::move(*sessionHolder), SessionEnv::system(), this);
                connect(m_relay, &net::Relay::handshakeComplete, this, &BridgeCheck::onHandshakeComplete);
                connect(m_relay, &net::Relay::peerVerified, this, &BridgeCheck::succeed);
                connect(m_relay, &net::Relay::sessionFailed, this,
                        [this](const QString& why) { fail(m_relay->failureCode(), why); });
                connect(m_relay, &net::Relay::finished, this, [this](const QString& why) {
                    if (m_finished) return;
                    if (m_relay->hasFailure())
                        fail(m_relay->failureCode(), m_relay->failureText());
                    else
                        fail(FailureCode::Closed,
                             why.isEmpty()
                                 ? QStringLiteral("the bridge ended the connection during the handshake")
                                 : why);
                });
                // meek: the server ended HTTP keep-alive; the same server again, as a client
                // connection does (ClientConnection::redial).
                connect(m_relay, &net::Relay::redialRequested, this, [this, dialTo, proxy] {
                    auto* again = new net::Dialer(this);
                    again->setUpstreamProxy(proxy);
                    connect(again, &net::Dialer::connected, this,
                            [this, again](net::StreamSocket* w, const QByteArray& e) {
                                again->deleteLater();
                                if (m_relay)
                                    m_relay->replaceWire(w, e);
                                else
                                    delete w;
                            });
                    connect(again, &net::Dialer::failed, this, [this, again](quint8, const QString& why) {
                        again->deleteLater();
                        fail(again->failureCode(), QStringLiteral("reconnecting: ") + why);
                    });
                    again->dial(dialTo.host, dialTo.port, qMax(1, m_deadline.remainingTime()));
                });
                m_relay->start();
                m_relay->injectWire(early);
            });
    m_dialer->dial(dialTo.host, dialTo.port, timeoutMs);
}

void BridgeCheck::onTcpConnected()
{
    if (m_tcpAt < 0) m_tcpAt = m_clock.elapsed();
}

void BridgeCheck::onHandshakeComplete()
{
    // A session that lets data flow before the server proved itself and whose server
    // may never speak first (shadow): no close or reset within the settle time is all
    // a check can see. Others wait for peerVerified().
    if (m_result.transport == QLatin1String("shadow") && !m_relay->verified() && !m_settle.isActive())
        m_settle.start(qMax(1, int(qMin<qint64>(kShadowSettleMs, m_deadline.remainingTime()))));
}

void BridgeCheck::succeed()
{
    if (m_finished) return;
    // shadow: a server that closed (EOF) while we waited has refused the request; the
    // Relay, with no application side, only noted it.
    if (m_relay && !m_relay->verified() && m_relay->hasFailure())
        return fail(m_relay->failureCode(), m_relay->failureText());
    const qint64 now = m_clock.elapsed();
    m_result.ok = true;
    m_result.tcpMs = qMax<qint64>(0, m_tcpAt);
    // shadow without a reply: the time to the request being sent, not the settle wait.
    const qint64 doneAt = m_relay && m_relay->verified() ? now : m_tcpAt;
    m_result.handshakeMs = qMax<qint64>(0, doneAt - m_tcpAt);
    done();
}

void BridgeCheck::fail(FailureCode code, const QString& detail)
{
    if (m_finished) return;
    m_result.ok = false;
    m_result.code = code;
    m_result.detail = detail;
    done();
}

void BridgeCheck::done()
{
    m_finished = true;
    m_deadline.stop();
    m_settle.stop();
    if (m_dialer) {
        m_lookupWasPending = m_dialer->lookupPending();
        m_dialer->cancel();
    }
    if (m_relay) m_relay->abort(QStringLiteral("check done"));
    const CheckResult r = m_result;
    Q_EMIT finished(r);
}

} // namespace pt
