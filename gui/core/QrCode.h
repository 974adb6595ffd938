#pragma once

// QR codes for sharing a bridge line, through Debian's libqrencode (no QR encoder of
// our own). The matrix is plain data; the widget side paints it.

#include <QByteArray>
#include <QImage>
#include <QString>

#include <vector>

namespace pt::gui {

class QrCode
{
public:
    // Encodes UTF-8 text with error correction level M (L when M does not fit).
    // isNull() when the text is too long for any QR version.
    static QrCode encode(const QString& text);

    bool isNull() const { return m_size == 0; }
    int size() const { return m_size; } // modules per side (21 for version 1, +4 per version)
    int version() const { return m_version; }
    bool dark(int x, int y) const { return m_modules[size_t(y) * size_t(m_size) + size_t(x)]; }
    // Black on white, `scale` pixels per module, with the 4-module quiet zone.
    QImage toImage(int scale) const;

private:
    int m_size = 0;
    int m_version = 0;
    std::vector<bool> m_modules;
};

} // namespace pt::gui
