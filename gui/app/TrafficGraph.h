#pragma once

// A live up/down rate graph over the last two minutes, painted from a TrafficModel.

#include "core/TrafficModel.h"

#include <QWidget>

namespace pt::gui {

class TrafficGraph : public QWidget
{
    Q_OBJECT
public:
    explicit TrafficGraph(const TrafficModel& model, QWidget* parent = nullptr);
    QSize sizeHint() const override { return {400, 110}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const TrafficModel& m_model;
};

} // namespace pt::gui
