// -describe-transports JSON as the GUI reads it (shared/describe): any bytes give a
// description or a reason, never a crash; what parses survives a round trip.
#include "FuzzSupport.h"
#include "shared/describe/TransportDescription.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text = pt::fuzz::bytes(data, size);
    QString error;
    const auto parsed = pt::describe::fromJson(text, &error);
    if (!parsed) {
        if (error.isEmpty()) std::abort(); // a refusal always says why
        return 0;
    }
    const auto again =
        pt::describe::fromJson(pt::describe::toJsonText(*parsed, QStringLiteral("fuzz")), &error);
    if (!again || again->size() != parsed->size()) std::abort();
    for (qsizetype i = 0; i < parsed->size(); ++i) {
        const auto& a = parsed->at(i);
        const auto& b = again->at(i);
        if (a.name != b.name || a.client.options.size() != b.client.options.size() ||
            a.server.options.size() != b.server.options.size() || a.client.supported != b.client.supported)
            std::abort();
    }
    return 0;
}
