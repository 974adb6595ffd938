#pragma once

// What `ptdispatcher -describe-transports` prints: every registered transport, the
// roles it supports and, per role, its options (name, type, choices, required, secret,
// default, an example and a help text). The dispatcher fills these values beside each
// transport's factory (TransportFactory::description) and the GUI builds its forms from
// the JSON, so neither keeps a copy of the other's facts (DESIGN.md principle 9).
//
// JSON form (format 1):
//   {"format": 1, "program": "ptdispatcher 0.1.0",
//    "transports": [{"name": "obfs4", "help": "...",
//                    "roles": {"client": {"options": [OPTION...]}, "server": {...}}}]}
//   OPTION: {"name", "type", "required", "secret", "help"} always; "choices" (enum),
//           "default" and "example" when there is one. A role the transport does not
//           have is absent from "roles".
// Readers ignore keys they do not know and read an unknown type as "string", so the
// format can grow without breaking older GUIs.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::describe {

inline constexpr int kFormat = 1;

enum class OptionType
{
    String,   // free text
    Int,      // decimal integer
    Bool,     // "true" / "false"
    Enum,     // one of choices (compared case-insensitively by transports that say so)
    Url,      // http:// or https:// URL
    Host,     // host name or IP literal
    HostPort, // host:port, [v6]:port
    Hex,      // hexadecimal digits
    Base64,   // base64 text
};

QString typeName(OptionType t);
// Unknown names give nullopt (readers then treat the option as a string).
std::optional<OptionType> parseTypeName(const QString& name);

struct Option
{
    QString name;
    OptionType type = OptionType::String;
    QStringList choices;   // Enum only, in the order a form should offer them
    bool required = false; // needed for a connection (client: from -options or per connection)
    bool secret = false;   // a password or private key: never shown in clear
    QString defaultValue;  // what the transport uses when the option is absent; empty: none
    QString example;       // a value validation accepts (forms show it as a hint)
    QString help;          // one or two sentences, English
};

struct Role
{
    bool supported = false;
    QList<Option> options;
};

struct Transport
{
    QString name;
    QString help;
    Role client;
    Role server;

    const Role& role(bool server_) const { return server_ ? server : client; }
    const Option* findOption(bool server_, const QString& option) const;
};

// Builders for the descriptor tables beside each factory.
Option option(const QString& name, OptionType type, const QString& help);
Option required(Option o);
Option secret(Option o);
Option withDefault(Option o, const QString& value);
Option withExample(Option o, const QString& value);
Option enumOption(const QString& name, const QStringList& choices, const QString& help);

QJsonObject toJson(const QList<Transport>& transports, const QString& program);
QByteArray toJsonText(const QList<Transport>& transports, const QString& program);

// Strict about structure (a transport needs a name, an option a name, an enum its
// choices), lenient about additions. nullopt + a reason naming the problem otherwise.
std::optional<QList<Transport>> fromJson(const QByteArray& text, QString* error);

} // namespace pt::describe
