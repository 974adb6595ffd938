// ptdispatcher-gui: a desktop front end that runs the ptdispatcher binary as a child.
//   --minimized        only the tray icon (when the desktop has a tray), not the window
//   --connect          connect the profile used last (what the login entry passes)
//   --import LINE      add a profile from a bridge line or ss:// link and select it
//                      (with --connect: connect it); a bad line is an error, exit 2
//   --settings PATH    profiles and settings in this INI file instead of the user's
//                      (also PTGUI_SETTINGS=PATH); tests and portable setups use it
//   PTGUI_STATUS_FILE=file   appends one line per status change ("link=Connected
//                      state=Running address=127.0.0.1:port text=...") and one per
//                      STATUS line ("traffic up=N down=N connections=N samples=N");
//                      tests of the real binary follow the window through it.
// SIGTERM, SIGINT and SIGHUP quit the orderly way: disconnect, system proxy put back.
// Killed (SIGKILL, a crash), the guard below puts the system proxy back instead.
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
//   PTGUI_LANG=fa                                 picks the language (any run);
//   PTGUI_TEST_ALL=1                             tests every profile first (Test all);
//   PTGUI_SYSTEM_PROXY=1                         turns Use as system proxy on (only
//                                                with a throwaway desktop configuration).
#include "Language.h"
#include "MainWindow.h"
#include "core/SystemProxy.h"
#include "platform/QuitSignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaEnum>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {
// The desktop theme's icon where there is one (Linux: the .deb installs it); else
// (Windows, macOS: no icon theme) installer/ptdispatcher.svg's picture drawn here, so
// the window and the tray icon are never blank.
QIcon appIcon()
{
    QIcon icon = QIcon::fromTheme(QStringLiteral("ptdispatcher"));
    if (!icon.isNull()) return icon;
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

// --guard-system-proxy JOURNAL: the helper the window starts once it has set the system
// proxy (no window, no display needed). It reads its stdin, a pipe from the window, until
// end of file, which comes when the window's process ends however it ends (killed,
// crashed, out of memory); then it plays the journal back if one is still there. An
// orderly end has removed the journal already, and the guard does nothing.
int guardSystemProxy(int argc, char** argv)
{
    QCoreApplication core(argc, argv); // SystemProxy runs the desktop's tools (QProcess)
    char buf[256];
    while (std::fread(buf, 1, sizeof buf, stdin) > 0) {
    }
    pt::gui::SystemProxy proxy(QString::fromLocal8Bit(argv[2]));
    if (!proxy.hasJournal()) return 0;
    QString error;
    if (proxy.restore(&error)) return 0;
    std::fprintf(stderr, "ptdispatcher-gui: cannot restore the system proxy: %s\n", qPrintable(error));
    return 1;
}

int main(int argc, char** argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--guard-system-proxy") == 0) return guardSystemProxy(argc, argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ptdispatcher"));
    QApplication::setApplicationName(QStringLiteral("ptdispatcher-gui"));
    QApplication::setApplicationVersion(QStringLiteral(PT_VERSION));
    QApplication::setWindowIcon(appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pluggable Transports dispatcher GUI"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption smokeOption(
        QStringLiteral("smoke-test"),
        QStringLiteral("Open the window, wait for the transports, exit (tests)."));
    const QCommandLineOption minimizedOption(
        QStringLiteral("minimized"), QStringLiteral("Start in the tray only (where there is a tray)."));
    const QCommandLineOption connectOption(QStringLiteral("connect"),
                                           QStringLiteral("Connect the profile used last."));
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
                                            QStringLiteral("Keep profiles and settings in this INI file."),
                                            QStringLiteral("path"));
    const QCommandLineOption importOption(QStringLiteral("import"),
                                          QStringLiteral("Add a profile from a bridge line or ss:// link."),
                                          QStringLiteral("line"));
    parser.addOptions({smokeOption, minimizedOption, connectOption, settingsOption, importOption});
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "ptdispatcher-gui: %s\n%s", qPrintable(parser.errorText()),
                     qPrintable(parser.helpText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::fprintf(stdout, "ptdispatcher-gui %s\n", PT_VERSION);
        return 0;
    }

    const bool smoke = parser.isSet(smokeOption);
    QString settingsPath = parser.value(settingsOption);
    if (settingsPath.isEmpty()) settingsPath = qEnvironmentVariable("PTGUI_SETTINGS");
    QTemporaryDir smokeDir;
    if (smoke && !smokeDir.isValid()) return 1;
    pt::gui::MainWindow::Options options;
    options.guardProgram = QCoreApplication::applicationFilePath();
    if (smoke) {
        settingsPath = smokeDir.filePath(QStringLiteral("smoke.ini"));
        // A smoke run never touches the user's system proxy journal.
        options.journalPath = smokeDir.filePath(QStringLiteral("system-proxy-journal.json"));
    } else if (!settingsPath.isEmpty()) {
        settingsPath = QFileInfo(settingsPath).absoluteFilePath();
        if (!QFileInfo(settingsPath).absoluteDir().exists()) {
            std::fprintf(stderr, "ptdispatcher-gui: --settings %s: no such directory\n",
                         qPrintable(settingsPath));
            return 2;
        }
        // Started at login, it must read the same file.
        options.autostartExtraArgs = {QStringLiteral("--settings"), settingsPath};
    }
    QSettings settings = settingsPath.isEmpty() ? QSettings() : QSettings(settingsPath, QSettings::IniFormat);
    if (smoke) // the system proxy only when a script asks for it (with a throwaway desktop config)
        settings.setValue(QLatin1String(pt::gui::settingsKey::kSystemProxy),
                          qEnvironmentVariableIntValue("PTGUI_SYSTEM_PROXY") == 1);
    pt::gui::installTranslations(app, settings);
    pt::gui::MainWindow window(settings, options);
    // However the event loop ends, our port is not left as the desktop's proxy.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &window,
                     [&window] { window.restoreSystemProxy(); });
    QObject::connect(&window, &pt::gui::MainWindow::quitFinished, &app, &QCoreApplication::quit);
    pt::gui::installQuitSignals([&window] { window.quit(); });

    const QString statusFile = qEnvironmentVariable("PTGUI_STATUS_FILE");
    if (!statusFile.isEmpty()) {
        QObject::connect(
            &window, &pt::gui::MainWindow::statusChanged, &window,
            [&window, statusFile](const QString& text) {
                QFile f(statusFile);
                if (!f.open(QIODevice::WriteOnly | QIODevice::Append)) return;
                auto& c = window.controller();
                const QString line =
                    QStringLiteral("link=%1 state=%2 address=%3 text=%4\n")
                        .arg(QString::fromLatin1(
                                 QMetaEnum::fromType<pt::gui::DispatcherController::Link>().valueToKey(
                                     int(c.link()))),
                             QString::fromLatin1(
                                 QMetaEnum::fromType<pt::gui::DispatcherController::State>().valueToKey(
                                     int(c.state()))),
                             c.state() == pt::gui::DispatcherController::State::Running ? c.address()
                                                                                        : QStringLiteral("-"),
                             QString(text).replace(QLatin1Char('\n'), QLatin1Char(' ')));
                f.write(line.toUtf8());
            });
        // What the traffic counters and graph show, after each STATUS line.
        QObject::connect(&window.controller(), &pt::gui::DispatcherController::statusReceived, &window,
                         [&window, statusFile] {
                             QFile f(statusFile);
                             if (!f.open(QIODevice::WriteOnly | QIODevice::Append)) return;
                             const auto& t = window.traffic();
                             f.write(QStringLiteral("traffic up=%1 down=%2 connections=%3 samples=%4\n")
                                         .arg(t.totalUp())
                                         .arg(t.totalDown())
                                         .arg(t.connections())
                                         .arg(t.history().size())
                                         .toUtf8());
                         });
    }

    if (!smoke) {
        if (parser.isSet(importOption)) {
            QString error;
            if (!window.importText(parser.value(importOption), &error)) {
                std::fprintf(stderr, "ptdispatcher-gui: --import: %s\n", qPrintable(error));
                return 2;
            }
            window.rememberSelectedAsLastUsed();
        }
        window.showAsConfigured(parser.isSet(minimizedOption));
        if (parser.isSet(connectOption) ||
            settings.value(QLatin1String(pt::gui::settingsKey::kConnectOnStart), false).toBool())
            QTimer::singleShot(0, &window, [&window] { window.connectLastUsed(); });
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
    // PTGUI_TEST_ALL=1: every profile tested at start (the latency column).
    if (qEnvironmentVariableIntValue("PTGUI_TEST_ALL") == 1)
        if (auto* testAll = window.findChild<QPushButton*>(QStringLiteral("testAllButton"))) testAll->click();
    const auto finish = [&] {
        // PTGUI_SCREENSHOT=file.png: a picture of the window for docs and review.
        const QString shot = qEnvironmentVariable("PTGUI_SCREENSHOT");
        if (!shot.isEmpty() && !window.grab().save(shot))
            QCoreApplication::exit(2);
        else if (window.controller().state() == pt::gui::DispatcherController::State::Error) {
            std::fprintf(stderr, "error: %s\n", qPrintable(window.controller().errorText()));
            QCoreApplication::exit(5);
        } else
            QCoreApplication::quit();
    };
    if (qEnvironmentVariableIntValue("PTGUI_AUTOCONNECT") == 1) {
        using S = pt::gui::DispatcherController::State;
        const int settle = qEnvironmentVariableIsSet("PTGUI_SETTLE_MS")
                               ? qEnvironmentVariableIntValue("PTGUI_SETTLE_MS")
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
            QObject::connect(&catalog, &pt::gui::TransportCatalog::loaded, &app,
                             [&] { QTimer::singleShot(0, &app, finish); });
            QObject::connect(&catalog, &pt::gui::TransportCatalog::failed, &app,
                             [&] { QTimer::singleShot(0, &app, finish); });
        } else {
            QTimer::singleShot(0, &app, finish);
        }
        QTimer::singleShot(30000, &app, [] { QCoreApplication::exit(4); });
    }
    return app.exec();
}
