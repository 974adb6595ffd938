#include "IniEdit.h"

namespace pt::gui::sysproxy {

IniEdit::IniEdit(const QByteArray& text)
{
    if (text.isEmpty()) return;
    m_lines = text.split('\n');
    m_finalNewline = text.endsWith('\n');
    if (m_finalNewline) m_lines.removeLast();
}

QByteArray IniEdit::text() const
{
    QByteArray out = m_lines.join('\n');
    if (m_finalNewline && !m_lines.isEmpty()) out += '\n';
    return out;
}

bool IniEdit::endsWithBlankLine() const
{
    return m_lines.isEmpty() || stripCr(m_lines.last()).trimmed().isEmpty();
}

QByteArray IniEdit::stripCr(const QByteArray& line)
{
    return line.endsWith('\r') ? line.left(line.size() - 1) : line;
}

QByteArray IniEdit::eol() const
{
    // A file written with CRLF gets CRLF in the lines we add.
    for (const QByteArray& l : m_lines) {
        if (!l.isEmpty()) return l.endsWith('\r') ? QByteArrayLiteral("\r") : QByteArray();
    }
    return {};
}

bool IniEdit::isHeader(const QByteArray& line, QByteArray* name, QByteArray* flags)
{
    const QByteArray t = stripCr(line).trimmed();
    if (!t.startsWith('[')) return false;
    const int close = t.indexOf(']');
    if (close < 0) return false;
    *name = t.mid(1, close - 1);
    *flags = t.mid(close + 1);
    return true;
}

bool IniEdit::isEntry(const QByteArray& line, Entry* e)
{
    const QByteArray t = stripCr(line);
    const QByteArray trimmed = t.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith('#') || trimmed.startsWith('[')) return false;
    const int eq = t.indexOf('=');
    if (eq < 0) return false;
    QByteArray key = t.left(eq).trimmed();
    const int br = key.indexOf('[');
    e->flags = br < 0 ? QByteArray() : key.mid(br);
    e->key = br < 0 ? key : key.left(br).trimmed();
    e->eq = eq;
    return true;
}

QList<int> IniEdit::entryLines(const QByteArray& group, const QByteArray& key) const
{
    QList<int> out;
    QByteArray current; // the default group before any header
    for (int i = 0; i < m_lines.size(); ++i) {
        QByteArray name, flags;
        if (isHeader(m_lines[i], &name, &flags)) {
            // A nested group ([a][b]) is not the group a.
            current = flags.startsWith("[") && !flags.startsWith("[$") ? QByteArray() : name;
            continue;
        }
        Entry e;
        if (current == group && isEntry(m_lines[i], &e) && e.key == key &&
            (e.flags.isEmpty() || e.flags.startsWith("[$")))
            out << i;
    }
    return out;
}

bool IniEdit::groupExists(const QByteArray& group) const
{
    for (const QByteArray& l : m_lines) {
        QByteArray name, flags;
        if (isHeader(l, &name, &flags) && name == group && (flags.isEmpty() || flags.startsWith("[$")))
            return true;
    }
    return false;
}

bool IniEdit::checkWritable(const QByteArray& group, const QList<QByteArray>& keys, QString* error) const
{
    for (int i = 0; i < m_lines.size(); ++i) {
        QByteArray name, flags;
        if (!isHeader(m_lines[i], &name, &flags)) continue;
        // "[$i]" alone on a line before any group locks the whole file.
        if ((name == "$i" && i == 0) || (name == group && flags.contains("$i"))) {
            *error = QStringLiteral("the file locks [%1] ([$i], line %2): the proxy settings are "
                                    "fixed by the administrator")
                         .arg(QString::fromUtf8(group))
                         .arg(i + 1);
            return false;
        }
    }
    for (const QByteArray& key : keys) {
        for (const int i : entryLines(group, key)) {
            Entry e;
            isEntry(m_lines[i], &e);
            if (e.flags.contains("$i")) {
                *error = QStringLiteral("the file locks %1 ([$i], line %2)")
                             .arg(QString::fromUtf8(key))
                             .arg(i + 1);
                return false;
            }
        }
    }
    return true;
}

std::optional<QByteArray> IniEdit::value(const QByteArray& group, const QByteArray& key) const
{
    const QList<int> lines = entryLines(group, key);
    if (lines.isEmpty()) return std::nullopt;
    const QByteArray t = stripCr(m_lines[lines.last()]);
    Entry e;
    isEntry(t, &e);
    return t.mid(e.eq + 1);
}

void IniEdit::setValue(const QByteArray& group, const QByteArray& key, const QByteArray& value)
{
    const QList<int> lines = entryLines(group, key);
    if (!lines.isEmpty()) {
        QByteArray& line = m_lines[lines.last()];
        const bool cr = line.endsWith('\r');
        Entry e;
        isEntry(line, &e);
        line = line.left(e.eq + 1) + value + (cr ? "\r" : "");
        return;
    }
    const QByteArray newLine = key + '=' + value + eol();
    // The end of the group's last section: after its last non-blank line.
    int insertAt = -1;
    QByteArray current;
    bool inGroup = false;
    for (int i = 0; i < m_lines.size(); ++i) {
        QByteArray name, flags;
        if (isHeader(m_lines[i], &name, &flags)) {
            inGroup = name == group && (flags.isEmpty() || flags.startsWith("[$"));
            if (inGroup) insertAt = i + 1;
            continue;
        }
        if (inGroup && !stripCr(m_lines[i]).trimmed().isEmpty()) insertAt = i + 1;
    }
    if (insertAt >= 0) {
        m_lines.insert(insertAt, newLine);
        return;
    }
    if (!endsWithBlankLine()) m_lines << eol();
    m_lines << '[' + group + ']' + eol() << newLine;
    m_finalNewline = true;
}

void IniEdit::removeKey(const QByteArray& group, const QByteArray& key)
{
    const QList<int> lines = entryLines(group, key);
    for (int i = lines.size() - 1; i >= 0; --i)
        m_lines.removeAt(lines[i]);
}

void IniEdit::removeGroupIfEmpty(const QByteArray& group)
{
    for (int i = m_lines.size() - 1; i >= 0; --i) {
        QByteArray name, flags;
        if (!isHeader(m_lines[i], &name, &flags) || name != group ||
            !(flags.isEmpty() || flags.startsWith("[$")))
            continue;
        int end = i + 1;
        bool empty = true;
        for (; end < m_lines.size(); ++end) {
            QByteArray n2, f2;
            if (isHeader(m_lines[end], &n2, &f2)) break;
            if (!stripCr(m_lines[end]).trimmed().isEmpty()) {
                empty = false;
                break;
            }
        }
        if (empty) m_lines.erase(m_lines.begin() + i, m_lines.begin() + end);
    }
}

void IniEdit::trimEnd(bool keepBlankLine, bool finalNewline)
{
    if (!keepBlankLine && !m_lines.isEmpty() && stripCr(m_lines.last()).trimmed().isEmpty())
        m_lines.removeLast();
    m_finalNewline = finalNewline;
}

} // namespace pt::gui::sysproxy
