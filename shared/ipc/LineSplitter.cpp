#include "shared/ipc/IpcMessage.h"

namespace pt::ipc {

namespace {

LineSplitter::Line completeLine(QByteArray text, int max)
{
    if (text.endsWith('\r')) text.chop(1);
    LineSplitter::Line line;
    if (text.size() > max) {
        text.truncate(max);
        line.truncated = true;
    }
    line.text = text;
    return line;
}

} // namespace

QList<LineSplitter::Line> LineSplitter::feed(const QByteArray& bytes)
{
    const int max = m_max < 1 ? 1 : m_max;
    QList<Line> out;
    int pos = 0;
    while (pos < bytes.size()) {
        const int nl = bytes.indexOf('\n', pos);
        if (m_discarding) {
            if (nl < 0) return out; // still inside the over-long line
            m_discarding = false;
            pos = nl + 1;
            continue;
        }
        if (nl >= 0) {
            // Never hold more than max + 1 bytes, even when the whole line is in this chunk.
            const int room = max + 1 - int(m_buf.size());
            m_buf.append(bytes.constData() + pos, qMax(0, qMin(nl - pos, room)));
            out.append(completeLine(m_buf, max));
            m_buf.clear();
            pos = nl + 1;
            continue;
        }
        m_buf.append(bytes.constData() + pos, bytes.size() - pos);
        pos = bytes.size();
        // One byte of slack for a '\r' whose '\n' has not arrived yet; beyond that the
        // line is over-long whatever follows, so report its head now and stop buffering.
        if (m_buf.size() > max + 1 || (m_buf.size() == max + 1 && !m_buf.endsWith('\r'))) {
            Line head;
            head.text = m_buf.left(max);
            head.truncated = true;
            out.append(head);
            m_buf.clear();
            m_discarding = true;
        }
    }
    return out;
}

std::optional<LineSplitter::Line> LineSplitter::finish()
{
    if (m_discarding) {
        m_discarding = false;
        return std::nullopt; // its head was already reported
    }
    if (m_buf.isEmpty()) return std::nullopt;
    Line line = completeLine(m_buf, m_max < 1 ? 1 : m_max);
    m_buf.clear();
    return line;
}

} // namespace pt::ipc
