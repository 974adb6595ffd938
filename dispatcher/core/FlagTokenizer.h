#pragma once

// Command-line tokenizer with the semantics of Go's `flag` package, which parents of
// shapeshifter-dispatcher are written against: -name value, -name=value, --name value,
// --name=value; boolean flags take no separate value; "--" ends the flags.
//
// Tokenizing is lenient on purpose: it records the first syntax error and keeps going,
// so that -ptversion is still found and version negotiation can happen before any
// ENV-ERROR is reported (Dispatcher IPC 3.0, 1.2.1).

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::flags {

struct ParsedFlags
{
    // Canonical flag name (without dashes; "h" is stored as "help") -> the value of
    // each occurrence, in order. Boolean flags store "true" or "false".
    QMap<QString, QStringList> values;
    QString firstError; // empty when the command line was well formed

    bool has(const QString& name) const { return values.contains(name); }
    int count(const QString& name) const { return values.value(name).size(); }
    QString last(const QString& name) const; // Go semantics: the last occurrence wins
    bool isTrue(const QString& name) const { return last(name) == QLatin1String("true"); }
};

bool isKnownFlag(const QString& name);
// Every flag name the parser accepts (canonical, without dashes): for -help's completeness test.
QStringList allFlagNames();
bool isBoolFlag(const QString& name);

// strconv.ParseBool: 1 t T TRUE true True / 0 f F FALSE false False.
std::optional<bool> parseGoBool(const QString& s);

// args: argv without the program name.
ParsedFlags tokenizeFlags(const QStringList& args);

} // namespace pt::flags
