#pragma once

// Plain words for the failure codes a bridge check (`ptdispatcher -check`) and the
// STATUS keys LAST-ERROR / LAST-ERROR-TEXT report (issue 16, contract A):
// refused, timeout, unreachable, dns, closed, tls, http, proxy, invalid, error.
// Translated (tr(), context "FailureText"); the English detail from the dispatcher is
// shown after them, as it came, for whoever wants to look closer.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace pt::gui {

class FailureText
{
    Q_DECLARE_TR_FUNCTIONS(FailureText)
public:
    // Every code of the contract, in the contract's order.
    static QStringList codes();
    // True for one of codes().
    static bool isKnownCode(const QString& code);
    // The plain words for code ("Cannot reach the bridge: the connection was refused"),
    // followed by " (detail)" when detail is not empty. An unknown code gets the words
    // for "error" and the code itself in the detail, never an empty text. The detail is
    // trimmed, control characters become spaces and it is cut at 300 characters.
    static QString text(const QString& code, const QString& detail = {});
};

// Same as FailureText::text (the contract's spelling).
inline QString failureText(const QString& code, const QString& detail = {})
{
    return FailureText::text(code, detail);
}

} // namespace pt::gui
