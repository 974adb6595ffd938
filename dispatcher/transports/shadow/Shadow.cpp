#include "dispatcher/transports/shadow/Shadow.h"

#include "dispatcher/transports/shadow/SaltFilter.h"
#include "dispatcher/transports/shadow/ShadowOptions.h"
#include "dispatcher/transports/shadow/ShadowSession.h"

namespace pt::shadow {

namespace {

class ShadowClient final : public ClientTransport
{
public:
    ShadowClient(ShadowClientOptions options, QJsonObject startupArgs)
        : m_options(std::move(options)), m_startupArgs(std::move(startupArgs)),
          m_filter(std::make_shared<SaltFilter>(kClientSaltCapacity))
    {
    }

    Result<std::unique_ptr<Session>> newSession(const ClientSessionParams& params,
                                                SessionEnv& env) const override
    {
        using R = Result<std::unique_ptr<Session>>;
        // Per-connection arguments may override any option; reparse only then, so
        // the common case reuses the master key computed at start-up.
        const ShadowClientOptions* opts = &m_options;
        std::optional<ShadowClientOptions> perConnection;
        if (differsFromStartup(params.args)) {
            Result<ShadowClientOptions> parsed = parseClientOptions(params.args);
            if (!parsed.ok()) return R::failure(parsed.error);
            perConnection = std::move(parsed.value);
            opts = &*perConnection;
        }

        // The Shadowsocks header names where the *server* should connect:
        // option "target" if given, else the SOCKS CONNECT destination (the
        // application's destination when the I/O layer dials "serverAddress";
        // otherwise the server itself, which our server ignores), else, in
        // transparent mode without "target", a placeholder 0.0.0.0:0.
        TargetAddress target{QStringLiteral("0.0.0.0"), 0};
        if (opts->target)
            target = *opts->target;
        else if (!params.connectHost.isEmpty())
            target = TargetAddress{params.connectHost, params.connectPort};

        std::unique_ptr<ShadowClientSession> s =
            ShadowClientSession::create(opts->key, target, env, m_filter);
        if (!s) return R::failure(QStringLiteral("cannot encode target %1").arg(target.toString()));
        return R::success(std::move(s));
    }

private:
    bool differsFromStartup(const QJsonObject& args) const
    {
        for (const char* key : {"password", "cipherName", "cipher", "method", "target"}) {
            const QString k = QLatin1String(key);
            if (args.value(k) != m_startupArgs.value(k)) return true;
        }
        return false;
    }

    ShadowClientOptions m_options;
    QJsonObject m_startupArgs; // the -options object m_options was parsed from
    // Salts seen on this client (ours and the servers'); a client opens far fewer
    // connections than a server accepts, so a smaller filter does (256 KiB).
    static constexpr size_t kClientSaltCapacity = size_t(1) << 13;
    std::shared_ptr<SaltFilter> m_filter;
};

class ShadowServer final : public ServerTransport
{
public:
    explicit ShadowServer(ShadowServerOptions options)
        : m_options(std::move(options)), m_filter(std::make_shared<SaltFilter>())
    {
    }

    std::unique_ptr<Session> newSession(SessionEnv& env) const override
    {
        return std::make_unique<ShadowServerSession>(m_options.key, m_filter, env);
    }

    QList<std::pair<QString, QString>> smethodArgs() const override
    {
        // Only the cipher: the password is a secret and never goes to stdout.
        return {{QStringLiteral("cipherName"), m_options.key.cipher.name.toUpper()}};
    }

private:
    ShadowServerOptions m_options;
    std::shared_ptr<SaltFilter> m_filter; // shared by all sessions and worker threads
};

} // namespace

TransportFactory factory()
{
    TransportFactory f;
    f.name = QStringLiteral("shadow");
    f.makeClient = [](const QJsonObject& options) {
        using R = Result<std::shared_ptr<const ClientTransport>>;
        Result<ShadowClientOptions> parsed = parseClientOptions(options);
        if (!parsed.ok()) return R::failure(parsed.error);
        return R::success(std::make_shared<ShadowClient>(std::move(parsed.value), options));
    };
    f.makeServer = [](const QJsonObject& options, const ServerTransportContext&) {
        using R = Result<std::shared_ptr<const ServerTransport>>;
        Result<ShadowServerOptions> parsed = parseServerOptions(options);
        if (!parsed.ok()) return R::failure(parsed.error);
        return R::success(std::make_shared<ShadowServer>(std::move(parsed.value)));
    };
    // The cipher choices are the cipher table parseKeyOptions() looks names up in.
    using namespace describe;
    const Option password = withExample(
        required(secret(option(QStringLiteral("password"), OptionType::String,
                               QStringLiteral("The shared password (the key is derived from it).")))),
        QStringLiteral("correct horse"));
    const Option cipher =
        required(enumOption(QStringLiteral("cipherName"), cipherNames(),
                            QStringLiteral("The AEAD cipher; client and server must agree "
                                           "(\"cipher\" and \"method\" are accepted too).")));
    f.description.name = f.name;
    f.description.help = QStringLiteral("Shadowsocks AEAD (SIP004), compatible with shadowsocks-libev.");
    f.description.client = {true,
                            {serverAddressOption(), password, cipher,
                             option(QStringLiteral("target"), OptionType::HostPort,
                                    QStringLiteral("Send every connection to this host:port instead of the "
                                                   "application's destination."))}};
    f.description.server = {true, {password, cipher}};
    return f;
}

} // namespace pt::shadow
