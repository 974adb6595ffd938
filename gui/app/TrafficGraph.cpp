#include "TrafficGraph.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace pt::gui {

namespace {
const QColor kUp(0x1f, 0x77, 0xb4);
const QColor kDown(0x2c, 0xa0, 0x2c);
} // namespace

TrafficGraph::TrafficGraph(const TrafficModel& model, QWidget* parent) : QWidget(parent), m_model(model)
{
    setMinimumHeight(80);
    setAccessibleName(tr("Traffic graph"));
}

void TrafficGraph::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(4, 16, -4, -4);
    p.fillRect(rect(), palette().base());
    p.setPen(QPen(palette().mid().color(), 1, Qt::DotLine));
    for (int i = 1; i < 4; ++i)
        p.drawLine(QPointF(area.left(), area.top() + area.height() * i / 4),
                   QPointF(area.right(), area.top() + area.height() * i / 4));

    const auto& history = m_model.history();
    const double peak = std::max(m_model.peak(), 1024.0); // at least 1 KiB/s of scale
    p.setPen(palette().text().color());
    const QString scale = tr("%1/s").arg(QLocale().formattedDataSize(qint64(peak)));
    const QRectF top = QRectF(rect()).adjusted(6, 0, -6, 0);
    p.drawText(top, Qt::AlignTop | Qt::AlignLeading, scale);
    // Legend at the trailing edge: "up" then "down" in reading order.
    const QString up = tr("up"), down = tr("down");
    const int wUp = p.fontMetrics().horizontalAdvance(up), wDown = p.fontMetrics().horizontalAdvance(down);
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    const int y = p.fontMetrics().ascent() + 1;
    const int xDown = rtl ? 6 : width() - 6 - wDown;
    const int xUp = rtl ? xDown + wDown + 12 : xDown - 12 - wUp;
    p.setPen(kDown);
    p.drawText(QPoint(xDown, y), down);
    p.setPen(kUp);
    p.drawText(QPoint(xUp, y), up);
    if (history.size() < 2) return;
    const double step = area.width() / double(std::max<size_t>(history.size() - 1, 1));
    const auto line = [&](bool up) {
        QPainterPath path;
        for (size_t i = 0; i < history.size(); ++i) {
            const double v = up ? history[i].upPerSec : history[i].downPerSec;
            const QPointF pt(area.left() + step * double(i), area.bottom() - area.height() * v / peak);
            if (i == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
        }
        return path;
    };
    p.setPen(QPen(kDown, 2));
    p.drawPath(line(false));
    p.setPen(QPen(kUp, 2));
    p.drawPath(line(true));
}

} // namespace pt::gui
