#include "dispatcher/transports/Transport.h"

#include "dispatcher/crypto/Random.h"

#include <sodium.h>

#include <QDateTime>
#include <QElapsedTimer>

namespace pt {

namespace {

class SystemEnv final : public SessionEnv
{
public:
    SystemEnv()
    {
        if (sodium_init() < 0) qFatal("libsodium failed to initialise");
        m_clock.start();
    }
    void randomBytes(void* out, size_t len) override { crypto::randomBytes(out, len); }
    uint32_t randomUniform(uint32_t upperExclusive) override { return crypto::randomUniform(upperExclusive); }
    int64_t nowMs() override { return m_clock.elapsed(); }
    int64_t unixTime() override { return QDateTime::currentSecsSinceEpoch(); }

private:
    QElapsedTimer m_clock; // QElapsedTimer::elapsed() is const and thread-safe to read
};
} // namespace

SessionEnv& SessionEnv::system()
{
    static SystemEnv env;
    return env;
}

} // namespace pt
