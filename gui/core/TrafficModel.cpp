#include "core/TrafficModel.h"

#include <algorithm>

namespace pt::gui {

void TrafficModel::addStatus(const QList<std::pair<QString, QString>>& values, qint64 nowMs)
{
    QString transport;
    Counters next;
    next.atMs = nowMs;
    bool haveBytes = false;
    for (const auto& [k, v] : values) {
        bool ok = false;
        if (k == QLatin1String("TRANSPORT")) {
            transport = v;
        } else if (k == QLatin1String("BYTES-UP")) {
            next.up = v.toLongLong(&ok);
            haveBytes = haveBytes || ok;
        } else if (k == QLatin1String("BYTES-DOWN")) {
            next.down = v.toLongLong(&ok);
            haveBytes = haveBytes || ok;
        } else if (k == QLatin1String("CONNECTIONS")) {
            next.connections = v.toInt();
        }
    }
    if (!haveBytes || next.up < 0 || next.down < 0)
        return; // not a traffic line (or garbage): nothing to draw
    Sample s;
    const auto it = m_byTransport.constFind(transport);
    const bool known = it != m_byTransport.constEnd();
    if (known && nowMs > it->atMs && next.up >= it->up && next.down >= it->down) {
        const double secs = double(nowMs - it->atMs) / 1000.0;
        s.upPerSec = double(next.up - it->up) / secs;
        s.downPerSec = double(next.down - it->down) / secs;
    }
    m_byTransport.insert(transport, next); // invalidates `it`
    // Several transports report separately within the same second: add them up.
    if (!m_history.empty() && known && m_byTransport.size() > 1 && m_lastSampleMs >= 0 &&
        nowMs - m_lastSampleMs < 500) {
        m_history.back().upPerSec += s.upPerSec;
        m_history.back().downPerSec += s.downPerSec;
        return;
    }
    m_lastSampleMs = nowMs;
    m_history.push_back(s);
    while (int(m_history.size()) > m_historySize)
        m_history.pop_front();
}

void TrafficModel::clear()
{
    m_byTransport.clear();
    m_history.clear();
    m_lastSampleMs = -1;
}

template <typename F> qint64 TrafficModel::sum(F field) const
{
    qint64 t = 0;
    for (const Counters& c : m_byTransport)
        t += field(c);
    return t;
}

qint64 TrafficModel::totalUp() const
{
    return sum([](const Counters& c) { return c.up; });
}
qint64 TrafficModel::totalDown() const
{
    return sum([](const Counters& c) { return c.down; });
}
int TrafficModel::connections() const
{
    return int(sum([](const Counters& c) { return qint64(c.connections); }));
}

double TrafficModel::peak() const
{
    double p = 0;
    for (const Sample& s : m_history)
        p = std::max({p, s.upPerSec, s.downPerSec});
    return p;
}

} // namespace pt::gui
