#include "dispatcher/transports/meek/Meek.h"

#include "dispatcher/protocols/Tls.h"
#include "dispatcher/transports/meek/MeekOptions.h"
#include "dispatcher/transports/meek/MeekSession.h"

namespace pt::meek {

namespace {

class MeekClient final : public ClientTransport
{
public:
    MeekClient(std::shared_ptr<const tls::Context> tls, bool haveUrl)
        : m_tls(std::move(tls)), m_haveUrl(haveUrl)
    {
    }

    Result<std::unique_ptr<Session>> newSession(const ClientSessionParams& params,
                                                SessionEnv& env) const override
    {
        using R = Result<std::unique_ptr<Session>>;
        Result<ClientOptions> parsed = parseClientOptions(params.args);
        if (!parsed.ok()) return R::failure(parsed.error);
        const ClientOptions o = parsed.value;
        std::shared_ptr<const tls::Context> ctx = m_tls;
        auto makeChannel = [ctx, o]() {
            if (!o.url.tls) return WebChannel();
            return WebChannel(tls::Engine::client(ctx, o.tlsName, o.tlsName, QByteArray()));
        };
        return R::success(std::make_unique<ClientSession>(
            std::move(makeChannel), ClientSession::Request{o.url.hostHeader, o.url.path}, env));
    }

    std::optional<HostPort> dialTarget(const QJsonObject& args) const override
    {
        Result<ClientOptions> parsed = parseClientOptions(args);
        if (!parsed.ok()) return std::nullopt;
        return parsed.value.dialTo;
    }

    bool namesOwnServer() const override { return m_haveUrl; }

private:
    std::shared_ptr<const tls::Context> m_tls;
    bool m_haveUrl;
};

class MeekServer final : public ServerTransport
{
public:
    MeekServer(ServerOptions options, std::shared_ptr<const tls::Context> tls)
        : m_options(std::move(options)), m_tls(std::move(tls)), m_hub(m_options.idleTimeoutMs)
    {
    }

    std::unique_ptr<Session> newSession(SessionEnv& env) const override
    {
        return std::make_unique<ServerSession>(m_hub, env, m_tls);
    }

    QList<std::pair<QString, QString>> smethodArgs() const override
    {
        QList<std::pair<QString, QString>> args;
        if (!m_options.url.isEmpty()) args.append({QStringLiteral("url"), m_options.url});
        if (!m_options.front.isEmpty()) args.append({QStringLiteral("front"), m_options.front});
        return args;
    }

    StreamHub* hub() const override { return &m_hub; }

private:
    ServerOptions m_options;
    std::shared_ptr<const tls::Context> m_tls; // null: plain HTTP behind a front
    mutable StreamHub m_hub;                   // the sessions' shared state (locked inside)
};

} // namespace

TransportFactory factory(const QString& name)
{
    TransportFactory f;
    f.name = name;
    f.makeClient = [](const QJsonObject& options) {
        return makeWebClient<MeekClient>(QStringLiteral("meek"), options, parseClientOptions);
    };
    f.makeServer = [](const QJsonObject& options, const ServerTransportContext&) {
        using R = Result<std::shared_ptr<const ServerTransport>>;
        Result<ServerOptions> parsed = parseServerOptions(options);
        if (!parsed.ok()) return R::failure(parsed.error);
        std::shared_ptr<const tls::Context> tls;
        if (!parsed.value.certFile.isEmpty()) {
            QString err;
            tls = tls::Context::server(parsed.value.certFile, parsed.value.keyFile, &err);
            if (!tls) return R::failure(QStringLiteral("meek: TLS: ") + err);
        }
        return R::success(std::make_shared<MeekServer>(std::move(parsed.value), std::move(tls)));
    };
    // What MeekOptions parses (utls is accepted and ignored, so it is not offered).
    using namespace describe;
    const Option front = withExample(
        option(
            QStringLiteral("front"), OptionType::Host,
            QStringLiteral("Domain fronting: TCP and TLS SNI go to this host (or host:port) while the Host "
                           "header names the URL's host.")),
        QStringLiteral("cdn.example.net"));
    f.description.name = name;
    f.description.help =
        QStringLiteral("meek: a byte stream carried by HTTP requests, optionally domain-fronted. "
                       "The bridge line's address is not dialled.");
    f.description.client = {
        true,
        {withExample(required(option(QStringLiteral("url"), OptionType::Url,
                                     QStringLiteral("The meek server's URL (https:// or http://)."))),
                     QStringLiteral("https://meek.example.com/")),
         front}};
    // cert and key name files, so they carry no example (one must exist to be valid).
    f.description.server = {
        true,
        {withExample(option(QStringLiteral("url"), OptionType::Url,
                            QStringLiteral("The public URL, for the SMETHOD line's ARGS.")),
                     QStringLiteral("https://meek.example.com/")),
         front,
         option(
             QStringLiteral("cert"), OptionType::String,
             QStringLiteral("PEM certificate chain file (leaf first): the server speaks TLS itself. Without "
                            "cert and key it speaks plain HTTP behind a TLS front (nginx, a CDN).")),
         option(QStringLiteral("key"), OptionType::String, QStringLiteral("PEM private key file for cert.")),
         withDefault(option(QStringLiteral("idle-timeout"), OptionType::Int,
                            QStringLiteral("Seconds a session may go without a request before it is closed "
                                           "(meant for tests).")),
                     QStringLiteral("120"))}};
    return f;
}

} // namespace pt::meek
