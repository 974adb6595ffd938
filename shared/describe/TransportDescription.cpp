#include "shared/describe/TransportDescription.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <utility>

namespace pt::describe {

namespace {

const std::pair<OptionType, const char*> kTypeNames[] = {
    {OptionType::String, "string"},      {OptionType::Int, "int"}, {OptionType::Bool, "bool"},
    {OptionType::Enum, "enum"},          {OptionType::Url, "url"}, {OptionType::Host, "host"},
    {OptionType::HostPort, "host-port"}, {OptionType::Hex, "hex"}, {OptionType::Base64, "base64"},
};

QJsonObject optionJson(const Option& o)
{
    QJsonObject j{{QStringLiteral("name"), o.name},
                  {QStringLiteral("type"), typeName(o.type)},
                  {QStringLiteral("required"), o.required},
                  {QStringLiteral("secret"), o.secret},
                  {QStringLiteral("help"), o.help}};
    if (o.type == OptionType::Enum)
        j.insert(QStringLiteral("choices"), QJsonArray::fromStringList(o.choices));
    if (!o.defaultValue.isEmpty()) j.insert(QStringLiteral("default"), o.defaultValue);
    if (!o.example.isEmpty()) j.insert(QStringLiteral("example"), o.example);
    return j;
}

QJsonObject roleJson(const Role& r)
{
    QJsonArray options;
    for (const Option& o : r.options)
        options.append(optionJson(o));
    return QJsonObject{{QStringLiteral("options"), options}};
}

// A JSON value that must be a string when present.
bool readString(const QJsonObject& o, const char* key, QString* out, QString* error, const QString& where)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return true;
    if (!v.isString()) {
        *error = QStringLiteral("%1: \"%2\" is not a string").arg(where, QLatin1String(key));
        return false;
    }
    *out = v.toString();
    return true;
}

bool readBool(const QJsonObject& o, const char* key, bool* out, QString* error, const QString& where)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return true;
    if (!v.isBool()) {
        *error = QStringLiteral("%1: \"%2\" is not true or false").arg(where, QLatin1String(key));
        return false;
    }
    *out = v.toBool();
    return true;
}

std::optional<Option> readOption(const QJsonValue& v, const QString& where, QString* error)
{
    if (!v.isObject()) {
        *error = where + QStringLiteral(": an option is not an object");
        return std::nullopt;
    }
    const QJsonObject j = v.toObject();
    Option o;
    QString type;
    if (!readString(j, "name", &o.name, error, where)) return std::nullopt;
    if (o.name.isEmpty()) {
        *error = where + QStringLiteral(": an option has no name");
        return std::nullopt;
    }
    const QString at = where + QLatin1Char('/') + o.name;
    if (!readString(j, "type", &type, error, at) || !readBool(j, "required", &o.required, error, at) ||
        !readBool(j, "secret", &o.secret, error, at) ||
        !readString(j, "default", &o.defaultValue, error, at) ||
        !readString(j, "example", &o.example, error, at) || !readString(j, "help", &o.help, error, at))
        return std::nullopt;
    o.type = parseTypeName(type).value_or(OptionType::String);
    const QJsonValue choices = j.value(QStringLiteral("choices"));
    if (!choices.isUndefined()) {
        if (!choices.isArray()) {
            *error = at + QStringLiteral(": \"choices\" is not a list");
            return std::nullopt;
        }
        for (const auto& c : choices.toArray()) {
            if (!c.isString() || c.toString().isEmpty()) {
                *error = at + QStringLiteral(": a choice is not a non-empty string");
                return std::nullopt;
            }
            o.choices << c.toString();
        }
    }
    if (o.type == OptionType::Enum && o.choices.isEmpty()) {
        *error = at + QStringLiteral(": an enum option without choices");
        return std::nullopt;
    }
    return o;
}

bool readRole(const QJsonObject& roles, const char* key, Role* out, const QString& where, QString* error)
{
    const QJsonValue v = roles.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return true;
    const QString at = where + QLatin1Char('/') + QLatin1String(key);
    if (!v.isObject() || !v.toObject().value(QStringLiteral("options")).isArray()) {
        *error = at + QStringLiteral(": not an object with an \"options\" list");
        return false;
    }
    out->supported = true;
    for (const auto& o : v.toObject().value(QStringLiteral("options")).toArray()) {
        std::optional<Option> opt = readOption(o, at, error);
        if (!opt) return false;
        for (const Option& seen : std::as_const(out->options)) {
            if (seen.name == opt->name) {
                *error = at + QStringLiteral(": option \"%1\" appears twice").arg(opt->name);
                return false;
            }
        }
        out->options << *opt;
    }
    return true;
}

} // namespace

QString typeName(OptionType t)
{
    for (const auto& [type, name] : kTypeNames)
        if (type == t) return QString::fromLatin1(name);
    return QStringLiteral("string");
}

std::optional<OptionType> parseTypeName(const QString& name)
{
    for (const auto& [type, text] : kTypeNames)
        if (name == QLatin1String(text)) return type;
    return std::nullopt;
}

const Option* Transport::findOption(bool server_, const QString& option) const
{
    for (const Option& o : role(server_).options)
        if (o.name == option) return &o;
    return nullptr;
}

Option option(const QString& name, OptionType type, const QString& help)
{
    Option o;
    o.name = name;
    o.type = type;
    o.help = help;
    return o;
}

Option required(Option o)
{
    o.required = true;
    return o;
}

Option secret(Option o)
{
    o.secret = true;
    return o;
}

Option withDefault(Option o, const QString& value)
{
    o.defaultValue = value;
    return o;
}

Option withExample(Option o, const QString& value)
{
    o.example = value;
    return o;
}

Option enumOption(const QString& name, const QStringList& choices, const QString& help)
{
    Option o = option(name, OptionType::Enum, help);
    o.choices = choices;
    return o;
}

QJsonObject toJson(const QList<Transport>& transports, const QString& program)
{
    QJsonArray list;
    for (const Transport& t : transports) {
        QJsonObject roles;
        if (t.client.supported) roles.insert(QStringLiteral("client"), roleJson(t.client));
        if (t.server.supported) roles.insert(QStringLiteral("server"), roleJson(t.server));
        list.append(QJsonObject{{QStringLiteral("name"), t.name},
                                {QStringLiteral("help"), t.help},
                                {QStringLiteral("roles"), roles}});
    }
    return QJsonObject{{QStringLiteral("format"), kFormat},
                       {QStringLiteral("program"), program},
                       {QStringLiteral("transports"), list}};
}

QByteArray toJsonText(const QList<Transport>& transports, const QString& program)
{
    return QJsonDocument(toJson(transports, program)).toJson(QJsonDocument::Indented);
}

std::optional<QList<Transport>> fromJson(const QByteArray& text, QString* error)
{
    QString scratch;
    if (!error) error = &scratch;
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON (%1 at byte %2)").arg(pe.errorString()).arg(pe.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (!format.isDouble() || format.toInt() < 1) {
        *error = QStringLiteral("no \"format\" number");
        return std::nullopt;
    }
    if (format.toInt() > kFormat) {
        *error = QStringLiteral("format %1 is newer than this program reads (%2)")
                     .arg(format.toInt())
                     .arg(kFormat);
        return std::nullopt;
    }
    const QJsonValue list = root.value(QStringLiteral("transports"));
    if (!list.isArray()) {
        *error = QStringLiteral("no \"transports\" list");
        return std::nullopt;
    }
    QList<Transport> out;
    for (const auto& v : list.toArray()) {
        if (!v.isObject()) {
            *error = QStringLiteral("a transport is not an object");
            return std::nullopt;
        }
        const QJsonObject j = v.toObject();
        Transport t;
        if (!readString(j, "name", &t.name, error, QStringLiteral("transport"))) return std::nullopt;
        if (t.name.isEmpty()) {
            *error = QStringLiteral("a transport has no name");
            return std::nullopt;
        }
        for (const Transport& seen : std::as_const(out)) {
            if (seen.name == t.name) {
                *error = QStringLiteral("transport \"%1\" appears twice").arg(t.name);
                return std::nullopt;
            }
        }
        if (!readString(j, "help", &t.help, error, t.name)) return std::nullopt;
        const QJsonValue roles = j.value(QStringLiteral("roles"));
        if (!roles.isObject()) {
            *error = t.name + QStringLiteral(": no \"roles\" object");
            return std::nullopt;
        }
        if (!readRole(roles.toObject(), "client", &t.client, t.name, error) ||
            !readRole(roles.toObject(), "server", &t.server, t.name, error))
            return std::nullopt;
        out << t;
    }
    return out;
}

} // namespace pt::describe
