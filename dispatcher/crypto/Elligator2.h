#pragma once

// Elligator2 over Curve25519 as obfs4 (obfs4proxy >= 0.0.14, lyrebird) uses it:
// public keys travel as 32-byte "representatives" that look uniformly random.
//
// - forward map: representative -> Montgomery u (top two bits ignored);
// - inverse map: u -> representative, failing for about half of all points;
// - "dirty" key generation: the public key is scalar*B plus a low-order point picked
//   by the private key's low bits, so that representatives cover the whole curve
//   and not only the prime-order subgroup (a known distinguisher otherwise). The
//   low-order part does not change X25519 results with clamped scalars.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>

namespace pt::crypto::elligator2 {

using Bytes32 = std::array<uint8_t, 32>;

// Forward map. Bits 254 and 255 of the representative are random padding and are
// cleared before mapping.
Bytes32 representativeToPublicKey(const Bytes32& representative);

// Inverse map of a Montgomery u-coordinate. tweak bit 0 selects which of the two
// square roots is used (the v sign), bits 6-7 become the representative's top
// two bits. nullopt when u has no representative.
std::optional<Bytes32> publicKeyToRepresentative(const Bytes32& u, uint8_t tweak);

// The obfs4 ephemeral public key for a 32-byte private key: u of
// clamp(priv)*B + lowOrderPoint(priv[0] & 7). This differs from X25519's public key
// for 7 in 8 private keys but gives the same shared secrets.
Bytes32 dirtyPublicKey(const Bytes32& privateKey);

struct Keypair
{
    Bytes32 privateKey{};
    Bytes32 publicKey{}; // dirty u-coordinate (what ntor hashes)
    Bytes32 representative{};
};

// One attempt of obfs4's key generation from 32 bytes of randomness:
// digest = SHA-512(seed), private = digest[0..31], tweak = digest[63].
// nullopt when the public key has no representative (about half the time).
std::optional<Keypair> keypairFromSeed(const Bytes32& seed);

// Retries keypairFromSeed with fresh randomness until it succeeds.
Keypair generateKeypair(const std::function<void(void*, size_t)>& randomBytes);

} // namespace pt::crypto::elligator2
