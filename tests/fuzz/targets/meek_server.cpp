// The meek server's request handling (transports/meek/MeekSession ServerSession):
// arbitrary bytes cut into chunks go to a server session as if from clients or a
// front, over one shared hub whose streams echo what they get. Between chunks time
// moves and timers fire. Whatever comes in, what goes out must be well-formed HTTP
// responses with bodies of at most 64 KiB, and a session that ended says nothing more.
#include "FuzzSupport.h"
#include "dispatcher/protocols/Http1.h"
#include "dispatcher/transports/StreamHub.h"
#include "dispatcher/transports/meek/MeekSession.h"

#include <cstdlib>
#include <memory>
#include <vector>

namespace {

struct Output
{
    // Responses to HEAD carry no body, and which request an answer belongs to is the
    // server's business: a connection whose input named HEAD is not checked.
    bool sawHead = false;
    QByteArray input;
    pt::http::Parser parser{pt::http::Parser::Mode::Response,
                            pt::http::Limits{16 * 1024, 100, 1024, 1 << 20}};

    void check(const QByteArray& wire)
    {
        if (wire.isEmpty() || sawHead) return;
        parser.feed(wire);
        while (parser.messageComplete()) {
            (void)parser.takeResponse();
            if (parser.takeBody().size() > pt::meek::kMaxPayload) std::abort();
            parser.nextMessage("POST");
        }
        if (parser.failed()) std::abort(); // the server produced something that is not HTTP
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    pt::fuzz::FixedEnv env;
    pt::StreamHub hub(120000, 8);
    std::vector<std::shared_ptr<pt::HubStream>> streams;
    hub.setAcceptor([&streams](std::shared_ptr<pt::HubStream> s) { streams.push_back(std::move(s)); });

    auto session = std::make_unique<pt::meek::ServerSession>(hub, env);
    auto out = std::make_unique<Output>();
    pt::SessionOutput first;
    session->start(first);
    out->check(first.toWire);

    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    int n = 0;
    while (chunks.next(chunk)) {
        pt::SessionOutput o;
        out->input += chunk;
        out->sawHead = out->sawHead || out->input.contains("HEAD");
        session->onWire(chunk, o);
        // The target side: echo what arrived, and now and then end a stream.
        for (const auto& s : streams) {
            const QByteArray up = s->takeUp();
            if (!up.isEmpty()) s->pushDown(up + up);
            if ((++n % 13) == 0 && !chunk.isEmpty() && (chunk.at(0) & 0x40))
                s->closeDown(QStringLiteral("target closed"));
        }
        if (o.failed()) std::abort(); // a plain server session answers, it never fails
        if (auto at = session->nextWakeupMs()) session->onTimer(o);
        out->check(o.toWire);
        if (o.endWire) {
            // That connection is over: the next chunks come on a new one.
            pt::SessionOutput after;
            session->onWire("POST / HTTP/1.1\r\nHost: x\r\nX-Session-Id: 0123456789\r\n\r\n", after);
            session->onTimer(after);
            if (!after.toWire.isEmpty()) std::abort();
            session = std::make_unique<pt::meek::ServerSession>(hub, env);
            out = std::make_unique<Output>();
        }
    }
    return 0;
}
