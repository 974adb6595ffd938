#include "dispatcher/core/FlagTokenizer.h"

namespace pt::flags {

QString ParsedFlags::last(Flag flag) const
{
    const QStringList v = values.value(flag);
    return v.isEmpty() ? QString() : v.last();
}

std::optional<bool> parseGoBool(const QString& s)
{
    static const QStringList yes = {QStringLiteral("1"),    QStringLiteral("t"),    QStringLiteral("T"),
                                    QStringLiteral("TRUE"), QStringLiteral("true"), QStringLiteral("True")};
    static const QStringList no = {QStringLiteral("0"),     QStringLiteral("f"),     QStringLiteral("F"),
                                   QStringLiteral("FALSE"), QStringLiteral("false"), QStringLiteral("False")};
    if (yes.contains(s)) return true;
    if (no.contains(s)) return false;
    return std::nullopt;
}

ParsedFlags tokenizeFlags(const QStringList& args)
{
    ParsedFlags out;
    auto error = [&out](const QString& msg) {
        if (out.firstError.isEmpty()) out.firstError = msg;
    };

    bool flagsEnded = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (flagsEnded || arg.size() < 2 || !arg.startsWith(QLatin1Char('-'))) {
            error(QStringLiteral("unexpected argument '%1' (arguments are flags: -name value)").arg(arg));
            continue;
        }
        if (arg == QLatin1String("--")) {
            flagsEnded = true;
            continue;
        }
        QString body = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
        if (body.isEmpty() || body.startsWith(QLatin1Char('-')) || body.startsWith(QLatin1Char('='))) {
            error(QStringLiteral("bad flag syntax: %1").arg(arg));
            continue;
        }
        std::optional<QString> inlineValue;
        const int eq = body.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            inlineValue = body.mid(eq + 1);
            body.truncate(eq);
        }
        const std::optional<Flag> flag = find(body);
        if (!flag) {
            error(QStringLiteral("unknown flag -%1 (see %2)").arg(body, dashed(Flag::Help)));
            continue;
        }

        if (info(*flag).kind == Kind::Switch) {
            bool value = true;
            if (inlineValue) {
                const std::optional<bool> b = parseGoBool(*inlineValue);
                if (!b) {
                    error(QStringLiteral("invalid boolean value '%1' for -%2").arg(*inlineValue, body));
                    continue;
                }
                value = *b;
            } else if (*flag == Flag::ExitOnStdinClose && i + 1 < args.size() &&
                       parseGoBool(args.at(i + 1))) {
                // The spec words this flag as "set to 1"; a parent writing
                // "-exit-on-stdin-close 1" would otherwise get an error for a stray "1".
                value = *parseGoBool(args.at(++i));
            }
            out.values[*flag].append(value ? QStringLiteral("true") : QStringLiteral("false"));
            continue;
        }

        if (inlineValue) {
            out.values[*flag].append(*inlineValue);
        } else if (i + 1 < args.size()) {
            // Go's flag package takes the next argument as the value even when it
            // starts with '-'.
            out.values[*flag].append(args.at(++i));
        } else {
            error(QStringLiteral("flag -%1 needs a value").arg(body));
        }
    }
    return out;
}

} // namespace pt::flags
