#include "dispatcher/transports/plain/Plain.h"

namespace pt::plain {

namespace {

class PlainSession final : public Session
{
public:
    void start(SessionOutput&) override {}
    void onWire(const QByteArray& in, SessionOutput& out) override { out.toApp += in; }
    void onApp(const QByteArray& in, SessionOutput& out) override { out.toWire += in; }
    bool handshakeDone() const override { return true; }
};

class PlainClient final : public ClientTransport
{
public:
    Result<std::unique_ptr<Session>> newSession(const ClientSessionParams&, SessionEnv&) const override
    {
        return Result<std::unique_ptr<Session>>::success(std::make_unique<PlainSession>());
    }
};

class PlainServer final : public ServerTransport
{
public:
    std::unique_ptr<Session> newSession(SessionEnv&) const override
    {
        return std::make_unique<PlainSession>();
    }
};

} // namespace

TransportFactory factory()
{
    TransportFactory f;
    f.name = QStringLiteral("plain");
    f.makeClient = [](const QJsonObject&) {
        return Result<std::shared_ptr<const ClientTransport>>::success(std::make_shared<PlainClient>());
    };
    f.makeServer = [](const QJsonObject&, const ServerTransportContext&) {
        return Result<std::shared_ptr<const ServerTransport>>::success(std::make_shared<PlainServer>());
    };
    f.description.name = f.name;
    f.description.help =
        QStringLiteral("No obfuscation: bytes pass unchanged. For tests and benchmarks only.");
    f.description.client = {true, {serverAddressOption()}};
    f.description.server = {true, {}};
    return f;
}

} // namespace pt::plain
