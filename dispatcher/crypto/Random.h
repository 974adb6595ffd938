#pragma once

// The process's CSPRNG for sessions: one buffered stream per thread, from
// libsodium's ChaCha20 (randombytes_buf_deterministic) keyed from the kernel, with
// fast key erasure (every refill takes the next key from the start of its own
// output, which is then wiped). obfs4 draws a random number per frame (padding
// lengths, delays); a getrandom() system call for each of them cost a measurable
// share of a handshake. Requests larger than half the buffer go straight to the
// kernel (randombytes_buf).
//
// Thread-safe without locks (each thread has its own stream). libsodium must be
// initialised (sodium_init) before the first call; SessionEnv::system() does it.

#include <cstddef>
#include <cstdint>

namespace pt::crypto {

// Fills `out` with `len` random bytes.
void randomBytes(void* out, size_t len);
// A uniform number in [0, upperExclusive) without modulo bias; 0 when
// upperExclusive < 2.
uint32_t randomUniform(uint32_t upperExclusive);

} // namespace pt::crypto
