#pragma once

// Command-line tokenizer with the semantics of Go's `flag` package, which parents of
// shapeshifter-dispatcher are written against: -name value, -name=value, --name value,
// --name=value; boolean flags take no separate value; "--" ends the flags.
//
// Tokenizing is lenient on purpose: it records the first syntax error and keeps going,
// so that -ptversion is still found and version negotiation can happen before any
// ENV-ERROR is reported (Dispatcher IPC 3.0, 1.2.1).

#include "shared/flags/Flags.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::flags {

struct ParsedFlags
{
    // Each flag given (an alias such as -h is stored as its flag) -> the value of each
    // occurrence, in order. Switches store "true" or "false".
    QMap<Flag, QStringList> values;
    QString firstError; // empty when the command line was well formed

    bool has(Flag flag) const { return values.contains(flag); }
    int count(Flag flag) const { return values.value(flag).size(); }
    QString last(Flag flag) const; // Go semantics: the last occurrence wins
    bool isTrue(Flag flag) const { return last(flag) == QLatin1String("true"); }
};

// strconv.ParseBool: 1 t T TRUE true True / 0 f F FALSE false False.
std::optional<bool> parseGoBool(const QString& s);

// args: argv without the program name.
ParsedFlags tokenizeFlags(const QStringList& args);

} // namespace pt::flags
