// ptdispatcher-gui: a desktop front end that runs the ptdispatcher binary as a child.
// --smoke-test builds the main window, waits for the transports the dispatcher describes
// (-describe-transports) and exits 0
// (CTest runs it with QT_QPA_PLATFORM=offscreen); its profiles go to a temporary file so
// the test never touches the user's settings.
// For screenshots (scripts/gui-screenshot.sh), with --smoke-test:
//   PTGUI_IMPORT="<bridge line or ss:// link>"  adds and selects that profile;
//   PTGUI_AUTOCONNECT=1                          connects and waits until Running (or
//                                                an error) plus PTGUI_SETTLE_MS;
//   PTGUI_SCREENSHOT=file.png                    saves a picture of the window;
//   PTGUI_ADDRESS_FILE=file                      writes the SOCKS address once Running
//                                                (tests/windows/gui.sh connects to it);
//   PTGUI_LANG=fa                                 picks the language (any run).
#include "Language.h"
#include "MainWindow.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPainterPath>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {
// The desktop theme's icon where there is one (Linux: the .deb installs it); else
// (Windows, macOS: no icon theme) installer/ptdispatcher.svg's picture drawn here, so
// the window and the tray icon are never blank.
QIcon appIcon()
{
    QIcon icon = QIcon::fromTheme(QStringLiteral("ptdispatcher"));
    if (!icon.isNull())
        return icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 128.0, size / 128.0); // the SVG's 128x128 view box
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x3a, 0x2a, 0x6b));
        p.drawRoundedRect(QRectF(4, 4, 120, 120), 24, 24);
        const auto braid = [&p](bool up, const QColor& colour, qreal width) {
            QPainterPath path(QPointF(28, 64));
            path.cubicTo(44, up ? 36 : 92, 56, up ? 92 : 36, 72, 64);
            path.cubicTo(88, up ? 36 : 92, 92, up ? 36 : 92, 100, 64);
            p.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        };
        braid(true, QColor(0x7f, 0xd1, 0xb9), 9);
        braid(false, QColor(0xf4, 0xd3, 0x5e), 5);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(24, 64), 11, 11);
        p.drawEllipse(QPointF(104, 64), 11, 11);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ptdispatcher"));
    QApplication::setApplicationName(QStringLiteral("ptdispatcher-gui"));
    QApplication::setApplicationVersion(QStringLiteral(PT_VERSION));
    QApplication::setWindowIcon(appIcon());

    const bool smoke = app.arguments().contains(QStringLiteral("--smoke-test"));
    QTemporaryDir smokeDir;
    if (smoke && !smokeDir.isValid()) return 1;
    QSettings settings = smoke ? QSettings(smokeDir.filePath(QStringLiteral("smoke.ini")), QSettings::IniFormat)
                               : QSettings();
    pt::gui::installTranslations(app, settings);
    pt::gui::MainWindow window(settings);
    if (!smoke) {
        window.showAsConfigured();
        return app.exec();
    }
    window.show();
    const QString import = qEnvironmentVariable("PTGUI_IMPORT");
    if (!import.isEmpty()) {
        QString error;
        if (!window.importText(import, &error)) {
            std::fprintf(stderr, "PTGUI_IMPORT: %s\n", qPrintable(error));
            return 3;
        }
    }
    const auto finish = [&] {
        // PTGUI_SCREENSHOT=file.png: a picture of the window for docs and review.
        const QString shot = qEnvironmentVariable("PTGUI_SCREENSHOT");
        if (!shot.isEmpty() && !window.grab().save(shot)) QCoreApplication::exit(2);
        else if (window.controller().state() == pt::gui::DispatcherController::State::Error) {
            std::fprintf(stderr, "error: %s\n", qPrintable(window.controller().errorText()));
            QCoreApplication::exit(5);
        }
        else QCoreApplication::quit();
    };
    if (qEnvironmentVariableIntValue("PTGUI_AUTOCONNECT") == 1) {
        using S = pt::gui::DispatcherController::State;
        const int settle = qEnvironmentVariableIsSet("PTGUI_SETTLE_MS") ? qEnvironmentVariableIntValue("PTGUI_SETTLE_MS")
                                                                        : 3000;
        QObject::connect(&window.controller(), &pt::gui::DispatcherController::stateChanged, &app,
                         [&, settle](S s) {
                             if (s == S::Running) {
                                 QFile f(qEnvironmentVariable("PTGUI_ADDRESS_FILE"));
                                 if (!f.fileName().isEmpty() && f.open(QIODevice::WriteOnly))
                                     f.write(window.controller().address().toUtf8() + '\n');
                             }
                             if (s == S::Running || s == S::Error) QTimer::singleShot(settle, &app, finish);
                         });
        QTimer::singleShot(0, &app, [&] { window.toggleConnection(); });
        QTimer::singleShot(30000, &app, [] { QCoreApplication::exit(4); }); // never got there
    } else {
        // Once the form is built from the dispatcher's description (or says why not).
        const auto& catalog = window.catalog();
        if (catalog.state() == pt::gui::TransportCatalog::State::Loading) {
            QObject::connect(&catalog, &pt::gui::TransportCatalog::loaded, &app, [&] { QTimer::singleShot(0, &app, finish); });
            QObject::connect(&catalog, &pt::gui::TransportCatalog::failed, &app, [&] { QTimer::singleShot(0, &app, finish); });
        } else {
            QTimer::singleShot(0, &app, finish);
        }
        QTimer::singleShot(30000, &app, [] { QCoreApplication::exit(4); });
    }
    return app.exec();
}
