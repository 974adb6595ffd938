#pragma once

// `ptdispatcher -check '<bridge line or ss:// link>'`: dial one bridge the way a client
// connection does (the same transport session, net::Dialer and -proxy code, the same
// net::Relay running the handshake), wait until the server has proved itself
// (Session::peerVerified()), close, and report one line:
//   CHECK OK transport=<t> tcp_ms=<n> handshake_ms=<n>      exit 0
//   CHECK-ERROR <code> <English detail>                      exit 1 (64 for invalid)
// <code> is a FailureCode name (README "Checking a bridge").
//
// shadow: a Shadowsocks server sends nothing until the target it was asked for
// answers, and stock servers stay silent on a wrong password too; a check can only
// see that the server accepts the request and does not close it within kShadowSettleMs
// (or, if it does reply, that the reply authenticates).

#include "dispatcher/base/Failure.h"
#include "dispatcher/core/Config.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace pt {

namespace net {
class Dialer;
class Relay;
} // namespace net

struct CheckResult
{
    bool ok = false;
    FailureCode code = FailureCode::Error;
    QString detail;    // English, one line
    QString transport; // the bridge line's transport
    qint64 tcpMs = -1;
    qint64 handshakeMs = -1;
};

// The stdout line (without newline) and the exit code for a result.
QString formatCheckResult(const CheckResult& r);
int checkExitCode(const CheckResult& r);

class BridgeCheck : public QObject
{
    Q_OBJECT
public:
    static constexpr int kShadowSettleMs = 2000;

    explicit BridgeCheck(QObject* parent = nullptr);
    ~BridgeCheck() override;

    // Starts the check; finished() follows exactly once, within timeoutMs (plus the
    // event loop's latency), also for an invalid line (then from the event loop).
    void start(const QString& line, const std::optional<UpstreamProxy>& proxy, int timeoutMs);
    // After finished(): a host name lookup was still running (a slow resolver), which
    // would hold up a normal exit past the time limit.
    bool lookupWasPending() const { return m_lookupWasPending; }

Q_SIGNALS:
    void finished(const pt::CheckResult& result);

private:
    void onTcpConnected();
    void onHandshakeComplete();
    void succeed();
    void fail(FailureCode code, const QString& detail);
    void done();

    CheckResult m_result;
    QElapsedTimer m_clock;
    qint64 m_tcpAt = -1;
    QTimer m_deadline;
    QTimer m_settle;
    QString m_target; // host:port dialled (the bridge, front or url host)
    QPointer<net::Dialer> m_dialer;
    QPointer<net::Relay> m_relay;
    bool m_finished = false;
    bool m_lookupWasPending = false;
};

} // namespace pt
