#pragma once

// The dispatcher's command-line flags (Dispatcher IPC 3.0 section 1.1 and our
// extensions), each written once: its name, kind, -help group, help text and default.
// The dispatcher's tokenizer, validator and -help, the parent-side LaunchConfig and the
// man page test (tests/unit/tst_flags) all read this table; code names a flag by its
// Flag value, never by a string. Adding a flag: one entry here (and in Flag), its
// validation in dispatcher/core/Config.cpp, its paragraph in docs/ptdispatcher.1.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::flags {

// In -help order.
enum class Flag
{
    PtVersion,
    Transport,
    Transports,
    State,
    ExitOnStdinClose,
    IpcLogLevel,
    Options,
    OptionsFile,
    Mode,
    Help,
    Version,
    DescribeTransports,
    Check,
    CheckTimeout,
    Client,
    ProxyListenAddr,
    ProxyListenHost,
    ProxyListenPort,
    Proxy,
    Server,
    BindAddr,
    BindHost,
    BindPort,
    Target,
    TargetHost,
    TargetPort,
    ExtOrPort,
    AuthCookie,
    HandshakeTimeout,
    ConnectTimeout,
    MaxConnections,
    Threads,
    UdpIdleTimeout,
};

enum class Kind
{
    Switch, // boolean: -name, -name=false; takes no separate value
    Value,  // one value: -name value, -name=value
    List,   // one value holding a comma-separated list
};

// The sections of -help and of docs/ptdispatcher.1.
enum class Group
{
    Common,
    Client,
    Server,
    Tuning
};

struct FlagInfo
{
    Flag flag;
    QString name;  // without the dash: "ptversion"
    QString alias; // another accepted spelling ("h" for help); empty if none
    Kind kind;
    Group group;
    QString placeholder;  // the value's name in -help ("<dir>"); empty for switches
    QStringList choices;  // the only values accepted, when the flag has a fixed set
    QString help;         // one line, or several separated by '\n'
    QString defaultValue; // as -help states it; empty when there is nothing to say
};

// Every flag, in -help order.
const QList<FlagInfo>& table();
const FlagInfo& info(Flag flag);
QString name(Flag flag);   // "ptversion"
QString dashed(Flag flag); // "-ptversion", as messages and argv spell it
// A flag by its name or alias, without dashes.
std::optional<Flag> find(const QString& nameOrAlias);
// Every flag name (not aliases), without dashes.
QStringList allFlagNames();
bool isKnownFlag(const QString& nameOrAlias);

QString groupTitle(Group group); // "Common flags", "Client flags (default role)", ...
// "a, b, c or d".
QString choiceList(const QStringList& choices);

} // namespace pt::flags
