#include "dispatcher/base/ProxyMode.h"

#include "shared/ipc/IpcMessage.h"

namespace pt {

// ProxyMode is declared in the order of ipc::proxyModeNames(), the one list of the
// spec's spellings.
QString proxyModeName(ProxyMode m)
{
    return ipc::proxyModeNames().value(static_cast<int>(m));
}

} // namespace pt
