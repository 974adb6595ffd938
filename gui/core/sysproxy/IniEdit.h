#pragma once

// A line-preserving editor for KConfig files (kioslaverc). KConfig itself rewrites the
// whole file; we must not: every line we do not change stays byte for byte (comments,
// other groups, other keys, CRLF endings, odd spacing). Values are raw bytes after the
// '=' (not unescaped), so what is read back and written again is exactly what was there.

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace pt::gui::sysproxy {

class IniEdit
{
public:
    explicit IniEdit(const QByteArray& text);

    QByteArray text() const;
    bool endsWithNewline() const { return m_finalNewline; }
    // The file's last line is blank (or the file is empty).
    bool endsWithBlankLine() const;
    bool groupExists(const QByteArray& group) const;
    // A clear error if the file locks the group or one of the keys ([$i]).
    bool checkWritable(const QByteArray& group, const QList<QByteArray>& keys, QString* error) const;
    // The last occurrence wins, as in KConfig. Localized entries (key[de]) are ignored.
    std::optional<QByteArray> value(const QByteArray& group, const QByteArray& key) const;
    // Replaces the value of the last occurrence, else adds the key at the end of the
    // group's last section, else appends the group (after a blank line) at the end.
    void setValue(const QByteArray& group, const QByteArray& key, const QByteArray& value);
    // Removes every occurrence of the key in the group.
    void removeKey(const QByteArray& group, const QByteArray& key);
    // Removes the group's headers if no entries are left under them, with the blank
    // lines that followed them.
    void removeGroupIfEmpty(const QByteArray& group);
    // Drops a trailing blank line, and sets whether the text ends with a newline: used
    // to undo what appending a group added.
    void trimEnd(bool keepBlankLine, bool finalNewline);

private:
    struct Entry
    {
        QByteArray key;   // the base name (before any [..] flags), trimmed
        QByteArray flags; // "[$e]", "[de]" ... or empty
        int eq = -1;      // index of '=' in the line
    };
    static QByteArray stripCr(const QByteArray& line);
    static bool isHeader(const QByteArray& line, QByteArray* name, QByteArray* flags);
    static bool isEntry(const QByteArray& line, Entry* e);
    // Indexes of the entry lines of key in group (all sections, in order).
    QList<int> entryLines(const QByteArray& group, const QByteArray& key) const;
    QByteArray eol() const;

    QList<QByteArray> m_lines; // without '\n', with any '\r'
    bool m_finalNewline = false;
};

} // namespace pt::gui::sysproxy
