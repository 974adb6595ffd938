#pragma once

// Arithmetic in GF(2^255 - 19), just enough for Elligator2 and the Edwards point
// addition obfs4's key generation needs (libsodium has no public field API).
// Radix 2^51, five limbs. Variable-time only where the exponent is a public
// constant; nothing here branches on field values except the callers' explicit
// comparisons on public data.

#include <array>
#include <cstdint>

namespace pt::crypto {

class Fe25519
{
public:
    Fe25519() = default;
    static Fe25519 zero() { return Fe25519(); }
    static Fe25519 one() { return fromU64(1); }
    static Fe25519 fromU64(uint64_t v);
    // Little-endian; bit 255 is ignored and non-canonical values (>= p) are reduced.
    static Fe25519 fromBytes(const uint8_t in[32]);
    // Canonical little-endian encoding.
    std::array<uint8_t, 32> toBytes() const;

    Fe25519 operator+(const Fe25519& o) const;
    Fe25519 operator-(const Fe25519& o) const;
    Fe25519 operator*(const Fe25519& o) const;
    Fe25519 operator-() const { return zero() - *this; }
    Fe25519 square() const;
    // this^(2^n): n squarings.
    Fe25519 squareTimes(int n) const;
    // Multiplicative inverse; 0 maps to 0 (as in Go's field.Element.Invert).
    Fe25519 invert() const;

    bool isZero() const;
    // "Negative" = the canonical encoding is odd.
    bool isNegative() const { return (toBytes()[0] & 1) != 0; }
    bool operator==(const Fe25519& o) const { return toBytes() == o.toBytes(); }
    bool operator!=(const Fe25519& o) const { return !(*this == o); }
    Fe25519 abs() const { return isNegative() ? -*this : *this; }

    // Square root of u/v: returns {true, r} with r non-negative and r^2 = u/v when
    // u/v is a square; {false, r} otherwise (r = sqrt(i*u/v), unused by callers).
    // The same contract as filippo.io/edwards25519/field SqrtRatio.
    static std::pair<bool, Fe25519> sqrtRatio(const Fe25519& u, const Fe25519& v);
    // Legendre symbol as a boolean: true for squares (including 0).
    bool isSquare() const;

    static const Fe25519& sqrtM1();      // sqrt(-1)
    static const Fe25519& edwardsD();    // -121665/121666
    static const Fe25519& montgomeryA(); // 486662

private:
    using u128 = unsigned __int128;
    static Fe25519 reduceWide(u128 r0, u128 r1, u128 r2, u128 r3, u128 r4);
    void carry();
    // this^(2^250 - 1), and this^11 on the side: the shared prefix of the addition
    // chains for inversion, square roots and the Legendre symbol.
    Fe25519 pow2250m1(Fe25519* pow11 = nullptr) const;
    void carryLow();
    uint64_t m_v[5] = {0, 0, 0, 0, 0};
};

} // namespace pt::crypto
