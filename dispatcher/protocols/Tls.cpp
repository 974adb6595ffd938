#include "dispatcher/protocols/Tls.h"

#include <QFile>
#include <QHostAddress>
#include <QUrl>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <climits>

namespace pt::tls {

namespace {

// OpenSSL's error queue is per thread and shared by every connection on it:
// start each call with an empty queue and leave nothing behind.
struct ErrorQueueScope
{
    ErrorQueueScope() { ERR_clear_error(); }
    ~ErrorQueueScope() { ERR_clear_error(); }
    ErrorQueueScope(const ErrorQueueScope&) = delete;
    ErrorQueueScope& operator=(const ErrorQueueScope&) = delete;
};

struct CtxFree
{
    void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
using CtxPtr = std::unique_ptr<SSL_CTX, CtxFree>;

struct BioFree
{
    void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

// The earliest queued OpenSSL error as a reason phrase ("wrong version number").
QString queuedReason(const QString& fallback)
{
    const unsigned long e = ERR_peek_error();
    const char* reason = e ? ERR_reason_error_string(e) : nullptr;
    ERR_clear_error();
    return reason ? QString::fromLatin1(reason) : fallback;
}

void setError(QString* error, const QString& why)
{
    if (error) *error = why;
}

QByteArray sha256(const QByteArray& in)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(in.constData(), size_t(in.size()), out, &len, EVP_sha256(), nullptr) != 1)
        return QByteArray();
    return QByteArray(reinterpret_cast<const char*>(out), int(len));
}

QString withoutBrackets(const QString& host)
{
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        return host.mid(1, host.size() - 2);
    return host;
}

bool isIpLiteral(const QString& host)
{
    QHostAddress a;
    return a.setAddress(host);
}

// Both context kinds: TLS 1.2+, no renegotiation (a TLS 1.2 peer could otherwise make
// us run handshakes without end), no session cache (each engine stands alone),
// SSL_write may take part of a buffer and be retried with a moved one.
bool configureCommon(SSL_CTX* ctx)
{
    if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1) return false;
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    return true;
}

// An encrypted key must fail, not prompt on the terminal (OpenSSL's default).
int noPassphrase(char*, int, int, void*)
{
    return 0;
}

std::optional<QByteArray> readFile(const QString& path, const QString& what, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("cannot read %1 %2: %3").arg(what, path, f.errorString()));
        return std::nullopt;
    }
    return f.readAll();
}

} // namespace

QByteArray certChainHash(const QByteArrayList& derChain)
{
    QByteArray h;
    for (const QByteArray& der : derChain)
        h = h.isNull() ? sha256(der) : sha256(h + sha256(der));
    return h;
}

std::optional<QByteArray> parsePin(const QString& base64, QString* error)
{
    const QByteArray text = base64.toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    // 32 bytes are 44 characters with padding, as Go's StdEncoding writes them.
    if (!decoded || decoded.decoded.size() != kPinLen || text.size() != 44 || text.contains('-') ||
        text.contains('_')) {
        setError(error, QStringLiteral("certificate pin must be the base64 of 32 bytes (SHA-256)"));
        return std::nullopt;
    }
    return decoded.decoded;
}

// ---- Context ----

Context::~Context()
{
    SSL_CTX_free(m_ctx);
}

std::shared_ptr<const Context> Context::client(const ClientOptions& options, QString* error)
{
    const ErrorQueueScope errors;
    CtxPtr ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx || !configureCommon(ctx.get())) {
        setError(error,
                 QStringLiteral("TLS client context: %1").arg(queuedReason(QStringLiteral("out of memory"))));
        return nullptr;
    }
    // Reads SSL_CERT_FILE / SSL_CERT_DIR now, else the system's store.
    if (SSL_CTX_set_default_verify_paths(ctx.get()) != 1) {
        setError(error, QStringLiteral("cannot load the default trust store: %1")
                            .arg(queuedReason(QStringLiteral("unknown error"))));
        return nullptr;
    }
    if (!options.caFile.isEmpty()) {
        const auto pem = readFile(options.caFile, QStringLiteral("CA file"), error);
        if (!pem) return nullptr;
        BioPtr bio(BIO_new_mem_buf(pem->constData(), int(pem->size())));
        X509_STORE* store = SSL_CTX_get_cert_store(ctx.get());
        int added = 0;
        while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr)) {
            const bool ok = X509_STORE_add_cert(store, cert) == 1;
            X509_free(cert);
            if (!ok) {
                setError(error,
                         QStringLiteral("CA file %1: %2")
                             .arg(options.caFile, queuedReason(QStringLiteral("cannot add a certificate"))));
                return nullptr;
            }
            ++added;
        }
        ERR_clear_error(); // the loop ends on "no start line"
        if (added == 0) {
            setError(error, QStringLiteral("CA file %1 holds no PEM certificate").arg(options.caFile));
            return nullptr;
        }
    }
    if (!options.alpn.isEmpty()) {
        QByteArray wire;
        for (const QByteArray& proto : options.alpn) {
            if (proto.isEmpty() || proto.size() > 255) {
                setError(error, QStringLiteral("ALPN protocol names must be 1 to 255 bytes"));
                return nullptr;
            }
            wire += char(proto.size());
            wire += proto;
        }
        // Returns 0 on success (unlike the rest of OpenSSL).
        if (SSL_CTX_set_alpn_protos(ctx.get(), reinterpret_cast<const unsigned char*>(wire.constData()),
                                    unsigned(wire.size())) != 0) {
            setError(error, QStringLiteral("cannot set ALPN protocols"));
            return nullptr;
        }
    }
    SSL_CTX_set_verify(ctx.get(), options.verifyPeer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nullptr);
    // Lets a pinned engine replace chain verification (Engine::verifyChain).
    SSL_CTX_set_cert_verify_callback(ctx.get(), &Engine::verifyChain, nullptr);
    return std::shared_ptr<const Context>(new Context(ctx.release(), false));
}

std::shared_ptr<const Context> Context::server(const QString& certPemFile, const QString& keyPemFile,
                                               QString* error)
{
    const auto cert = readFile(certPemFile, QStringLiteral("certificate"), error);
    if (!cert) return nullptr;
    const auto key = readFile(keyPemFile, QStringLiteral("private key"), error);
    if (!key) return nullptr;
    return server(*cert, *key, error);
}

std::shared_ptr<const Context> Context::server(const QByteArray& certChainPem, const QByteArray& keyPem,
                                               QString* error)
{
    const ErrorQueueScope errors;
    CtxPtr ctx(SSL_CTX_new(TLS_server_method()));
    if (!ctx || !configureCommon(ctx.get())) {
        setError(error,
                 QStringLiteral("TLS server context: %1").arg(queuedReason(QStringLiteral("out of memory"))));
        return nullptr;
    }
    SSL_CTX_set_options(ctx.get(), SSL_OP_CIPHER_SERVER_PREFERENCE);
    // No resumption (no cache), so TLS 1.3 tickets would be bytes for nothing.
    SSL_CTX_set_num_tickets(ctx.get(), 0);

    BioPtr certBio(BIO_new_mem_buf(certChainPem.constData(), int(certChainPem.size())));
    X509* leaf = PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr);
    if (!leaf) {
        setError(error, QStringLiteral("no PEM certificate in the server certificate"));
        return nullptr;
    }
    const bool leafOk = SSL_CTX_use_certificate(ctx.get(), leaf) == 1;
    X509_free(leaf);
    if (!leafOk) {
        setError(error,
                 QStringLiteral("server certificate: %1").arg(queuedReason(QStringLiteral("unusable"))));
        return nullptr;
    }
    while (X509* extra = PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr)) {
        if (SSL_CTX_add0_chain_cert(ctx.get(), extra) != 1) { // takes ownership on success only
            X509_free(extra);
            setError(
                error,
                QStringLiteral("server certificate chain: %1").arg(queuedReason(QStringLiteral("unusable"))));
            return nullptr;
        }
    }
    ERR_clear_error(); // the loop ends on "no start line"

    BioPtr keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr);
    if (!key) {
        setError(error, QStringLiteral("server private key: %1")
                            .arg(queuedReason(QStringLiteral("no unencrypted PEM key"))));
        return nullptr;
    }
    const bool keyOk = SSL_CTX_use_PrivateKey(ctx.get(), key) == 1;
    EVP_PKEY_free(key);
    if (!keyOk || SSL_CTX_check_private_key(ctx.get()) != 1) {
        setError(error, QStringLiteral("server private key: %1")
                            .arg(queuedReason(QStringLiteral("does not match the certificate"))));
        return nullptr;
    }
    return std::shared_ptr<const Context>(new Context(ctx.release(), true));
}

// ---- Engine ----

Engine::Engine(std::shared_ptr<const Context> context, bool isClient)
    : m_context(std::move(context)), m_isClient(isClient)
{
    if (!m_context) {
        fail(QStringLiteral("no TLS context"));
        return;
    }
    if (m_context->isServer() == isClient) {
        fail(isClient ? QStringLiteral("a client engine needs a client context")
                      : QStringLiteral("a server engine needs a server context"));
        return;
    }
    m_ssl = SSL_new(m_context->native());
    m_rbio = BIO_new(BIO_s_mem());
    m_wbio = BIO_new(BIO_s_mem());
    if (!m_ssl || !m_rbio || !m_wbio) {
        BIO_free(m_rbio);
        BIO_free(m_wbio);
        m_rbio = m_wbio = nullptr;
        fail(QStringLiteral("TLS: out of memory"));
        return;
    }
    // An empty read BIO means "wait for more", not EOF (until feedWireEof()).
    BIO_set_mem_eof_return(m_rbio, -1);
    SSL_set_bio(m_ssl, m_rbio, m_wbio);
    SSL_set_app_data(m_ssl, this);
    if (isClient)
        SSL_set_connect_state(m_ssl);
    else
        SSL_set_accept_state(m_ssl);
}

Engine::~Engine()
{
    const ErrorQueueScope errors;
    SSL_free(m_ssl); // frees both BIOs
}

std::unique_ptr<Engine> Engine::client(std::shared_ptr<const Context> context, const QString& sni,
                                       const QString& verifyHost, const QByteArray& pinSha256)
{
    const ErrorQueueScope errors;
    std::unique_ptr<Engine> e(new Engine(std::move(context), true));
    if (e->failed()) return e;
    if (!pinSha256.isEmpty() && pinSha256.size() != kPinLen) {
        e->fail(QStringLiteral("certificate pin must be 32 bytes (SHA-256)"));
        return e;
    }
    e->m_pin = pinSha256;

    const QString sniHost = withoutBrackets(sni);
    if (!sniHost.isEmpty() && !isIpLiteral(sniHost)) {
        const QByteArray ace = QUrl::toAce(sniHost);
        if (ace.isEmpty() || SSL_set_tlsext_host_name(e->m_ssl, ace.constData()) != 1) {
            e->fail(QStringLiteral("invalid TLS server name %1").arg(sni));
            return e;
        }
    }

    if (!e->m_pin.isEmpty()) {
        // The pin decides, whatever the context's verifyPeer says.
        SSL_set_verify(e->m_ssl, SSL_VERIFY_PEER, nullptr);
        return e;
    }
    if (!(SSL_get_verify_mode(e->m_ssl) & SSL_VERIFY_PEER)) return e;
    const QString host = withoutBrackets(verifyHost.isEmpty() ? sni : verifyHost);
    if (host.isEmpty()) {
        e->fail(QStringLiteral("no host name to verify the server certificate against"));
        return e;
    }
    bool ok;
    if (isIpLiteral(host)) {
        ok = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(e->m_ssl), host.toLatin1().constData()) == 1;
    } else {
        const QByteArray ace = QUrl::toAce(host);
        SSL_set_hostflags(e->m_ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        ok = !ace.isEmpty() && SSL_set1_host(e->m_ssl, ace.constData()) == 1;
    }
    if (!ok) e->fail(QStringLiteral("invalid host name to verify: %1").arg(host));
    return e;
}

std::unique_ptr<Engine> Engine::server(std::shared_ptr<const Context> context)
{
    const ErrorQueueScope errors;
    return std::unique_ptr<Engine>(new Engine(std::move(context), false));
}

int Engine::verifyChain(X509_STORE_CTX* store, void*)
{
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto* engine = ssl ? static_cast<Engine*>(SSL_get_app_data(ssl)) : nullptr;
    if (engine && !engine->m_pin.isEmpty()) return engine->checkPinnedChain(store) ? 1 : 0;
    return X509_verify_cert(store);
}

bool Engine::checkPinnedChain(X509_STORE_CTX* store)
{
    // The certificates exactly as the server sent them, leaf first.
    QByteArrayList chain;
    STACK_OF(X509)* sent = X509_STORE_CTX_get0_untrusted(store);
    for (int i = 0; sent && i < sk_X509_num(sent); ++i) {
        X509* cert = sk_X509_value(sent, i);
        const int len = i2d_X509(cert, nullptr);
        if (len <= 0) break;
        QByteArray der(len, Qt::Uninitialized);
        auto* p = reinterpret_cast<unsigned char*>(der.data());
        i2d_X509(cert, &p);
        chain << der;
    }
    const QByteArray hash = certChainHash(chain);
    if (hash.size() == kPinLen && CRYPTO_memcmp(hash.constData(), m_pin.constData(), kPinLen) == 0)
        return true;
    m_pinMismatch = true;
    X509_STORE_CTX_set_error(store, X509_V_ERR_APPLICATION_VERIFICATION);
    return false;
}

void Engine::fail(const QString& why)
{
    if (m_error.isEmpty()) m_error = why;
}

void Engine::failFromSsl(int sslError)
{
    if (m_pinMismatch) {
        fail(QStringLiteral("certificate pin mismatch"));
        ERR_clear_error();
        return;
    }
    const unsigned long e = ERR_peek_error();
    if (e && ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_CERTIFICATE_VERIFY_FAILED) {
        const long v = SSL_get_verify_result(m_ssl);
        fail(QStringLiteral("certificate verify failed: %1")
                 .arg(QString::fromLatin1(X509_verify_cert_error_string(v))));
        ERR_clear_error();
        return;
    }
    const QString fallback = sslError == SSL_ERROR_SYSCALL ? QStringLiteral("unexpected end of the stream")
                                                           : QStringLiteral("error %1").arg(sslError);
    fail(QStringLiteral("TLS: %1").arg(queuedReason(fallback)));
}

void Engine::start()
{
    const ErrorQueueScope errors;
    m_started = true;
    pump();
}

void Engine::feedWire(const QByteArray& ciphertext)
{
    const ErrorQueueScope errors;
    if (failed() || m_wireEof || ciphertext.isEmpty()) return;
    size_t written = 0;
    if (BIO_write_ex(m_rbio, ciphertext.constData(), size_t(ciphertext.size()), &written) != 1 ||
        written != size_t(ciphertext.size())) {
        fail(QStringLiteral("TLS: out of memory"));
        return;
    }
    m_started = true;
    pump();
}

void Engine::feedWireEof()
{
    const ErrorQueueScope errors;
    if (failed() || m_wireEof) return;
    m_wireEof = true;
    if (!m_handshakeDone) {
        fail(QStringLiteral("TLS: connection closed during the handshake"));
        return;
    }
    if (m_peerClosed) return;
    // Let OpenSSL read what is left, then see the end: without close_notify it
    // reports "unexpected eof while reading".
    BIO_set_mem_eof_return(m_rbio, 0);
    pump();
}

void Engine::writeApp(const QByteArray& plaintext)
{
    const ErrorQueueScope errors;
    if (failed() || m_closeRequested || plaintext.isEmpty()) return;
    if (m_appOut.size() + plaintext.size() > kMaxPendingAppBytes) {
        fail(QStringLiteral("TLS: more than %1 bytes waiting to be sent").arg(kMaxPendingAppBytes));
        return;
    }
    m_appOut += plaintext;
    if (m_handshakeDone) pump();
}

void Engine::close()
{
    const ErrorQueueScope errors;
    if (failed() || m_closeRequested) return;
    m_closeRequested = true;
    if (m_handshakeDone) pump();
}

QByteArray Engine::takeWire()
{
    const ErrorQueueScope errors;
    if (!m_wbio) return QByteArray();
    const size_t pending = BIO_ctrl_pending(m_wbio);
    if (pending == 0) return QByteArray();
    QByteArray out(qsizetype(pending), Qt::Uninitialized);
    size_t got = 0;
    if (BIO_read_ex(m_wbio, out.data(), pending, &got) != 1) return QByteArray();
    out.truncate(qsizetype(got));
    return out;
}

QByteArray Engine::takeApp()
{
    QByteArray out;
    out.swap(m_appIn);
    return out;
}

QByteArray Engine::alpn() const
{
    if (!m_ssl) return QByteArray();
    const unsigned char* data = nullptr;
    unsigned int len = 0;
    SSL_get0_alpn_selected(m_ssl, &data, &len);
    return QByteArray(reinterpret_cast<const char*>(data), int(len));
}

// Runs the state machine as far as the bytes at hand allow: the handshake, then
// pending plaintext out, everything decryptable in, and a requested close_notify.
// With memory BIOs, "want write" never blocks (the BIO grows) and "want read" means
// the next feedWire() continues; a TLS 1.3 KeyUpdate or ticket is handled inside
// SSL_read.
void Engine::pump()
{
    if (failed() || !m_ssl || (m_isClient && !m_started)) return;
    if (!m_handshakeDone) {
        const int r = SSL_do_handshake(m_ssl);
        if (r != 1) {
            const int e = SSL_get_error(m_ssl, r);
            if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) failFromSsl(e);
            return;
        }
        m_handshakeDone = true;
    }
    flushAppOut();
    readAll();
    flushAppOut(); // a write that waited for a read (renegotiation-style) may go now
    if (m_closeRequested && !m_closeSent && m_appOut.isEmpty() && !failed()) {
        m_closeSent = true;
        const int r = SSL_shutdown(m_ssl); // 0: sent, peer's not yet seen; 1: both done
        if (r < 0) {
            const int e = SSL_get_error(m_ssl, r);
            if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) failFromSsl(e);
        }
    }
}

void Engine::flushAppOut()
{
    qsizetype done = 0;
    while (done < m_appOut.size() && !failed()) {
        size_t n = 0;
        const int r = SSL_write_ex(m_ssl, m_appOut.constData() + done, size_t(m_appOut.size() - done), &n);
        if (r == 1) {
            done += qsizetype(n);
            continue;
        }
        const int e = SSL_get_error(m_ssl, r);
        if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) failFromSsl(e);
        break;
    }
    m_appOut.remove(0, done);
}

void Engine::readAll()
{
    char buf[16 * 1024];
    while (!m_peerClosed && !failed()) {
        size_t n = 0;
        const int r = SSL_read_ex(m_ssl, buf, sizeof buf, &n);
        if (r == 1) {
            m_appIn.append(buf, qsizetype(n));
            continue;
        }
        const int e = SSL_get_error(m_ssl, r);
        if (e == SSL_ERROR_ZERO_RETURN)
            m_peerClosed = true;
        else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE)
            failFromSsl(e);
        break;
    }
}

} // namespace pt::tls
