// ptdispatcher-gui: a desktop front end that runs the ptdispatcher binary as a child.
// --smoke-test builds the main window, lets the event loop turn once and exits 0
// (CTest runs it with QT_QPA_PLATFORM=offscreen); its profiles go to a temporary file so
// the test never touches the user's settings.
#include "MainWindow.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ptdispatcher"));
    QApplication::setApplicationName(QStringLiteral("ptdispatcher-gui"));
    QApplication::setApplicationVersion(QStringLiteral(PT_VERSION));

    const bool smoke = app.arguments().contains(QStringLiteral("--smoke-test"));
    QTemporaryDir smokeDir;
    if (smoke && !smokeDir.isValid()) return 1;
    QSettings settings = smoke ? QSettings(smokeDir.filePath(QStringLiteral("smoke.ini")), QSettings::IniFormat)
                               : QSettings();
    pt::gui::MainWindow window(settings);
    window.show();
    if (smoke) {
        QTimer::singleShot(0, &app, [&] {
            // PTGUI_SCREENSHOT=file.png: a picture of the window for docs and review.
            const QString shot = qEnvironmentVariable("PTGUI_SCREENSHOT");
            if (!shot.isEmpty() && !window.grab().save(shot)) QCoreApplication::exit(2);
            else QCoreApplication::quit();
        });
    }
    return app.exec();
}
