#include "dispatcher/crypto/Field25519.h"

#include <cstring>

namespace pt::crypto {

namespace {
constexpr uint64_t kMask51 = (uint64_t(1) << 51) - 1;

uint64_t load64le(const uint8_t* p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// sqrt(-1) = 2^((p-1)/4)
constexpr uint8_t kSqrtM1[32] = {0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f,
                                 0xad, 0x06, 0x18, 0x43, 0x2f, 0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00,
                                 0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b};
} // namespace

Fe25519 Fe25519::fromU64(uint64_t v)
{
    Fe25519 r;
    r.m_v[0] = v & kMask51;
    r.m_v[1] = v >> 51;
    return r;
}

Fe25519 Fe25519::fromBytes(const uint8_t in[32])
{
    Fe25519 r;
    r.m_v[0] = load64le(in) & kMask51;
    r.m_v[1] = (load64le(in + 6) >> 3) & kMask51;
    r.m_v[2] = (load64le(in + 12) >> 6) & kMask51;
    r.m_v[3] = (load64le(in + 19) >> 1) & kMask51;
    r.m_v[4] = (load64le(in + 24) >> 12) & kMask51;
    return r;
}

void Fe25519::carry()
{
    for (int i = 0; i < 4; ++i) {
        m_v[i + 1] += m_v[i] >> 51;
        m_v[i] &= kMask51;
    }
    m_v[0] += 19 * (m_v[4] >> 51);
    m_v[4] &= kMask51;
}

std::array<uint8_t, 32> Fe25519::toBytes() const
{
    Fe25519 t = *this;
    // Three passes leave every limb below 2^51 (value < 2^255) whatever the input.
    t.carry();
    t.carry();
    t.carry();
    // Subtract p once if value >= p: q = 1 iff value + 19 >= 2^255.
    uint64_t q = (t.m_v[0] + 19) >> 51;
    for (int i = 1; i < 5; ++i)
        q = (t.m_v[i] + q) >> 51;
    t.m_v[0] += 19 * q;
    for (int i = 0; i < 4; ++i) {
        t.m_v[i + 1] += t.m_v[i] >> 51;
        t.m_v[i] &= kMask51;
    }
    t.m_v[4] &= kMask51;

    const uint64_t* h = t.m_v;
    const uint64_t words[4] = {h[0] | (h[1] << 51), (h[1] >> 13) | (h[2] << 38), (h[2] >> 26) | (h[3] << 25),
                               (h[3] >> 39) | (h[4] << 12)};
    std::array<uint8_t, 32> out{};
    for (int i = 0; i < 32; ++i)
        out[size_t(i)] = uint8_t(words[i / 8] >> (8 * (i % 8)));
    return out;
}

Fe25519 Fe25519::operator+(const Fe25519& o) const
{
    Fe25519 r;
    for (int i = 0; i < 5; ++i)
        r.m_v[i] = m_v[i] + o.m_v[i];
    r.carry();
    return r;
}

Fe25519 Fe25519::operator-(const Fe25519& o) const
{
    // Add 4p first so limbs never underflow (inputs are carried: limbs < 2^52).
    static constexpr uint64_t fourP[5] = {(uint64_t(1) << 53) - 76, (uint64_t(1) << 53) - 4,
                                          (uint64_t(1) << 53) - 4, (uint64_t(1) << 53) - 4,
                                          (uint64_t(1) << 53) - 4};
    Fe25519 r;
    for (int i = 0; i < 5; ++i)
        r.m_v[i] = m_v[i] + fourP[i] - o.m_v[i];
    r.carry();
    return r;
}

Fe25519 Fe25519::reduceWide(u128 r0, u128 r1, u128 r2, u128 r3, u128 r4)
{
    // Carry the 128-bit column sums into five 51-bit limbs; the top carry wraps
    // around multiplied by 19 (2^255 = 19 mod p).
    r1 += uint64_t(r0 >> 51);
    r2 += uint64_t(r1 >> 51);
    r3 += uint64_t(r2 >> 51);
    r4 += uint64_t(r3 >> 51);
    Fe25519 r;
    r.m_v[0] = (uint64_t(r0) & kMask51) + 19 * uint64_t(r4 >> 51);
    r.m_v[1] = uint64_t(r1) & kMask51;
    r.m_v[2] = uint64_t(r2) & kMask51;
    r.m_v[3] = uint64_t(r3) & kMask51;
    r.m_v[4] = uint64_t(r4) & kMask51;
    r.carryLow();
    return r;
}

Fe25519 Fe25519::operator*(const Fe25519& o) const
{
    const uint64_t* a = m_v;
    const uint64_t* b = o.m_v;
    const uint64_t b1_19 = b[1] * 19, b2_19 = b[2] * 19, b3_19 = b[3] * 19, b4_19 = b[4] * 19;

    u128 r0 =
        u128(a[0]) * b[0] + u128(a[1]) * b4_19 + u128(a[2]) * b3_19 + u128(a[3]) * b2_19 + u128(a[4]) * b1_19;
    u128 r1 =
        u128(a[0]) * b[1] + u128(a[1]) * b[0] + u128(a[2]) * b4_19 + u128(a[3]) * b3_19 + u128(a[4]) * b2_19;
    u128 r2 =
        u128(a[0]) * b[2] + u128(a[1]) * b[1] + u128(a[2]) * b[0] + u128(a[3]) * b4_19 + u128(a[4]) * b3_19;
    u128 r3 =
        u128(a[0]) * b[3] + u128(a[1]) * b[2] + u128(a[2]) * b[1] + u128(a[3]) * b[0] + u128(a[4]) * b4_19;
    u128 r4 =
        u128(a[0]) * b[4] + u128(a[1]) * b[3] + u128(a[2]) * b[2] + u128(a[3]) * b[1] + u128(a[4]) * b[0];

    return reduceWide(r0, r1, r2, r3, r4);
}

void Fe25519::carryLow()
{
    // After a product only limb 0 can exceed 2^51 (by the folded 19 * top carry).
    m_v[1] += m_v[0] >> 51;
    m_v[0] &= kMask51;
}

Fe25519 Fe25519::square() const
{
    const uint64_t* a = m_v;
    const uint64_t a0_2 = a[0] * 2, a1_2 = a[1] * 2;
    const uint64_t a3_19 = a[3] * 19, a4_19 = a[4] * 19;

    u128 r0 = u128(a[0]) * a[0] + u128(a1_2) * a4_19 + u128(a[2] * 2) * a3_19;
    u128 r1 = u128(a0_2) * a[1] + u128(a[2] * 2) * a4_19 + u128(a[3]) * a3_19;
    u128 r2 = u128(a0_2) * a[2] + u128(a[1]) * a[1] + u128(a[3] * 2) * a4_19;
    u128 r3 = u128(a0_2) * a[3] + u128(a1_2) * a[2] + u128(a[4]) * a4_19;
    u128 r4 = u128(a0_2) * a[4] + u128(a1_2) * a[3] + u128(a[2]) * a[2];

    return reduceWide(r0, r1, r2, r3, r4);
}

Fe25519 Fe25519::squareTimes(int n) const
{
    Fe25519 r = *this;
    for (int i = 0; i < n; ++i)
        r = r.square();
    return r;
}

Fe25519 Fe25519::pow2250m1(Fe25519* pow11) const
{
    const Fe25519& z = *this;
    const Fe25519 z2 = z.square();
    const Fe25519 z9 = z2.squareTimes(2) * z;
    const Fe25519 z11 = z9 * z2;
    const Fe25519 e5 = z11.square() * z9; // 2^5 - 1
    const Fe25519 e10 = e5.squareTimes(5) * e5;
    const Fe25519 e20 = e10.squareTimes(10) * e10;
    const Fe25519 e40 = e20.squareTimes(20) * e20;
    const Fe25519 e50 = e40.squareTimes(10) * e10;
    const Fe25519 e100 = e50.squareTimes(50) * e50;
    const Fe25519 e200 = e100.squareTimes(100) * e100;
    if (pow11) *pow11 = z11;
    return e200.squareTimes(50) * e50; // 2^250 - 1
}

Fe25519 Fe25519::invert() const
{
    // p - 2 = 2^255 - 21 = (2^250 - 1) * 2^5 + 11.
    Fe25519 z11;
    const Fe25519 t = pow2250m1(&z11);
    return t.squareTimes(5) * z11;
}

bool Fe25519::isZero() const
{
    const auto b = toBytes();
    uint8_t acc = 0;
    for (uint8_t x : b)
        acc |= x;
    return acc == 0;
}

bool Fe25519::isSquare() const
{
    // Euler's criterion: a^((p-1)/2) is 1 for non-zero squares, p-1 otherwise.
    // (p - 1) / 2 = 2^254 - 10 = (2^250 - 1) * 2^4 + 6.
    const Fe25519 z2 = square();
    const Fe25519 l = pow2250m1().squareTimes(4) * z2.square() * z2;
    return l == one() || isZero();
}

std::pair<bool, Fe25519> Fe25519::sqrtRatio(const Fe25519& u, const Fe25519& v)
{
    const Fe25519 v2 = v.square();
    const Fe25519 v3 = v2 * v;
    const Fe25519 v7 = v3.square() * v;
    // (p - 5) / 8 = 2^252 - 3 = (2^250 - 1) * 4 + 1.
    const Fe25519 w = u * v7;
    Fe25519 r = (u * v3) * (w.pow2250m1().squareTimes(2) * w);
    const Fe25519 check = v * r.square();
    const Fe25519 negU = -u;
    const bool correct = check == u;
    const bool flipped = check == negU;
    const bool flippedI = check == negU * sqrtM1();
    if (flipped || flippedI) r = r * sqrtM1();
    return {correct || flipped, r.abs()};
}

const Fe25519& Fe25519::sqrtM1()
{
    static const Fe25519 c = fromBytes(kSqrtM1);
    return c;
}

const Fe25519& Fe25519::edwardsD()
{
    static const Fe25519 c = -(fromU64(121665) * fromU64(121666).invert());
    return c;
}

const Fe25519& Fe25519::montgomeryA()
{
    static const Fe25519 c = fromU64(486662);
    return c;
}

} // namespace pt::crypto
