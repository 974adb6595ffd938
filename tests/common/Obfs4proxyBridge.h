#pragma once

// A real obfs4 bridge for tests that need one working end to end: Debian's obfs4proxy
// in managed server mode (the TOR_PT_* environment tor gives it) on 127.0.0.1, in front
// of a target the test chooses, plus the bridge line a user would paste. Qt only (no
// POSIX calls), so GUI suites built for Windows can use it too.
//   Obfs4proxyBridge b;
//   QVERIFY2(b.start(echoPort), qPrintable(b.error));
//   b.bridgeLine()   "obfs4 127.0.0.1:PORT <fingerprint> cert=... iat-mode=0"
// obfs4proxy missing is a failure (start() says so), never a skip.

#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace pt::test {

class Obfs4proxyBridge
{
public:
    // Where obfs4proxy is: OBFS4PROXY from the environment, else Debian's path.
    static QString program()
    {
        const QString env = qEnvironmentVariable("OBFS4PROXY");
        return env.isEmpty() ? QStringLiteral("/usr/bin/obfs4proxy") : env;
    }

    ~Obfs4proxyBridge() { stop(); }

    // Starts obfs4proxy forwarding to 127.0.0.1:targetPort; false (and error) when it
    // does not report its SMETHOD within timeoutMs.
    bool start(quint16 targetPort, int iatMode = 0, int timeoutMs = 15000)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TOR_PT_MANAGED_TRANSPORT_VER"), QStringLiteral("1"));
        env.insert(QStringLiteral("TOR_PT_SERVER_TRANSPORTS"), QStringLiteral("obfs4"));
        env.insert(QStringLiteral("TOR_PT_SERVER_BINDADDR"), QStringLiteral("obfs4-127.0.0.1:0"));
        env.insert(QStringLiteral("TOR_PT_ORPORT"), QStringLiteral("127.0.0.1:%1").arg(targetPort));
        env.insert(QStringLiteral("TOR_PT_STATE_LOCATION"), m_state.path());
        env.insert(QStringLiteral("TOR_PT_SERVER_TRANSPORT_OPTIONS"),
                   QStringLiteral("obfs4:iat-mode=%1").arg(iatMode));
        env.insert(QStringLiteral("TOR_PT_EXIT_ON_STDIN_CLOSE"), QStringLiteral("1"));
        m_proc.setProcessEnvironment(env);
        m_proc.setProcessChannelMode(QProcess::MergedChannels);
        m_proc.start(program(), {});
        if (!m_proc.waitForStarted(5000)) {
            error = QStringLiteral("cannot start %1 (apt-get install obfs4proxy): %2")
                        .arg(program(), m_proc.errorString());
            return false;
        }
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            out += m_proc.readAll();
            for (const QByteArray& raw : out.split('\n')) {
                const QString line = QString::fromUtf8(raw).trimmed();
                if (!line.startsWith(QLatin1String("SMETHOD obfs4 "))) continue;
                // SMETHOD obfs4 127.0.0.1:PORT ARGS:cert=...,iat-mode=0
                const QStringList parts = line.split(QLatin1Char(' '));
                m_address = parts.value(2);
                for (const QString& kv : parts.value(3).mid(5).split(QLatin1Char(',')))
                    if (kv.startsWith(QLatin1String("cert="))) m_cert = kv.mid(5);
                m_iatMode = iatMode;
                if (!m_cert.isEmpty() && m_address.contains(QLatin1Char(':'))) return true;
            }
            if (m_proc.state() != QProcess::Running) break;
            m_proc.waitForReadyRead(100);
        }
        error = QStringLiteral("obfs4proxy gave no SMETHOD line: ") + QString::fromUtf8(out);
        return false;
    }

    void stop()
    {
        if (m_proc.state() == QProcess::NotRunning) return;
        m_proc.closeWriteChannel();
        m_proc.terminate();
        // obfs4proxy may ignore the first SIGTERM right after start-up.
        if (!m_proc.waitForFinished(1500)) {
            m_proc.kill();
            m_proc.waitForFinished(3000);
        }
    }

    QString address() const { return m_address; } // "127.0.0.1:PORT"
    QString cert() const { return m_cert; }
    quint16 port() const
    {
        return quint16(m_address.mid(m_address.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
    }
    // The line a bridge operator hands out (the fingerprint is a placeholder: obfs4
    // authenticates with the cert; the fingerprint is tor's business).
    QString bridgeLine(const QString& cert = {}) const
    {
        return QStringLiteral("obfs4 %1 0123456789ABCDEF0123456789ABCDEF01234567 cert=%2 iat-mode=%3")
            .arg(m_address, cert.isEmpty() ? m_cert : cert)
            .arg(m_iatMode);
    }

    QString error;

private:
    QProcess m_proc;
    QTemporaryDir m_state;
    QString m_address;
    QString m_cert;
    int m_iatMode = 0;
};

} // namespace pt::test
