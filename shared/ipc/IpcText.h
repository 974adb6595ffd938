#pragma once

// Internal text helpers shared by the IPC formatter and parser (not part of the public
// API): free-text and token sanitising, and the C-style quoted strings that Tor's PT spec
// uses for LOG/STATUS values (Tor's kvline format).

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace pt::ipc::detail {

// Free text as UTF-8 with every character that a line-based reader might treat as a line
// break (C0 controls except TAB, DEL, NEL, U+2028, U+2029) replaced by a space.
QByteArray sanitizeText(const QString& s);

// A single argument token: whitespace and control characters become '_', and an empty
// token becomes `fallback`, so the argument count on the wire never changes.
QByteArray sanitizeToken(const QString& s, const char* fallback);

// "\"...\"" with '\\', '"', \n, \r, \t escaped and every other byte outside printable
// ASCII written as a three-digit octal escape, so the result is pure printable ASCII.
QByteArray cQuote(const QByteArray& bytes);

// Reads a quoted string starting at line[pos] == '"'; on success pos is just past the
// closing quote. Understands \n \r \t \" \\ \' \ooo and \xHH; other escaped characters
// stand for themselves.
std::optional<QByteArray> cUnquote(const QByteArray& line, int& pos);

// Tor's kvline form: "K=V K=\"quoted V\" ...". Every item must have '='.
std::optional<QList<std::pair<QString, QString>>> parseKvLine(const QByteArray& s);

// Formats one "K=V" item, quoting V when it is empty-safe-but-special (space, quote,
// backslash, '=', control or non-ASCII bytes).
QByteArray formatKvItem(const QString& key, const QString& value);

} // namespace pt::ipc::detail
