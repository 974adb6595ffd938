// -options JSON: through the (lenient) configuration parser, then every transport's
// client factory with the object it produced.
#include "FuzzSupport.h"
#include "dispatcher/core/Config.h"
#include "dispatcher/transports/Registry.h"

#include <QJsonDocument>
#include <QProcessEnvironment>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString json = QString::fromUtf8(pt::fuzz::bytes(data, size));
    (void)pt::parseConfig({QStringLiteral("-transports"), QStringLiteral("obfs4,shadow,obfs2,plain"),
                           QStringLiteral("-options"), json},
                          QProcessEnvironment(), QStringLiteral("/nonexistent-fuzz-dir"));
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (doc.isObject())
        for (const char* name : {"obfs4", "shadow", "obfs2", "plain"})
            if (const pt::TransportFactory* f = pt::findTransport(QString::fromLatin1(name)))
                (void)f->makeClient(doc.object().value(QLatin1String(name)).toObject());
    return 0;
}
