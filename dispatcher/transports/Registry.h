#pragma once

#include "dispatcher/transports/Transport.h"

#include <QStringList>

namespace pt {

// The transport registry: names to factories. Adding a transport means adding its
// folder and one line in Registry.cpp.
const TransportFactory* findTransport(const QString& name);
QStringList transportNames();
// Every transport's description, in registry order (-describe-transports).
QList<describe::Transport> transportDescriptions();

} // namespace pt
