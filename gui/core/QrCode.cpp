#include "core/QrCode.h"

#include <qrencode.h>

namespace pt::gui {

QrCode QrCode::encode(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    QrCode out;
    for (QRecLevel level : {QR_ECLEVEL_M, QR_ECLEVEL_L}) {
        QRcode* code = QRcode_encodeData(int(utf8.size()),
                                         reinterpret_cast<const unsigned char*>(utf8.constData()), 0, level);
        if (!code) continue;
        out.m_size = code->width;
        out.m_version = code->version;
        out.m_modules.resize(size_t(code->width) * size_t(code->width));
        for (size_t i = 0; i < out.m_modules.size(); ++i)
            out.m_modules[i] = (code->data[i] & 1) != 0; // bit 0: dark module
        QRcode_free(code);
        break;
    }
    return out;
}

QImage QrCode::toImage(int scale) const
{
    if (isNull() || scale < 1) return QImage();
    const int quiet = 4;
    const int side = (m_size + 2 * quiet) * scale;
    QImage img(side, side, QImage::Format_Mono);
    img.setColor(0, qRgb(255, 255, 255));
    img.setColor(1, qRgb(0, 0, 0));
    img.fill(0);
    for (int y = 0; y < m_size; ++y)
        for (int x = 0; x < m_size; ++x)
            if (dark(x, y))
                for (int dy = 0; dy < scale; ++dy)
                    for (int dx = 0; dx < scale; ++dx)
                        img.setPixel((x + quiet) * scale + dx, (y + quiet) * scale + dy, 1);
    return img;
}

} // namespace pt::gui
