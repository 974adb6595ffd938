// Command-line and environment configuration: NUL-separated arguments; an argument
// "ENV:K=V" goes to the environment instead (TOR_PT_* included).
#include "FuzzSupport.h"
#include "dispatcher/core/Config.h"

#include <QProcessEnvironment>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QStringList args;
    QProcessEnvironment env;
    for (const QByteArray& a : pt::fuzz::bytes(data, size).split('\0')) {
        const QString s = QString::fromUtf8(a);
        if (s.startsWith(QLatin1String("ENV:")) && s.contains(QLatin1Char('=')))
            env.insert(s.mid(4).section(QLatin1Char('='), 0, 0), s.section(QLatin1Char('='), 1));
        else
            args << s;
    }
    (void)pt::parseConfig(args, env, QStringLiteral("/nonexistent-fuzz-dir"));
    return 0;
}
