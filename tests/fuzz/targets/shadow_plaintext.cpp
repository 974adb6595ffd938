// What sits behind Shadowsocks' AEAD: the input is the *plaintext* of a client stream
// (the target-address header, then data), encrypted correctly with the server's key
// in chunks the input chooses, so the server session's address parser and its data
// path are reached (raw bytes stop at the first tag check; see shadow_sessions).
// Also checks a property: a StreamDecoder with the same key gives back exactly the
// plaintext, however the ciphertext is cut.
#include "FuzzSupport.h"
#include "dispatcher/transports/shadow/SaltFilter.h"
#include "dispatcher/transports/shadow/ShadowOptions.h"
#include "dispatcher/transports/shadow/ShadowSession.h"
#include "dispatcher/transports/shadow/ShadowStream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) return 0;
    static const char* ciphers[] = {"chacha20-ietf-poly1305", "aes-128-gcm", "aes-256-gcm"};
    const auto key =
        pt::shadow::parseKeyOptions(QJsonObject{{"password", "fuzz"}, {"cipherName", ciphers[data[0] % 3]}});
    if (!key.ok()) __builtin_trap();
    pt::fuzz::FixedEnv env;
    QByteArray salt(qsizetype(key.value.cipher.saltSize), Qt::Uninitialized);
    env.randomBytes(salt.data(), size_t(salt.size()));
    auto enc = pt::shadow::StreamEncoder::create(key.value.cipher, key.value.masterKey, salt);
    if (!enc) __builtin_trap();

    // Each input chunk is one encode() call: the chunking of the plaintext decides
    // where AEAD chunk boundaries fall, e.g. inside the address header.
    QByteArray plain, wire;
    std::vector<qsizetype> cuts; // wire offsets after each encode()
    pt::fuzz::Chunks chunks(data + 1, size - 1);
    QByteArray chunk;
    while (chunks.next(chunk)) {
        plain += chunk;
        if (!enc->encode(chunk.constData(), size_t(chunk.size()), wire)) __builtin_trap();
        cuts.push_back(wire.size());
    }

    // Round trip: the decoder returns exactly the plaintext, fed in uneven pieces.
    pt::shadow::StreamDecoder dec(key.value.cipher, key.value.masterKey);
    QByteArray back;
    qsizetype at = 0;
    for (size_t i = 0; at < wire.size(); ++i) {
        const qsizetype n = qMin<qsizetype>(wire.size() - at, qsizetype(1 + (i * 131) % 977));
        if (!dec.feed(wire.constData() + at, size_t(n), back)) __builtin_trap();
        at += n;
    }
    if (back != plain) __builtin_trap();

    // The server session, fed at the encoder's own boundaries.
    // A small filter: the default one is 4 MiB, allocated per input.
    pt::shadow::ShadowServerSession server(key.value, std::make_shared<pt::shadow::SaltFilter>(16), env);
    pt::SessionOutput out;
    server.start(out);
    qsizetype from = 0;
    for (qsizetype to : cuts) {
        server.onWire(wire.mid(from, to - from), out);
        from = to;
        if (out.failed()) break;
        if (!out.toWire.isEmpty()) __builtin_trap(); // the server answers nothing until the target answers
    }
    if (server.handshakeDone() && !out.failed()) {
        server.onApp(QByteArrayLiteral("reply"), out);
        if (out.toWire.isEmpty()) __builtin_trap();
    }
    return 0;
}
