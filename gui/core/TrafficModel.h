#pragma once

// Turns the dispatcher's cumulative STATUS counters (per transport: CONNECTIONS,
// BYTES-UP, BYTES-DOWN, about once a second) into rates for the traffic graph. Pure
// logic with the time passed in, so tests drive it with a fake clock.

#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <utility>

namespace pt::gui {

class TrafficModel
{
public:
    struct Sample
    {
        double upPerSec = 0;   // bytes per second
        double downPerSec = 0; // bytes per second
    };

    explicit TrafficModel(int historySize = 120) : m_historySize(historySize) {}

    // One STATUS line's key/value pairs, received at nowMs. A counter that goes down
    // (a restarted dispatcher) starts a new baseline instead of a negative rate.
    void addStatus(const QList<std::pair<QString, QString>>& values, qint64 nowMs);
    void clear();

    const std::deque<Sample>& history() const { return m_history; }
    Sample current() const { return m_history.empty() ? Sample{} : m_history.back(); }
    qint64 totalUp() const;
    qint64 totalDown() const;
    int connections() const;
    double peak() const; // the largest rate in the history (either direction)

private:
    struct Counters
    {
        qint64 up = 0, down = 0;
        int connections = 0;
        qint64 atMs = 0;
    };
    template <typename F> qint64 sum(F field) const; // over transports
    int m_historySize;
    QHash<QString, Counters> m_byTransport;
    std::deque<Sample> m_history;
    qint64 m_lastSampleMs = -1;
};

} // namespace pt::gui
