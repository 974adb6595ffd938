#include "dispatcher/transports/obfs4/ProbDist.h"

#include <deque>

namespace pt::obfs4 {

GoRand::GoRand(const crypto::HashDrbg::Seed& seed) : m_src(seed) {}

int32_t GoRand::int31n(int32_t n)
{
    if ((n & (n - 1)) == 0) return int31() & (n - 1);
    const int32_t max = int32_t((uint32_t(1) << 31) - 1 - (uint32_t(1) << 31) % uint32_t(n));
    int32_t v = int31();
    while (v > max)
        v = int31();
    return v % n;
}

int64_t GoRand::int63n(int64_t n)
{
    if ((n & (n - 1)) == 0) return int63() & (n - 1);
    const int64_t max = int64_t((uint64_t(1) << 63) - 1 - (uint64_t(1) << 63) % uint64_t(n));
    int64_t v = int63();
    while (v > max)
        v = int63();
    return v % n;
}

int GoRand::intn(int n)
{
    if (n <= 0x7fffffff) return int(int31n(int32_t(n)));
    return int(int63n(n));
}

double GoRand::float64()
{
    for (;;) {
        const double f = double(int63()) / 9223372036854775808.0; // 2^63
        if (f != 1.0) return f;
    }
}

std::vector<int> GoRand::perm(int n)
{
    // Go 1 keeps the useless i = 0 iteration for stream compatibility; so do we.
    std::vector<int> m(size_t(n), 0);
    for (int i = 0; i < n; ++i) {
        const int j = intn(i + 1);
        m[size_t(i)] = m[size_t(j)];
        m[size_t(j)] = i;
    }
    return m;
}

WeightedDist::WeightedDist(const crypto::HashDrbg::Seed& seed, int minValue, int maxValue)
    : m_minValue(minValue), m_maxValue(maxValue)
{
    reset(seed);
}

namespace {
// Building a table costs a 1,449-element permutation drawn through SipHash: more than
// the rest of a handshake's non-curve work. A server uses one seed for every
// connection, so keep the last few tables per thread.
struct CachedDist
{
    crypto::HashDrbg::Seed seed;
    int minValue, maxValue;
    std::vector<int> values, alias;
    std::vector<double> prob;
};
constexpr size_t kDistCacheSize = 8;
thread_local std::vector<CachedDist> t_distCache;
} // namespace

void WeightedDist::reset(const crypto::HashDrbg::Seed& seed)
{
    for (size_t i = 0; i < t_distCache.size(); ++i) {
        const CachedDist& c = t_distCache[i];
        if (c.seed == seed && c.minValue == m_minValue && c.maxValue == m_maxValue) {
            m_values = c.values;
            m_alias = c.alias;
            m_prob = c.prob;
            return;
        }
    }
    build(seed);
    if (t_distCache.size() == kDistCacheSize) t_distCache.erase(t_distCache.begin());
    t_distCache.push_back({seed, m_minValue, m_maxValue, m_values, m_alias, m_prob});
}

void WeightedDist::build(const crypto::HashDrbg::Seed& seed)
{
    GoRand rng(seed);
    // genValues: a random permutation, truncated to a random count in [1, 100].
    int nValues = (m_maxValue + 1) - m_minValue;
    std::vector<int> values = rng.perm(nValues);
    if (nValues < 1) nValues = 1;
    if (nValues > 100) nValues = 100;
    nValues = rng.intn(nValues) + 1;
    values.resize(size_t(nValues));
    m_values = std::move(values);

    // genUniformWeights (obfs4proxy's default; the biased ScrambleSuit variant is
    // behind a command-line flag nobody sets).
    std::vector<double> weights(m_values.size());
    for (double& w : weights)
        w = rng.float64();
    genTables(weights);
}

// Vose's alias method, with Go's list order and float operations.
void WeightedDist::genTables(const std::vector<double>& weights)
{
    const size_t n = weights.size();
    double sum = 0;
    for (double w : weights)
        sum += w;
    std::vector<int> alias(n, 0);
    std::vector<double> prob(n, 0.0);
    std::vector<double> scaled(n);
    std::deque<int> small, large;
    for (size_t i = 0; i < n; ++i) {
        scaled[i] = weights[i] * double(n) / sum;
        if (scaled[i] < 1.0)
            small.push_back(int(i));
        else
            large.push_back(int(i));
    }
    while (!small.empty() && !large.empty()) {
        const int l = small.front();
        small.pop_front();
        const int g = large.front();
        large.pop_front();
        prob[size_t(l)] = scaled[size_t(l)];
        alias[size_t(l)] = g;
        scaled[size_t(g)] = (scaled[size_t(g)] + scaled[size_t(l)]) - 1.0;
        if (scaled[size_t(g)] < 1.0)
            small.push_back(g);
        else
            large.push_back(g);
    }
    for (int g : large)
        prob[size_t(g)] = 1.0;
    for (int l : small)
        prob[size_t(l)] = 1.0;
    m_prob = std::move(prob);
    m_alias = std::move(alias);
}

int WeightedDist::sample(const std::function<uint32_t(uint32_t)>& uniformIndex,
                         const std::function<double()>& uniformUnit) const
{
    const uint32_t i = uniformIndex(uint32_t(m_values.size()));
    const size_t idx = uniformUnit() <= m_prob[i] ? i : size_t(m_alias[i]);
    return m_minValue + m_values[idx];
}

} // namespace pt::obfs4
