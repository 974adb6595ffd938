#pragma once

// Helpers shared by the GUI suites that drive the real window (tst_gui_window,
// tst_gui_connect, tst_gui_app): settings files of their own, our own server-side
// dispatcher as a bridge, a way to act on modal dialogs, and GuiNet.h's echo server and
// SOCKS round trip under the names these suites use.
// Qt only: these suites are built for Windows too.

#include "GuiNet.h"
#include "MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

namespace pt::gui::test {

// Runs f on the next modal dialog once it is up (dialogs run their own event loop
// inside the click that opens them, so the test acts from a timer).
inline void whenModal(const std::function<void(QWidget*)>& f)
{
    QTimer::singleShot(20, qApp, [f] {
        if (QWidget* m = QApplication::activeModalWidget())
            f(m);
        else
            whenModal(f);
    });
}

// A settings file of its own, in a temporary directory, holding `profiles`.
struct SavedProfiles
{
    explicit SavedProfiles(const QList<Profile>& profiles)
        : settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat)
    {
        ProfileStore(settings).save(profiles);
        // Never the real desktop's proxy from a test that is not about it.
        settings.setValue(QLatin1String(settingsKey::kSystemProxy), false);
    }
    QTemporaryDir dir;
    QSettings settings;
};

// An echo server on 127.0.0.1 on the test's thread (GuiNet.h).
using EchoServer = pt::guitest::QtEchoServer;

// A server-side ptdispatcher (the bridge), its SMETHOD port read from stdout.
struct Bridge
{
    QProcess process;
    quint16 port = 0;
    QTemporaryDir state;

    bool start(const QString& transport, const QString& options, quint16 target)
    {
        process.start(QStringLiteral(PTDISPATCHER_BIN),
                      {"-server", "-transports", transport, "-bindaddr", transport + "-127.0.0.1:0",
                       "-target", QStringLiteral("127.0.0.1:%1").arg(target), "-options", options, "-state",
                       state.path(), "-exit-on-stdin-close"});
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000 && !out.contains("SMETHODS DONE")) {
            if (!process.waitForReadyRead(200) && process.state() != QProcess::Running) break;
            out += process.readAllStandardOutput();
        }
        for (const QByteArray& line : out.split('\n')) {
            if (line.startsWith(QByteArray("SMETHOD " + transport.toUtf8() + " ")))
                port = quint16(line.split(' ').at(2).split(':').last().toUInt());
        }
        if (!port)
            qWarning("bridge did not start: %s %s", out.constData(),
                     process.readAllStandardError().constData());
        return port != 0;
    }
    ~Bridge()
    {
        process.closeWriteChannel();
        if (!process.waitForFinished(5000)) process.kill();
        process.waitForFinished();
    }
};

// Through the GUI's SOCKS address: CONNECT to a placeholder (the transport picks its
// own server), send payload, return what comes back (GuiNet.h's round trip).
inline QByteArray socksRoundTrip(const QString& address, const QByteArray& payload)
{
    return pt::guitest::socksEcho(address, 443, payload);
}

inline void click(QWidget& w, const char* name)
{
    w.findChild<QPushButton*>(QString::fromLatin1(name))->click();
}

} // namespace pt::gui::test
