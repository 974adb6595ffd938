// The IPC line parser (shared/): any line, then format what it parsed and parse again.
#include "FuzzSupport.h"
#include "shared/ipc/IpcMessage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const pt::ipc::Message m = pt::ipc::parse(pt::fuzz::bytes(data, size));
    if (m.kind != pt::ipc::Kind::Unknown) {
        const QByteArray again = pt::ipc::format(m);
        const pt::ipc::Message m2 = pt::ipc::parse(again);
        if (m2.kind != m.kind) __builtin_trap(); // what we print, we must read back as the same kind
    }
    return 0;
}
