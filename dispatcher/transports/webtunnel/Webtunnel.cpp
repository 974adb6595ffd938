#include "dispatcher/transports/webtunnel/Webtunnel.h"

#include "dispatcher/protocols/Tls.h"
#include "dispatcher/transports/webtunnel/WebtunnelOptions.h"
#include "dispatcher/transports/webtunnel/WebtunnelSession.h"

namespace pt::webtunnel {

namespace {

class WebtunnelClient final : public ClientTransport
{
public:
    WebtunnelClient(std::shared_ptr<const tls::Context> tls, bool haveUrl)
        : m_tls(std::move(tls)), m_haveUrl(haveUrl)
    {
    }

    Result<std::unique_ptr<Session>> newSession(const ClientSessionParams& params,
                                                SessionEnv& env) const override
    {
        (void)env;
        using R = Result<std::unique_ptr<Session>>;
        Result<ClientOptions> parsed = parseClientOptions(params.args);
        if (!parsed.ok()) return R::failure(parsed.error);
        const ClientOptions& o = parsed.value;
        WebChannel channel;
        if (o.url.tls) {
            const QString name = o.serverName.isEmpty() ? o.url.host : o.serverName;
            channel = WebChannel(tls::Engine::client(m_tls, name, name, o.pinSha256));
        }
        return R::success(std::make_unique<ClientSession>(std::move(channel),
                                                          upgradeRequest(o.url.hostHeader, o.url.path)));
    }

    std::optional<HostPort> dialTarget(const QJsonObject& args) const override
    {
        Result<ClientOptions> parsed = parseClientOptions(args);
        if (!parsed.ok()) return std::nullopt;
        if (parsed.value.addr) return parsed.value.addr;
        return HostPort{parsed.value.url.host, parsed.value.url.port};
    }

    bool namesOwnServer() const override { return m_haveUrl; }

private:
    std::shared_ptr<const tls::Context> m_tls;
    bool m_haveUrl;
};

class WebtunnelServer final : public ServerTransport
{
public:
    explicit WebtunnelServer(ServerOptions options) : m_options(std::move(options))
    {
        const int q = m_options.url.path.indexOf(QLatin1Char('?'));
        m_path = q < 0 ? m_options.url.path : m_options.url.path.left(q);
    }

    std::unique_ptr<Session> newSession(SessionEnv& env) const override
    {
        (void)env;
        return std::make_unique<ServerSession>(m_path);
    }

    QList<std::pair<QString, QString>> smethodArgs() const override
    {
        return {{QStringLiteral("url"), m_options.url.text}, {QStringLiteral("ver"), m_options.ver}};
    }

private:
    ServerOptions m_options;
    QString m_path;
};

} // namespace

TransportFactory factory()
{
    TransportFactory f;
    f.name = QStringLiteral("webtunnel");
    // Tor gives the url per connection (the bridge line's arguments); -options may
    // give it once for every connection.
    f.makeClient = [](const QJsonObject& options) {
        return makeWebClient<WebtunnelClient>(QStringLiteral("webtunnel"), options, parseClientOptions);
    };
    f.makeServer = [](const QJsonObject& options, const ServerTransportContext&) {
        using R = Result<std::shared_ptr<const ServerTransport>>;
        Result<ServerOptions> parsed = parseServerOptions(options);
        if (!parsed.ok()) return R::failure(parsed.error);
        return R::success(std::make_shared<WebtunnelServer>(std::move(parsed.value)));
    };
    // What WebtunnelOptions parses (utls and sni-imitation are accepted and ignored, so
    // they are not offered).
    using namespace describe;
    f.description.name = f.name;
    f.description.help =
        QStringLiteral("webtunnel: an HTTP Upgrade to a secret path on an ordinary web server "
                       "(TLS for https URLs). The bridge line's address is not dialled.");
    f.description.client = {
        true,
        {withExample(required(option(QStringLiteral("url"), OptionType::Url,
                                     QStringLiteral("The bridge's URL (https:// or http://); its host is "
                                                    "dialled unless addr is set."))),
                     QStringLiteral("https://example.com/secret-path")),
         withExample(option(QStringLiteral("ver"), OptionType::String,
                            QStringLiteral("The webtunnel version of the bridge line (informational).")),
                     QString::fromLatin1(kVersion)),
         withExample(option(QStringLiteral("servername"), OptionType::Host,
                            QStringLiteral("TLS server name (SNI) and the name the certificate must carry, "
                                           "instead of the URL's host.")),
                     QStringLiteral("example.com")),
         withExample(option(QStringLiteral("addr"), OptionType::HostPort,
                            QStringLiteral("Dial this host:port instead of the URL's host.")),
                     QStringLiteral("192.0.2.7:443")),
         withExample(option(QStringLiteral("cert"), OptionType::Base64,
                            QStringLiteral("Pin: base64 SHA-256 of the server certificate; replaces chain "
                                           "verification.")),
                     QStringLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="))}};
    f.description.server = {
        true,
        {withExample(required(option(QStringLiteral("url"), OptionType::Url,
                                     QStringLiteral("The public URL clients use; only its path is answered "
                                                    "with a tunnel."))),
                     QStringLiteral("https://example.com/secret-path")),
         withDefault(option(QStringLiteral("ver"), OptionType::String,
                            QStringLiteral("The version advertised on the SMETHOD line.")),
                     QString::fromLatin1(kVersion))}};
    return f;
}

} // namespace pt::webtunnel
