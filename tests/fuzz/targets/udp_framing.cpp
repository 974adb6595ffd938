// UDP over a stream: the length framing and the STUN/ChannelData delimiter, input cut
// into chunks; and the STUN classifier on the whole input as one datagram.
#include "FuzzSupport.h"
#include "dispatcher/protocols/UdpFraming.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray whole = pt::fuzz::bytes(data, size);
    (void)pt::udp::classifyStunDatagram(whole);
    for (pt::udp::Framing f : {pt::udp::Framing::Length, pt::udp::Framing::Stun}) {
        pt::udp::StreamDecoder dec(f);
        pt::fuzz::Chunks chunks(data, size);
        QByteArray chunk;
        QList<QByteArray> out;
        while (chunks.next(chunk) && dec.feed(chunk, out)) {
        }
        for (const QByteArray& d : out) {
            if (d.size() > pt::udp::kMaxDatagram)
                __builtin_trap(); // nothing larger than a UDP datagram may come out
            (void)pt::udp::encodeDatagram(f, d);
        }
    }
    return 0;
}
