#pragma once

// Certificates for the TLS tests, made at run time with OpenSSL's X509 API: a CA, leaves
// it signs (DNS and IP subjectAltNames), self-signed and expired ones. Header-only, for
// tests only.

#include <QByteArray>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace pt::testcerts {

struct PkeyFree
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
struct CtxFree
{
    void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using CtxPtr = std::unique_ptr<SSL_CTX, CtxFree>;

// A key and a certificate, with their PEM and DER forms.
struct Identity
{
    PkeyPtr key;
    X509Ptr cert;
    QByteArray certPem;
    QByteArray keyPem;
    QByteArray der;
};

inline QByteArray bioText(BIO* b)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(b, &data);
    return QByteArray(data, int(n));
}

inline bool addExt(X509* cert, X509V3_CTX* v3, int nid, const char* value)
{
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, v3, nid, value);
    if (!ext) return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

// A P-256 certificate for cn signed by issuer (self-signed when null). sans:
// "DNS:a,IP:127.0.0.1" style, empty for none. validFrom/To: seconds from now.
inline Identity makeIdentity(const char* cn, const Identity* issuer, bool ca, const char* sans,
                             long validFrom = -3600, long validTo = 86400)
{
    static long serial = 1;
    Identity id;
    id.key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    id.cert.reset(X509_new());
    X509* x = id.cert.get();
    if (!id.key || !x) return id;
    X509_set_version(x, X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial++);
    X509_gmtime_adj(X509_getm_notBefore(x), validFrom);
    X509_gmtime_adj(X509_getm_notAfter(x), validTo);
    X509_set_pubkey(x, id.key.get());
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(cn), -1, -1,
                               0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer->cert.get()) : name);
    X509V3_CTX v3;
    X509V3_set_ctx_nodb(&v3);
    X509V3_set_ctx(&v3, issuer ? issuer->cert.get() : x, x, nullptr, nullptr, 0);
    bool ok = addExt(x, &v3, NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE") &&
              addExt(x, &v3, NID_subject_key_identifier, "hash");
    if (ca)
        ok = ok && addExt(x, &v3, NID_key_usage, "critical,keyCertSign,cRLSign");
    else
        ok = ok && addExt(x, &v3, NID_ext_key_usage, "serverAuth");
    if (*sans) ok = ok && addExt(x, &v3, NID_subject_alt_name, sans);
    if (!ok || X509_sign(x, issuer ? issuer->key.get() : id.key.get(), EVP_sha256()) <= 0) {
        id.cert.reset();
        return id;
    }
    BIO* c = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(c, x);
    id.certPem = bioText(c);
    BIO_free(c);
    BIO* k = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(k, id.key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    id.keyPem = bioText(k);
    BIO_free(k);
    const int len = i2d_X509(x, nullptr);
    id.der.resize(len);
    auto* p = reinterpret_cast<unsigned char*>(id.der.data());
    i2d_X509(x, &p);
    return id;
}

} // namespace pt::testcerts
