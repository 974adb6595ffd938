#include "dispatcher/transports/Registry.h"

#include "dispatcher/transports/meek/Meek.h"
#include "dispatcher/transports/obfs2/Obfs2.h"
#include "dispatcher/transports/obfs4/Obfs4.h"
#include "dispatcher/transports/plain/Plain.h"
#include "dispatcher/transports/shadow/Shadow.h"
#include "dispatcher/transports/webtunnel/Webtunnel.h"

#include <vector>

namespace pt {

namespace {
const std::vector<TransportFactory>& registry()
{
    static const std::vector<TransportFactory> factories = {
        plain::factory(),
        obfs4::factory(),
        obfs2::factory(),
        shadow::factory(),
        webtunnel::factory(),
        meek::factory(QStringLiteral("meek_lite")),
        meek::factory(QStringLiteral("meeklite")),
    };
    return factories;
}
} // namespace

const TransportFactory* findTransport(const QString& name)
{
    for (const auto& f : registry()) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

QStringList transportNames()
{
    QStringList names;
    for (const auto& f : registry())
        names << f.name;
    return names;
}

QList<describe::Transport> transportDescriptions()
{
    QList<describe::Transport> out;
    for (const auto& f : registry()) {
        describe::Transport d = f.description;
        d.name = f.name; // the registered name wins (meek_lite and meeklite share a factory)
        out << d;
    }
    return out;
}

} // namespace pt
