// The platform-independent part of WinRegistry.h: REG_SZ and REG_DWORD encodings.
#include "WinRegistry.h"

#include <QtEndian>

namespace pt::gui::sysproxy {

RegValue regString(const QString& s)
{
    RegValue v;
    v.present = true;
    v.type = kRegSz;
    // UTF-16LE with the terminating NUL, as RegSetValueExW stores it.
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        v.data.append(char(u & 0xff)).append(char(u >> 8));
    }
    v.data.append('\0').append('\0');
    return v;
}

RegValue regDword(quint32 value)
{
    RegValue v;
    v.present = true;
    v.type = kRegDword;
    v.data.resize(4);
    qToLittleEndian(value, v.data.data());
    return v;
}

QString regStringValue(const RegValue& v)
{
    QString s;
    for (int i = 0; i + 1 < v.data.size(); i += 2) {
        const char16_t u = char16_t(uchar(v.data[i]) | (uchar(v.data[i + 1]) << 8));
        if (u == 0) break;
        s.append(QChar(u));
    }
    return s;
}

} // namespace pt::gui::sysproxy
