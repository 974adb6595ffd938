#include "dispatcher/base/Failure.h"

namespace pt {

QString failureCodeName(FailureCode c)
{
    switch (c) {
    case FailureCode::Refused:
        return QStringLiteral("refused");
    case FailureCode::Timeout:
        return QStringLiteral("timeout");
    case FailureCode::Unreachable:
        return QStringLiteral("unreachable");
    case FailureCode::Dns:
        return QStringLiteral("dns");
    case FailureCode::Closed:
        return QStringLiteral("closed");
    case FailureCode::Tls:
        return QStringLiteral("tls");
    case FailureCode::Http:
        return QStringLiteral("http");
    case FailureCode::Proxy:
        return QStringLiteral("proxy");
    case FailureCode::Invalid:
        return QStringLiteral("invalid");
    case FailureCode::Error:
        break;
    }
    return QStringLiteral("error");
}

} // namespace pt
