#include "dispatcher/crypto/Elligator2.h"

#include "dispatcher/crypto/Field25519.h"

#include <sodium.h>

namespace pt::crypto::elligator2 {

namespace {

// Edwards coordinates of an order-8 point: x = sqrt((sqrt(d + 1) + 1) / d),
// y = -x * sqrt(-1) (the same point edwards25519-extra / lyrebird use).
constexpr uint8_t kLowOrderX[32] = {0x4a, 0xd1, 0x45, 0xc5, 0x46, 0x46, 0xa1, 0xde, 0x38, 0xe2, 0xe5,
                                    0x13, 0x70, 0x3c, 0x19, 0x5c, 0xbb, 0x4a, 0xde, 0x38, 0x32, 0x99,
                                    0x33, 0xe9, 0x28, 0x4a, 0x39, 0x06, 0xa0, 0xb9, 0xd5, 0x1f};
constexpr uint8_t kLowOrderY[32] = {0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4,
                                    0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6,
                                    0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05};

// Picks one coordinate of one of the eight points of the order-8 subgroup from
// three bits: bit 1 -> k, bit 0 -> x (overrides), bit 2 -> negate.
Fe25519 selectLowOrder(const Fe25519& x, const Fe25519& k, uint8_t bits)
{
    Fe25519 out = Fe25519::zero();
    if ((bits >> 1) & 1) out = k;
    if (bits & 1) out = x;
    if ((bits >> 2) & 1) out = -out;
    return out;
}

struct ExtendedPoint
{
    Fe25519 x, y, z, t;
};

// Unified addition for a = -1 twisted Edwards (complete on edwards25519).
ExtendedPoint add(const ExtendedPoint& p, const ExtendedPoint& q)
{
    static const Fe25519 d2 = Fe25519::edwardsD() + Fe25519::edwardsD();
    const Fe25519 a = (p.y - p.x) * (q.y - q.x);
    const Fe25519 b = (p.y + p.x) * (q.y + q.x);
    const Fe25519 c = p.t * d2 * q.t;
    const Fe25519 zz = p.z * q.z;
    const Fe25519 d = zz + zz;
    const Fe25519 e = b - a, f = d - c, g = d + c, h = b + a;
    return {e * f, g * h, f * g, e * h};
}

} // namespace

Bytes32 representativeToPublicKey(const Bytes32& representative)
{
    Bytes32 clamped = representative;
    clamped[31] &= 0x3f;
    const Fe25519 r = Fe25519::fromBytes(clamped.data());
    const Fe25519& A = Fe25519::montgomeryA();
    const Fe25519 one = Fe25519::one();

    Fe25519 tv1 = r.square();
    tv1 = tv1 + tv1; // 2r^2, Z = 2 being the non-square
    if (tv1 == -one) // 1 + 2r^2 = 0 cannot happen (-1/2 is not a square); kept for safety
        tv1 = Fe25519::zero();
    const Fe25519 x1 = -A * (one + tv1).invert();
    const Fe25519 gx1 = x1 * (x1.square() + A * x1 + one);
    const Fe25519 u = gx1.isSquare() ? x1 : -x1 - A;
    return u.toBytes();
}

std::optional<Bytes32> publicKeyToRepresentative(const Bytes32& uBytes, uint8_t tweak)
{
    const Fe25519 u = Fe25519::fromBytes(uBytes.data());
    const Fe25519 uPlusA = u + Fe25519::montgomeryA();
    const Fe25519 minus2 = -Fe25519::fromU64(2);
    const auto [isSquare, invRoot] = Fe25519::sqrtRatio(Fe25519::one(), minus2 * u * uPlusA);
    if (!isSquare) return std::nullopt;
    // r = sqrt(-u / (2(u+A))) or sqrt(-(u+A) / (2u)); both map back to u.
    Fe25519 r = ((tweak & 1) ? uPlusA : u) * invRoot;
    // Take the root in [0, (p-1)/2]: 2r mod p is odd exactly when r > (p-1)/2.
    if (((r + r).toBytes()[0] & 1) != 0) r = -r;
    Bytes32 out = r.toBytes();
    out[31] |= tweak & 0xc0;
    return out;
}

Bytes32 dirtyPublicKey(const Bytes32& privateKey)
{
    Bytes32 scalar = privateKey;
    scalar[0] &= 248;
    scalar[31] &= 127;
    scalar[31] |= 64;
    Bytes32 compressed{};
    crypto_scalarmult_ed25519_base_noclamp(compressed.data(), scalar.data());

    // Decompress: x^2 = (y^2 - 1) / (d y^2 + 1), sign from bit 255.
    const Fe25519 one = Fe25519::one();
    const Fe25519 y = Fe25519::fromBytes(compressed.data());
    const Fe25519 y2 = y.square();
    Fe25519 x = Fe25519::sqrtRatio(y2 - one, Fe25519::edwardsD() * y2 + one).second;
    if (x.isNegative() != ((compressed[31] >> 7) != 0)) x = -x;
    const ExtendedPoint p{x, y, one, x * y};

    static const Fe25519 lopX = Fe25519::fromBytes(kLowOrderX);
    static const Fe25519 lopY = Fe25519::fromBytes(kLowOrderY);
    const Fe25519 qx = selectLowOrder(lopX, Fe25519::sqrtM1(), privateKey[0]);
    const Fe25519 qy = selectLowOrder(lopY, one, uint8_t(privateKey[0] + 2));
    const ExtendedPoint q{qx, qy, one, qx * qy};

    const ExtendedPoint s = add(p, q);
    // Birational map to Montgomery: u = (1 + y) / (1 - y) = (Z + Y) / (Z - Y).
    return ((s.z + s.y) * (s.z - s.y).invert()).toBytes();
}

std::optional<Keypair> keypairFromSeed(const Bytes32& seed)
{
    uint8_t digest[crypto_hash_sha512_BYTES];
    crypto_hash_sha512(digest, seed.data(), seed.size());
    Keypair kp;
    std::copy(digest, digest + 32, kp.privateKey.begin());
    const uint8_t tweak = digest[63];
    sodium_memzero(digest, sizeof digest);

    kp.publicKey = dirtyPublicKey(kp.privateKey);
    auto repr = publicKeyToRepresentative(kp.publicKey, tweak);
    if (!repr) return std::nullopt;
    kp.representative = *repr;
    return kp;
}

Keypair generateKeypair(const std::function<void(void*, size_t)>& randomBytes)
{
    for (;;) {
        Bytes32 seed{};
        randomBytes(seed.data(), seed.size());
        if (auto kp = keypairFromSeed(seed)) return *kp;
    }
}

} // namespace pt::crypto::elligator2
