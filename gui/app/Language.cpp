#include "Language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace pt::gui {

QList<LanguageChoice> availableLanguages()
{
    return {{QString(), QApplication::translate("pt::gui::Language", "System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("fa"), QStringLiteral("فارسی")},
            {QStringLiteral("ru"), QStringLiteral("Русский")},
            {QStringLiteral("tr"), QStringLiteral("Türkçe")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString installTranslations(QApplication& app, const QSettings& settings)
{
    QString code = qEnvironmentVariable("PTGUI_LANG");
    if (code.isEmpty()) code = settings.value(QStringLiteral("ui/language")).toString();
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (code == QLatin1String("en")) return code;
    auto* ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("ptdispatcher"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QApplication::installTranslator(ours);
    // Qt's own strings (standard buttons such as Yes/No/Cancel), when installed.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    else
        delete qt;
    // Our .ts files translate this marker as "RTL" for right-to-left languages.
    QApplication::setLayoutDirection(QApplication::translate("QGuiApplication", "QT_LAYOUT_DIRECTION",
                                                             "Translate this string to the string 'LTR' in "
                                                             "left-to-right languages or to 'RTL' in "
                                                             "right-to-left languages") ==
                                             QLatin1String("RTL")
                                         ? Qt::RightToLeft
                                         : Qt::LeftToRight);
    return locale.name();
}

} // namespace pt::gui
