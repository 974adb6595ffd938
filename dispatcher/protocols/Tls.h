#pragma once

// A sans-IO TLS engine (client and server) over OpenSSL memory BIOs, for the
// transports that look like HTTPS (webtunnel, meek). Ciphertext in, ciphertext
// out; plaintext in, plaintext out; no socket, timer or thread. All the
// cryptography is OpenSSL's.
//
// Buffering and limits (what the I/O shell can rely on):
// - Ciphertext fed with feedWire() is decrypted at once. The engine keeps at most
//   one partial TLS record (< 18 KiB) of undecrypted input; everything else is in
//   takeApp(). So the app bytes held are bounded by what the shell chose to feed.
// - Ciphertext produced is held until takeWire(); it is bounded by what the shell
//   wrote plus the handshake and alerts (renegotiation is refused, so a peer cannot
//   make us produce handshakes forever; a TLS 1.3 KeyUpdate request costs one small
//   record in reply).
// - Plaintext written before the handshake completes waits in the engine, in order
//   (pendingAppBytes()); the shell bounds it as for any Session. Past
//   kMaxPendingAppBytes the engine fails instead of growing further.
//
// OpenSSL's error queue is thread-local: every public call clears it on entry and
// on exit, so one connection's errors never show up in another's on the same thread.

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <openssl/types.h>

#include <memory>
#include <optional>

namespace pt::tls {

constexpr qint64 kMaxPendingAppBytes = 8 * 1024 * 1024;
constexpr int kPinLen = 32; // SHA-256

// The hash lyrebird's webtunnel `cert=` option pins (webtunnel's
// certiChainHashCalc, itself from v2ray): over the certificates as the server sent
// them, leaf first, h = SHA-256(DER[0]), then h = SHA-256(h || SHA-256(DER[i])) for
// each further certificate. For a server that sends only its leaf this is
// SHA-256 of the leaf's DER encoding. Empty for an empty chain.
QByteArray certChainHash(const QByteArrayList& derChain);

// The `cert=` value: standard base64 with padding (Go's base64.StdEncoding), which
// must decode to 32 bytes. nullopt + reason otherwise.
std::optional<QByteArray> parsePin(const QString& base64, QString* error);

struct ClientOptions
{
    // Verify the server's chain against OpenSSL's default verify paths (the
    // system store; SSL_CERT_FILE / SSL_CERT_DIR override it) plus caFile.
    bool verifyPeer = true;
    QString caFile;      // optional PEM file of extra trust anchors
    QByteArrayList alpn; // protocols to offer, e.g. "http/1.1"; empty: no ALPN
};

// An SSL_CTX: configured once, then only read, so one Context serves any number of
// engines on any threads.
class Context
{
public:
    // TLS 1.2 and 1.3.
    static std::shared_ptr<const Context> client(const ClientOptions& options, QString* error);
    static std::shared_ptr<const Context> server(const QString& certPemFile, const QString& keyPemFile,
                                                 QString* error);
    // certChainPem: the leaf first, then any intermediates.
    static std::shared_ptr<const Context> server(const QByteArray& certChainPem, const QByteArray& keyPem,
                                                 QString* error);

    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    bool isServer() const { return m_server; }
    // For SSL_new only (which takes a reference of its own); never modified after creation.
    SSL_CTX* native() const { return m_ctx; }

private:
    Context(SSL_CTX* ctx, bool server) : m_ctx(ctx), m_server(server) {}

    SSL_CTX* m_ctx;
    bool m_server;
};

// One TLS connection.
class Engine
{
public:
    // sni: sent as server_name when it is a host name (an IP literal is never sent,
    // as RFC 6066 says); empty: none.
    // verifyHost: the name (or IP literal) the certificate must be valid for; empty:
    // the sni. With verification on and neither given, the engine fails.
    // pinSha256: empty, or the 32-byte certChainHash() the server's chain must have.
    // A pin *replaces* verification, as in lyrebird: the chain is not checked against
    // any trust store and the host name is not checked; only the chain hash is. (The
    // handshake signature still proves the server holds the leaf's key.)
    // Never null: an engine that could not be set up is failed() with the reason.
    static std::unique_ptr<Engine> client(std::shared_ptr<const Context> context, const QString& sni,
                                          const QString& verifyHost, const QByteArray& pinSha256);
    static std::unique_ptr<Engine> server(std::shared_ptr<const Context> context);

    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Client: produces the ClientHello (takeWire()). Server: nothing to do yet;
    // harmless to call.
    void start();
    // Ciphertext from the peer, cut anywhere.
    void feedWire(const QByteArray& ciphertext);
    // The transport reached EOF. Before the handshake completes, or without the
    // peer's close_notify, that is an error (a truncation); after close_notify it
    // is the normal end.
    void feedWireEof();
    // Plaintext to send; held (in order) until the handshake is done. Ignored once
    // close() was called or the engine failed.
    void writeApp(const QByteArray& plaintext);
    // Sends close_notify (after anything still pending). Reading goes on until the
    // peer's close_notify.
    void close();

    QByteArray takeWire(); // ciphertext to send, alerts included (also after failure)
    QByteArray takeApp();  // decrypted bytes

    bool handshakeDone() const { return m_handshakeDone; }
    bool failed() const { return !m_error.isEmpty(); }
    // Readable: "certificate verify failed: self-signed certificate", "certificate
    // verify failed: hostname mismatch", "certificate pin mismatch", "TLS: wrong
    // version number", "TLS: tlsv1 alert unknown ca", ...
    QString error() const { return m_error; }
    bool peerClosed() const { return m_peerClosed; }
    qint64 pendingAppBytes() const { return m_appOut.size(); }
    // The negotiated ALPN protocol (empty: none); valid once handshakeDone().
    QByteArray alpn() const;

private:
    friend class Context; // installs verifyChain on client contexts
    Engine(std::shared_ptr<const Context> context, bool isClient);
    static int verifyChain(X509_STORE_CTX* store, void* arg);

    void fail(const QString& why);
    void failFromSsl(int sslError);
    void pump();
    bool checkPinnedChain(X509_STORE_CTX* store);
    void flushAppOut();
    void readAll();

    std::shared_ptr<const Context> m_context;
    SSL* m_ssl = nullptr;
    BIO* m_rbio = nullptr; // owned by m_ssl
    BIO* m_wbio = nullptr; // owned by m_ssl
    bool m_isClient;
    QByteArray m_pin;
    bool m_pinMismatch = false;
    bool m_started = false;
    bool m_handshakeDone = false;
    bool m_peerClosed = false;
    bool m_closeRequested = false;
    bool m_closeSent = false;
    bool m_wireEof = false;
    QByteArray m_appOut; // plaintext not yet accepted by SSL_write
    QByteArray m_appIn;  // decrypted, not yet taken
    QString m_error;
};

} // namespace pt::tls
