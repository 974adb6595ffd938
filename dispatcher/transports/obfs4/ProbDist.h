#pragma once

// obfs4's weighted length/delay distribution (lyrebird common/probdist), built
// from a 24-byte seed exactly as Go does it, so a client that received a server's
// seed draws frame lengths from the same distribution obfs4proxy would.
//
// The table is generated with Go's math/rand (v1) on top of HashDrbg; GoRand
// reproduces the few math/rand functions involved bit for bit.

#include "dispatcher/crypto/HashDrbg.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace pt::obfs4 {

// The subset of Go's math/rand.Rand (Go 1 algorithm) that probdist uses, driven by
// a HashDrbg source.
class GoRand
{
public:
    explicit GoRand(const crypto::HashDrbg::Seed& seed);
    int64_t int63() { return m_src.int63(); }
    int32_t int31() { return int32_t(int63() >> 32); }
    int32_t int31n(int32_t n);
    int64_t int63n(int64_t n);
    int intn(int n);
    double float64();
    std::vector<int> perm(int n);

private:
    crypto::HashDrbg m_src;
};

class WeightedDist
{
public:
    WeightedDist(const crypto::HashDrbg::Seed& seed, int minValue, int maxValue);
    void reset(const crypto::HashDrbg::Seed& seed);

    // uniformIndex(n): uniform in [0, n); uniformUnit(): uniform in [0, 1).
    int sample(const std::function<uint32_t(uint32_t)>& uniformIndex,
               const std::function<double()>& uniformUnit) const;

    const std::vector<int>& values() const { return m_values; }
    const std::vector<double>& prob() const { return m_prob; }
    const std::vector<int>& alias() const { return m_alias; }

private:
    void build(const crypto::HashDrbg::Seed& seed);
    void genTables(const std::vector<double>& weights);

    int m_minValue;
    int m_maxValue;
    std::vector<int> m_values;
    std::vector<int> m_alias;
    std::vector<double> m_prob;
};

} // namespace pt::obfs4
