// The Extended ORPort client handshake, fed whatever the "ORPort" answers.
#include "dispatcher/protocols/ExtOrPort.h"
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    pt::extorport::ClientHandshake hs(QByteArray(32, 'c'), QByteArray(32, 'n'),
                                      QStringLiteral("192.0.2.7:5555"), QStringLiteral("obfs4"));
    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    while (chunks.next(chunk))
        (void)hs.onBytes(chunk);
    (void)hs.takeLeftover();
    return 0;
}
