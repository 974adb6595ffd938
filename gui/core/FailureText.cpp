#include "FailureText.h"

namespace pt::gui {

namespace {
constexpr int kMaxDetail = 300;

QString cleanDetail(const QString& detail)
{
    QString d = detail;
    for (QChar& c : d) {
        if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            c = QLatin1Char(' ');
    }
    d = d.simplified();
    if (d.size() > kMaxDetail) d = d.left(kMaxDetail - 1) + QChar(0x2026);
    return d;
}
} // namespace

QStringList FailureText::codes()
{
    return {QStringLiteral("refused"), QStringLiteral("timeout"), QStringLiteral("unreachable"),
            QStringLiteral("dns"),     QStringLiteral("closed"),  QStringLiteral("tls"),
            QStringLiteral("http"),    QStringLiteral("proxy"),   QStringLiteral("invalid"),
            QStringLiteral("error")};
}

bool FailureText::isKnownCode(const QString& code)
{
    return codes().contains(code);
}

QString FailureText::text(const QString& code, const QString& detail)
{
    QString words;
    QString more = cleanDetail(detail);
    if (code == QLatin1String("refused"))
        words = tr("Cannot reach the bridge: the connection was refused");
    else if (code == QLatin1String("timeout"))
        words = tr("Cannot reach the bridge: no answer in time (the address may be blocked, or the cert may "
                   "be wrong)");
    else if (code == QLatin1String("unreachable"))
        words = tr("Cannot reach the bridge: the network or the bridge's address is unreachable");
    else if (code == QLatin1String("dns"))
        words = tr("Cannot reach the bridge: its host name could not be found");
    else if (code == QLatin1String("closed"))
        words = tr("Cannot reach the bridge: the bridge closed the connection during the handshake (wrong "
                   "cert or password?)");
    else if (code == QLatin1String("tls"))
        words = tr("Cannot reach the bridge: the secure (TLS) connection failed");
    else if (code == QLatin1String("http"))
        words = tr("Cannot reach the bridge: the web server answered with an error (wrong address or path?)");
    else if (code == QLatin1String("proxy"))
        words = tr("Cannot reach the bridge: the upstream proxy failed or refused the connection");
    else if (code == QLatin1String("invalid"))
        words = tr("The bridge line is not valid");
    else {
        words = tr("Cannot reach the bridge");
        if (code != QLatin1String("error")) {
            const QString c = cleanDetail(code);
            more = more.isEmpty() ? c : c + QStringLiteral(": ") + more;
        }
    }
    if (more.isEmpty()) return words;
    //: %1 is the plain-words reason, %2 the technical detail from the dispatcher (English)
    return tr("%1 (%2)").arg(words, more);
}

} // namespace pt::gui
