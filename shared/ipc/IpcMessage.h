#pragma once

// The IPC line protocol of Dispatcher IPC 3.0, section 1.2 (plus Tor's PT 1.0 LOG and
// STATUS forms): one model, one formatter, one parser, used by the dispatcher to speak
// and by the GUI (or any parent) to listen.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace pt::ipc {

enum class Kind
{
    Version,      // VERSION <ver>                         stdout
    VersionError, // VERSION-ERROR <msg>                   stderr
    EnvError,     // ENV-ERROR <msg>                       stderr
    Log,          // LOG <LEVEL> <msg>                     stdout
    ProxyDone,    // PROXY DONE                            stdout
    ProxyError,   // PROXY-ERROR <msg>                     stderr
    CMethod,      // CMETHOD <transport> <mode> <addr:port> stdout
    CMethodError, // CMETHOD-ERROR <transport> <msg>       stderr
    CMethodsDone, // CMETHODS DONE                         stdout
    SMethod,      // SMETHOD <transport> <addr:port> [ARGS:k=v,k=v] stdout
    SMethodError, // SMETHOD-ERROR <transport> <msg>       stderr
    SMethodsDone, // SMETHODS DONE                         stdout
    Status,       // STATUS TRANSPORT=<t> k=v ...          stdout (Tor PT spec form)
    Unknown,      // any other keyword: parents MUST ignore it
};

enum class LogLevel
{
    None = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4
};

// The spec's level names, in LogLevel order: NONE, ERROR, WARN, INFO, DEBUG. The one
// list used by the LOG line, -ipcLogLevel, its -help text and the GUI.
const QStringList& logLevelNames();
QString logLevelName(LogLevel level);                    // "ERROR", ..., "NONE"
std::optional<LogLevel> parseLogLevel(const QString& s); // exact spec names, case-sensitive

// The wire keyword of a kind ("PROXY" for ProxyDone, "CMETHODS" for CMethodsDone, ...);
// empty for Unknown.
QString keywordFor(Kind kind);
// The four proxy modes of the spec (CMETHOD lines, -mode), exact spelling, in the
// dispatcher's ProxyMode order: socks5, transparent-TCP, transparent-UDP, STUN.
const QStringList& proxyModeNames();
// One of the four CMETHOD modes of the spec, exact spelling.
bool isProxyModeName(const QString& s);

struct Message
{
    Kind kind = Kind::Unknown;
    QString keyword;                         // as on the wire (set by parse; format derives it from kind)
    QString transport;                       // CMETHOD*, SMETHOD*
    QString mode;                            // CMETHOD: socks5 | transparent-TCP | transparent-UDP | STUN
    QString address;                         // CMETHOD, SMETHOD: "127.0.0.1:5555" or "[::1]:5555"
    QString text;                            // VERSION: version; *-ERROR: message; LOG: message
    LogLevel level = LogLevel::None;         // LOG
    QList<std::pair<QString, QString>> args; // SMETHOD ARGS (unescaped); STATUS k=v pairs
    QString raw;                             // the whole line as received (parse only)

    static Message version(const QString& v);
    static Message versionError(const QString& msg);
    static Message envError(const QString& msg);
    static Message log(LogLevel level, const QString& msg);
    static Message proxyDone();
    static Message proxyError(const QString& msg);
    static Message cmethod(const QString& transport, const QString& mode, const QString& address);
    static Message cmethodError(const QString& transport, const QString& msg);
    static Message cmethodsDone();
    static Message smethod(const QString& transport, const QString& address,
                           const QList<std::pair<QString, QString>>& args = {});
    static Message smethodError(const QString& transport, const QString& msg);
    static Message smethodsDone();
    static Message status(const QList<std::pair<QString, QString>>& kv);
};

// True for the kinds the spec sends to stderr (*-ERROR).
bool goesToStderr(Kind kind);

// One line, without the trailing newline. Newlines, CR, NUL (and the other characters
// some readers treat as line breaks: C0 controls but TAB, DEL, U+0085, U+2028, U+2029)
// inside free text are replaced by spaces so that one message is always exactly one line;
// in token fields (transport, mode, address, version) whitespace becomes '_'. Empty
// required fields get a default instead of shifting the arguments: VERSION "3.0",
// VERSION-ERROR "no-version", other *-ERROR "unspecified error", tokens "unknown". LOG
// with level None is sent as INFO. STATUS values are C-quoted when they contain spaces,
// quotes, backslashes, '=', control or non-ASCII bytes (Tor's kvline form).
QByteArray format(const Message& m);

// Tor PT 1.0 LOG form: LOG SEVERITY=<error|warning|notice|info|debug> MESSAGE="<escaped>".
QByteArray formatTorLog(LogLevel level, const QString& msg);

// Parses one line (with or without trailing "\n" / "\r\n"). Lines that do not fit the
// grammar's keyword rule, or whose known keyword has malformed arguments, come back as
// Kind::Unknown with raw set; they never throw. Details:
// - keyword [A-Za-z0-9_-]+, case-sensitive, followed by end of line or one SP; a NUL or
//   an inner "\n" anywhere makes the line Unknown (keyword still set if it matched);
// - token arguments may be separated by runs of spaces; free text (error messages, LOG
//   message) is everything after the single separating space, verbatim;
// - *-ERROR need non-blank text; LOG needs ERROR|WARN|INFO|DEBUG (the message may be
//   empty) or Tor's "SEVERITY=... MESSAGE=..." form (then args holds its pairs);
// - CMETHOD: exactly 3 arguments, one of the four modes, "host:port" / "[v6]:port";
//   SMETHOD: transport, address, then options: "ARGS:" is unescaped into args (a
//   malformed one makes the line Unknown), other options are ignored;
// - STATUS: K=V pairs, V optionally a C-quoted string (zero pairs allowed).
Message parse(const QByteArray& line);

// SMETHOD ARGS escaping: '=' ',' and '\' are escaped with a backslash (space and TAB
// too, so a value never ends the option early). parseArgs takes the first unescaped '='
// of an item as the separator and returns nullopt for items without '=', an empty key
// or a dangling backslash.
QString escapeArgValue(const QString& s);
QString formatArgs(const QList<std::pair<QString, QString>>& args); // "k=v,k=v" (no "ARGS:")
std::optional<QList<std::pair<QString, QString>>> parseArgs(const QString& s);

// Splits a byte stream into lines, carrying a partial last line across feeds. A line
// longer than maxLineBytes is cut there and reported as truncated (a parent must never
// buffer without bound because a child misbehaves).
class LineSplitter
{
public:
    explicit LineSplitter(int maxLineBytes = 64 * 1024) : m_max(maxLineBytes) {}
    struct Line
    {
        QByteArray text; // without "\n" (and without a trailing "\r")
        bool truncated = false;
    };
    QList<Line> feed(const QByteArray& bytes);
    // Remaining partial line at EOF (empty if none).
    std::optional<Line> finish();

private:
    int m_max;
    QByteArray m_buf;
    bool m_discarding = false; // inside an over-long line whose head was already emitted
};

} // namespace pt::ipc
