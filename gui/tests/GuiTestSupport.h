#pragma once

// Helpers shared by the GUI suites that drive the real window (tst_gui_window,
// tst_gui_connect, tst_gui_sysproxy): settings files of their own, an echo server on
// the test's thread, our own server-side dispatcher as a bridge, a SOCKS round trip
// through the address the window shows, and a way to act on modal dialogs.
// Qt only: these suites are built for Windows too.

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
inline void whenModal(std::function<void(QWidget*)> f)
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

// An echo server on 127.0.0.1 (the target behind a server-side dispatcher).
class EchoServer : public QTcpServer
{
public:
    EchoServer()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

// A server-side ptdispatcher (the bridge), its SMETHOD port read from stdout.
struct Bridge
{
    QProcess process;
    quint16 port = 0;
    QTemporaryDir state;

    bool start(const QString& transport, const QString& options, quint16 target)
    {
        process.start(QStringLiteral(PTDISPATCHER_BIN),
                      {"-server", "-transports", transport, "-bindaddr", transport + "-127.0.0.1:0", "-target",
                       QStringLiteral("127.0.0.1:%1").arg(target), "-options", options, "-state", state.path(),
                       "-exit-on-stdin-close"});
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
        if (!port) qWarning("bridge did not start: %s %s", out.constData(), process.readAllStandardError().constData());
        return port != 0;
    }
    ~Bridge()
    {
        process.closeWriteChannel();
        if (!process.waitForFinished(5000)) process.kill();
        process.waitForFinished();
    }
};

// Reads until `in` holds n bytes, running the event loop (the echo server lives on this
// thread), or until the time is up.
inline void readUntil(QTcpSocket& s, QByteArray& in, qsizetype n, int ms)
{
    QElapsedTimer t;
    t.start();
    while (in.size() < n && t.elapsed() < ms && s.state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(5);
        in += s.readAll();
    }
    in += s.readAll();
}

// Through the GUI's SOCKS address: CONNECT to a placeholder (the transport picks its
// own server), send payload, return what comes back.
inline QByteArray socksRoundTrip(const QString& address, const QByteArray& payload)
{
    QTcpSocket s;
    const int colon = int(address.lastIndexOf(QLatin1Char(':')));
    s.connectToHost(address.left(colon), quint16(address.mid(colon + 1).toUInt()));
    for (int i = 0; i < 1000 && s.state() != QAbstractSocket::ConnectedState; ++i)
        QTest::qWait(5);
    s.write(QByteArray("\x05\x01\x00", 3));
    QByteArray in;
    readUntil(s, in, 2, 5000);
    if (in != QByteArray("\x05\x00", 2)) return "method reply " + in.toHex();
    s.write(QByteArray("\x05\x01\x00\x01\xc0\x00\x02\x05\x01\xbb", 10)); // 192.0.2.5:443
    in.clear();
    readUntil(s, in, 10, 15000);
    if (in.size() < 10 || in.at(1) != 0) return "connect reply " + in.toHex();
    in.remove(0, 10);
    s.write(payload);
    readUntil(s, in, payload.size(), 20000);
    return in;
}


inline void click(QWidget& w, const char* name)
{
    w.findChild<QPushButton*>(QString::fromLatin1(name))->click();
}

} // namespace pt::gui::test
