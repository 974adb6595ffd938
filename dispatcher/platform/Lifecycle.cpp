// The system-independent part of Lifecycle.
#include "dispatcher/platform/Lifecycle.h"

namespace pt {

void Lifecycle::request(const QString& why)
{
    if (m_requested) return;
    m_requested = true;
    Q_EMIT shutdownRequested(why);
}

} // namespace pt
