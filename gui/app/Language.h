#pragma once

// GUI language: the system locale by default, or the user's choice (stored in
// QSettings "ui/language", overridden by PTGUI_LANG for scripts). Translations are
// compiled from translations/*.ts into the binary's resources (:/i18n).

#include <QList>
#include <QString>

class QApplication;
class QSettings;

namespace pt::gui {

struct LanguageChoice
{
    QString code;       // "" = follow the system, else "fa", "ru", "zh_CN", "tr", "en"
    QString nativeName; // what the menu shows, in that language
};

// The languages the GUI ships, "follow the system" first.
QList<LanguageChoice> availableLanguages();
// Installs the translators for the chosen (or system) language; returns the code used
// ("en" when no translation matched). Right-to-left languages flip the layout.
QString installTranslations(QApplication& app, const QSettings& settings);

} // namespace pt::gui
