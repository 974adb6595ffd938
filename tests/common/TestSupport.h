#pragma once

// Helpers for integration and interop tests: a blocking echo server on its own
// threads (independent of any Qt event loop), blocking client sockets with
// timeouts, a minimal SOCKS5 client, and a launcher for the built ptdispatcher
// that collects its IPC lines as a parent would.

#include "shared/ipc/IpcMessage.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <random>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace pt::test {

inline QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray out(n, Qt::Uninitialized);
    std::mt19937 rng(seed);
    auto* p = reinterpret_cast<quint32*>(out.data());
    for (qsizetype i = 0; i < n / 4; ++i)
        p[i] = rng();
    for (qsizetype i = (n / 4) * 4; i < n; ++i)
        out[i] = char(rng());
    return out;
}

// The test's environment without TOR_PT_* (a dispatcher seeing them would switch to
// Tor's managed mode).
inline QProcessEnvironment cleanEnv()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& k : env.keys())
        if (k.startsWith(QLatin1String("TOR_PT_"))) env.remove(k);
    return env;
}

inline QByteArray sha256(const QByteArray& b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256);
}

// A TCP listener on 127.0.0.1:<ephemeral>, one thread per connection. The default
// handler echoes and, on EOF, half-closes back after echoing everything.
class EchoServer
{
public:
    enum class Behaviour
    {
        Echo,
        EchoSlowly,
        CloseImmediately
    };

    explicit EchoServer(Behaviour b = Behaviour::Echo) : m_behaviour(b)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in sin{};
        sin.sin_family = AF_INET;
        sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin);
        ::listen(m_fd, 1024);
        socklen_t len = sizeof sin;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&sin), &len);
        m_port = ntohs(sin.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~EchoServer()
    {
        m_stop = true;
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_acceptor.join();
        std::lock_guard<std::mutex> lock(m_mutex);
        for (int fd : m_conns)
            ::shutdown(fd, SHUT_RDWR);
        for (auto& t : m_threads)
            t.join();
    }
    quint16 port() const { return m_port; }
    int accepted() const { return m_accepted.load(); }

private:
    void acceptLoop()
    {
        while (!m_stop) {
            const int c = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0) {
                if (m_stop) return;
                continue;
            }
            m_accepted.fetch_add(1);
            std::lock_guard<std::mutex> lock(m_mutex);
            m_conns.push_back(c);
            m_threads.emplace_back([this, c] { serve(c); });
        }
    }
    void serve(int c)
    {
        if (m_behaviour == Behaviour::CloseImmediately) {
            ::close(c);
            return;
        }
        std::vector<char> buf(64 * 1024);
        for (;;) {
            const ssize_t n =
                ::recv(c, buf.data(), m_behaviour == Behaviour::EchoSlowly ? 1024 : buf.size(), 0);
            if (n <= 0) break;
            if (m_behaviour == Behaviour::EchoSlowly) ::usleep(2000);
            if (!sendAll(c, buf.data(), n)) {
                ::close(c);
                return;
            }
        }
        ::shutdown(c, SHUT_WR);
        // Wait for the peer to close before releasing the descriptor.
        char tmp[256];
        while (::recv(c, tmp, sizeof tmp, 0) > 0) {
        }
        ::close(c);
    }

    static bool sendAll(int c, const char* p, qint64 n)
    {
        while (n > 0) {
            const ssize_t w = ::send(c, p, size_t(n), MSG_NOSIGNAL);
            if (w <= 0) return false;
            p += w;
            n -= w;
        }
        return true;
    }

    Behaviour m_behaviour;
    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_accepted{0};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<int> m_conns;
    std::vector<std::thread> m_threads;
};

// Blocking client socket with a receive/send timeout.
class Client
{
public:
    Client() = default;
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    ~Client() { close(); }

    bool connectTo(const QString& host, quint16 port, int timeoutMs = 10000)
    {
        close();
        const bool v6 = host.contains(QLatin1Char(':'));
        m_fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        if (v6) {
            sockaddr_in6 sin6{};
            sin6.sin6_family = AF_INET6;
            sin6.sin6_port = htons(port);
            ::inet_pton(AF_INET6, host.toLatin1().constData(), &sin6.sin6_addr);
            return ::connect(m_fd, reinterpret_cast<sockaddr*>(&sin6), sizeof sin6) == 0;
        }
        sockaddr_in sin{};
        sin.sin_family = AF_INET;
        sin.sin_port = htons(port);
        ::inet_pton(AF_INET, host.toLatin1().constData(), &sin.sin_addr);
        return ::connect(m_fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin) == 0;
    }
    bool sendAll(const QByteArray& b)
    {
        qsizetype off = 0;
        while (off < b.size()) {
            const ssize_t n = ::send(m_fd, b.constData() + off, size_t(b.size() - off), MSG_NOSIGNAL);
            if (n <= 0) return false;
            off += n;
        }
        return true;
    }
    // Reads exactly n bytes (or fewer on EOF/timeout/error).
    QByteArray recvExactly(qsizetype n)
    {
        QByteArray out;
        out.reserve(n);
        char buf[65536];
        while (out.size() < n) {
            const ssize_t r = ::recv(m_fd, buf, size_t(qMin<qsizetype>(sizeof buf, n - out.size())), 0);
            if (r <= 0) break;
            out.append(buf, r);
        }
        return out;
    }
    // Reads until EOF (or timeout).
    QByteArray recvAll()
    {
        QByteArray out;
        char buf[65536];
        for (;;) {
            const ssize_t r = ::recv(m_fd, buf, sizeof buf, 0);
            if (r <= 0) break;
            out.append(buf, r);
        }
        return out;
    }
    // True when the peer closed (EOF) within the socket timeout.
    bool waitEof()
    {
        char b;
        return ::recv(m_fd, &b, 1, 0) == 0;
    }
    void shutdownWrite() { ::shutdown(m_fd, SHUT_WR); }
    void close()
    {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
    }
    int fd() const { return m_fd; }

private:
    int m_fd = -1;
};

// SOCKS5 CONNECT with method 0x00 (or 0x09 with a JSON block). Returns the REP
// byte, or -1 on a protocol/transport failure.
inline int socks5Connect(Client& c, const QString& host, quint16 port,
                         const QByteArray& jsonBlock = QByteArray())
{
    const bool json = !jsonBlock.isNull();
    if (!c.sendAll(json ? QByteArray("\x05\x01\x09", 3) : QByteArray("\x05\x01\x00", 3))) return -1;
    const QByteArray sel = c.recvExactly(2);
    if (sel.size() != 2 || sel[0] != 5 || sel[1] != (json ? 9 : 0)) return -1;
    QByteArray req;
    if (json) {
        const quint32 n = quint32(jsonBlock.size());
        req.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
        req.append(jsonBlock);
    }
    req.append("\x05\x01\x00", 3);
    in_addr a4;
    in6_addr a6;
    if (::inet_pton(AF_INET, host.toLatin1().constData(), &a4) == 1) {
        req.append('\x01').append(reinterpret_cast<const char*>(&a4), 4);
    } else if (::inet_pton(AF_INET6, host.toLatin1().constData(), &a6) == 1) {
        req.append('\x04').append(reinterpret_cast<const char*>(&a6), 16);
    } else {
        req.append('\x03').append(char(host.size())).append(host.toLatin1());
    }
    req.append(char(port >> 8)).append(char(port & 0xff));
    if (!c.sendAll(req)) return -1;
    const QByteArray head = c.recvExactly(4);
    if (head.size() != 4 || head[0] != 5) return -1;
    const int rep = quint8(head[1]);
    const int atyp = quint8(head[3]);
    const qsizetype rest = atyp == 1 ? 6 : atyp == 4 ? 18 : -1;
    if (rest < 0 || c.recvExactly(rest).size() != rest) return -1;
    return rep;
}

// A port that was free a moment ago on 127.0.0.1 (for peers that need a number on
// their command line).
inline quint16 freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin);
    socklen_t len = sizeof sin;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&sin), &len);
    ::close(fd);
    return ntohs(sin.sin_port);
}

inline bool waitForPort(quint16 port, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        Client c;
        if (c.connectTo(QStringLiteral("127.0.0.1"), port, 500)) return true;
        QThread::msleep(50);
    }
    return false;
}

inline bool haveProgram(const QString& name)
{
    return !QStandardPaths::findExecutable(name).isEmpty();
}

// A real peer (obfs4proxy, ss-server, microsocks, ...) run for the length of a test
// and killed at the end (SIGTERM, then SIGKILL after a grace period: some peers
// ignore the first SIGTERM right after start-up).
class Peer
{
public:
    ~Peer() { stop(); }
    bool start(const QString& program, const QStringList& args,
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        m_proc.setProgram(program);
        m_proc.setArguments(args);
        m_proc.setProcessEnvironment(env);
        m_proc.setProcessChannelMode(QProcess::MergedChannels);
        m_proc.start();
        return m_proc.waitForStarted(5000);
    }
    QProcess& process() { return m_proc; }
    // Everything the peer said so far (stdout and stderr).
    QByteArray output() { return m_out += m_proc.readAll(); }
    QString outputText() { return QString::fromUtf8(output()); }
    // Waits for an output line starting with prefix (a managed-mode peer's CMETHOD or
    // SMETHOD line, say); returns it trimmed, or an empty string.
    QString waitForLine(const QString& prefix, int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            output();
            qsizetype nl;
            while ((nl = m_out.indexOf('\n', m_scanned)) >= 0) {
                const QString line = QString::fromUtf8(m_out.mid(m_scanned, nl - m_scanned)).trimmed();
                m_scanned = nl + 1;
                if (line.startsWith(prefix)) return line;
            }
            if (t.elapsed() >= timeoutMs || m_proc.state() != QProcess::Running) return {};
            m_proc.waitForReadyRead(100);
        }
    }
    void stop()
    {
        if (m_proc.state() == QProcess::NotRunning) return;
        m_proc.closeWriteChannel();
        m_proc.terminate();
        if (!m_proc.waitForFinished(1500)) {
            m_proc.kill();
            m_proc.waitForFinished(3000);
        }
    }

private:
    QProcess m_proc;
    QByteArray m_out;
    qsizetype m_scanned = 0; // waitForLine has looked at m_out up to here
};

// A ptdispatcher child, launched as a parent would launch it.
class Dispatcher
{
public:
    Dispatcher() { m_proc.setProgram(QStringLiteral(PTDISPATCHER_BIN)); }
    ~Dispatcher() { stop(); }

    QProcess& process() { return m_proc; }

    // Starts and reads stdout until a *DONE line (or the process exits).
    bool start(const QStringList& args,
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
               int timeoutMs = 10000)
    {
        m_proc.setArguments(args);
        m_proc.setProcessEnvironment(env);
        m_proc.start();
        if (!m_proc.waitForStarted(timeoutMs)) return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            while (m_proc.canReadLine()) {
                const QByteArray line = m_proc.readLine();
                m_lines << line.trimmed();
                const ipc::Message m = ipc::parse(line);
                if (m.kind == ipc::Kind::CMethod || m.kind == ipc::Kind::SMethod) m_methods << m;
                if (m.kind == ipc::Kind::CMethodsDone || m.kind == ipc::Kind::SMethodsDone) return true;
            }
            if (m_proc.state() == QProcess::NotRunning) return false;
            m_proc.waitForReadyRead(100);
        }
        return false;
    }
    // References, not copies: `for (x : d.methods().first().args)` must not dangle.
    const QList<QByteArray>& lines() const { return m_lines; }
    const QList<ipc::Message>& methods() const { return m_methods; }
    // host and port of the first CMETHOD/SMETHOD
    QString host() const { return m_methods.isEmpty() ? QString() : splitHost(m_methods.first().address); }
    quint16 port() const { return m_methods.isEmpty() ? 0 : splitPort(m_methods.first().address); }
    QString address() const { return m_methods.isEmpty() ? QString() : m_methods.first().address; }

    static QString splitHost(const QString& addr)
    {
        const int colon = addr.lastIndexOf(QLatin1Char(':'));
        QString h = addr.left(colon);
        if (h.startsWith(QLatin1Char('['))) h = h.mid(1, h.size() - 2);
        return h;
    }
    static quint16 splitPort(const QString& addr)
    {
        return quint16(addr.mid(addr.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
    }

    void stop()
    {
        if (m_proc.state() == QProcess::NotRunning) return;
        m_proc.terminate();
        if (!m_proc.waitForFinished(5000)) {
            m_proc.kill();
            m_proc.waitForFinished(5000);
        }
    }

private:
    QProcess m_proc;
    QList<QByteArray> m_lines;
    QList<ipc::Message> m_methods;
};

} // namespace pt::test
