#pragma once

// "plain": no obfuscation at all; bytes pass unchanged. A testing and benchmarking
// aid (it shows the cost of the dispatcher itself), never something to deploy
// against a censor.

#include "dispatcher/transports/Transport.h"

namespace pt::plain {
TransportFactory factory();
} // namespace pt::plain
