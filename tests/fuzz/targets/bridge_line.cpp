// Bridge lines and ss:// links (shared/bridge): importAny() on arbitrary text; when
// it parses, formatBridgeLine() must write a line that importAny() reads back as the
// same transport, address, fingerprint and options (or refuse with an error).
#include "FuzzSupport.h"
#include "shared/bridge/BridgeLine.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(pt::fuzz::bytes(data, size));
    const pt::bridge::ImportResult first = pt::bridge::importAny(text);
    if (!first.ok) {
        if (first.error.isEmpty()) std::abort(); // a failure must say why
        return 0;
    }
    QString error;
    const QString line = pt::bridge::formatBridgeLine(first.bridge, &error);
    if (line.isEmpty()) {
        if (error.isEmpty()) std::abort();
        return 0;
    }
    const pt::bridge::ImportResult again = pt::bridge::importAny(line);
    if (!again.ok || again.bridge.transport != first.bridge.transport ||
        again.bridge.serverAddress != first.bridge.serverAddress ||
        again.bridge.fingerprint != first.bridge.fingerprint ||
        again.bridge.options != first.bridge.options ||
        (first.bridge.transport == QLatin1String("shadow") && again.bridge.name != first.bridge.name)) {
        std::fprintf(stderr, "round trip changed the bridge:\n  in:  %s\n  out: %s\n", qPrintable(text),
                     qPrintable(line));
        std::abort();
    }
    return 0;
}
