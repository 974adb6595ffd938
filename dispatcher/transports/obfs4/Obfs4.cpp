#include "dispatcher/transports/obfs4/Obfs4.h"

#include "dispatcher/transports/obfs4/ProbDist.h"
#include "dispatcher/transports/obfs4/ReplayFilter.h"
#include "dispatcher/transports/obfs4/ServerState.h"

namespace pt::obfs4 {

namespace {

class Obfs4Client final : public ClientTransport
{
public:
    Result<std::unique_ptr<Session>> newSession(const ClientSessionParams& params,
                                                SessionEnv& env) const override
    {
        using R = Result<std::unique_ptr<Session>>;
        const auto cfg = parseClientArgs(params.args, true);
        if (!cfg.ok()) return R::failure(cfg.error);
        return R::success(newClientSession(cfg.value, env));
    }
};

class Obfs4Server final : public ServerTransport
{
public:
    explicit Obfs4Server(std::shared_ptr<const ServerConfig> config) : m_config(std::move(config)) {}
    std::unique_ptr<Session> newSession(SessionEnv& env) const override
    {
        return newServerSession(m_config, env);
    }
    QList<std::pair<QString, QString>> smethodArgs() const override
    {
        return {{QStringLiteral("cert"), certString(m_config->nodeId, m_config->identityPublic)},
                {QStringLiteral("iat-mode"), QString::number(m_config->iatMode)}};
    }

private:
    std::shared_ptr<const ServerConfig> m_config;
};

template <size_t N> bool hexTo(const QString& text, std::array<uint8_t, N>& out)
{
    const QByteArray ascii = text.trimmed().toLatin1();
    if (ascii.size() != qsizetype(2 * N)) return false;
    for (char c : ascii) {
        if (!isxdigit(static_cast<unsigned char>(c))) return false;
    }
    const QByteArray raw = QByteArray::fromHex(ascii);
    std::copy(raw.constBegin(), raw.constEnd(), out.begin());
    return true;
}

describe::Transport description()
{
    using namespace describe;
    const Option iat = withDefault(
        enumOption(QStringLiteral("iat-mode"), iatModeChoices(),
                   QStringLiteral("Inter-arrival time obfuscation: 0 off, 1 on, 2 paranoid (also splits "
                                  "packets). Client and server should agree.")),
        QStringLiteral("0"));
    const Option nodeId = withExample(option(QStringLiteral("node-id"), OptionType::Hex,
                                             QStringLiteral("The bridge's node ID, 40 hex digits.")),
                                      QStringLiteral("545ea538461003efdc8c81c244531b003f6f26cf"));
    describe::Transport d;
    d.name = QStringLiteral("obfs4");
    d.help = QStringLiteral(
        "obfs4 (Tor's obfs4proxy/lyrebird protocol): looks like random bytes; probe resistant.");
    d.client.supported = true;
    d.client.options = {
        serverAddressOption(),
        withExample(
            required(option(QStringLiteral("cert"), OptionType::Base64,
                            QStringLiteral("The bridge's cert= (70 base64 characters), or node-id and "
                                           "public-key instead."))),
            QStringLiteral("VF6lOEYQA+/cjIHCRFMbAD9vJs8scOEregZG+SJ59CfHs45zNNjlOJz/Fnodww5z+Ca2gw")),
        iat,
        nodeId,
        withExample(option(QStringLiteral("public-key"), OptionType::Hex,
                           QStringLiteral("The bridge's identity public key, 64 hex digits (with node-id).")),
                    QStringLiteral("2c70e12b7a0646f92279f427c7b38e7334d8e5389cff167a1dc30e73f826b683")),
    };
    d.server.supported = true;
    d.server.options = {
        iat,
        nodeId,
        withExample(
            secret(option(QStringLiteral("private-key"), OptionType::Hex,
                          QStringLiteral("Identity private key, 64 hex digits. node-id, private-key and "
                                         "drbg-seed go together; without them the identity lives in "
                                         "-state/obfs4_state.json."))),
            QStringLiteral("3b9aa142fefa44aab83ab1c0909f6929fd53656b895ec2fc0e47d412ea62ba54")),
        withExample(
            secret(option(QStringLiteral("drbg-seed"), OptionType::Hex,
                          QStringLiteral("Seed of the length and delay distributions, 48 hex digits."))),
            QStringLiteral("19b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22")),
    };
    return d;
}

} // namespace

Result<ClientConfig> parseClientArgs(const QJsonObject& args, bool requireCert)
{
    using R = Result<ClientConfig>;
    ClientConfig cfg;
    QString error;
    const auto cert = optionText(args, QStringLiteral("cert"));
    const auto nodeId = optionText(args, QStringLiteral("node-id"));
    const auto publicKey = optionText(args, QStringLiteral("public-key"));
    if (cert) {
        if (!parseCert(*cert, cfg.nodeId, cfg.identityPublic, error))
            return R::failure(QStringLiteral("obfs4: ") + error);
    } else if (nodeId || publicKey) {
        if (!nodeId) return R::failure(QStringLiteral("obfs4: missing argument 'node-id' (or use cert)"));
        if (!publicKey)
            return R::failure(QStringLiteral("obfs4: missing argument 'public-key' (or use cert)"));
        if (!hexTo(*nodeId, cfg.nodeId))
            return R::failure(QStringLiteral("obfs4: malformed node-id (want 40 hex digits)"));
        if (!hexTo(*publicKey, cfg.identityPublic))
            return R::failure(QStringLiteral("obfs4: malformed public-key (want 64 hex digits)"));
    } else if (requireCert) {
        return R::failure(QStringLiteral("obfs4: missing argument 'cert'"));
    }
    if (const auto iat = optionText(args, QStringLiteral("iat-mode"))) {
        const auto mode = parseIatMode(*iat);
        if (!mode)
            return R::failure(QStringLiteral("obfs4: malformed iat-mode '%1' (want 0, 1 or 2)").arg(*iat));
        cfg.iatMode = *mode;
    }
    return R::success(cfg);
}

TransportFactory factory()
{
    TransportFactory f;
    f.name = QStringLiteral("obfs4");
    f.makeClient = [](const QJsonObject& options) -> Result<std::shared_ptr<const ClientTransport>> {
        using R = Result<std::shared_ptr<const ClientTransport>>;
        // -options naming a fixed server must carry its cert; otherwise the cert may
        // come per connection (Tor-style SOCKS arguments).
        const bool fixedServer = options.contains(QStringLiteral("serverAddress"));
        const auto cfg = parseClientArgs(options, fixedServer);
        if (!cfg.ok()) return R::failure(cfg.error);
        return R::success(std::make_shared<Obfs4Client>());
    };
    f.makeServer = [](const QJsonObject& options,
                      const ServerTransportContext& ctx) -> Result<std::shared_ptr<const ServerTransport>> {
        using R = Result<std::shared_ptr<const ServerTransport>>;
        const auto id = loadServerIdentity(options, ctx.stateDir);
        if (!id.ok()) return R::failure(id.error);
        auto cfg = std::make_shared<ServerConfig>();
        cfg->nodeId = id.value.nodeId;
        cfg->identityPrivate = id.value.privateKey;
        cfg->identityPublic = id.value.publicKey;
        cfg->drbgSeed = id.value.drbgSeed;
        cfg->iatMode = id.value.iatMode;
        cfg->replayFilter = std::make_shared<ReplayFilter>();
        // obfs4proxy derives its close delay from the DRBG seed: stable per bridge.
        GoRand rng(cfg->drbgSeed);
        cfg->closeDelaySeconds = rng.intn(60);
        return R::success(std::make_shared<Obfs4Server>(std::move(cfg)));
    };
    f.description = description();
    return f;
}

} // namespace pt::obfs4
