#pragma once

// Rng: the demo generator's deterministic pseudo-random numbers (xoshiro256**, seeded through
// SplitMix64). Unlike <random>'s distributions, every draw is specified here, so one seed
// gives the same roster with any compiler or standard library. Not for secrets.
// Not thread-safe; cheap to copy and to fork.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace muster::roster::generator {

// A 64-bit mix of two values (SplitMix64 finaliser over a ^ rotated b): derives independent
// seeds, e.g. MixSeed(dataset_seed, school_index).
uint64_t MixSeed(uint64_t a, uint64_t b);
// FNV-1a of `text`, for seeds derived from names.
uint64_t HashText(std::string_view text);

class Rng {
 public:
  explicit Rng(uint64_t seed);

  uint64_t Next();
  // Uniform in [0, n); n > 0. (Lemire's multiply-and-reject: no modulo bias.)
  uint64_t Below(uint64_t n);
  // Uniform in [lo, hi]; lo <= hi.
  int Between(int lo, int hi);
  // True with probability `p` (0..1).
  bool Chance(double p);
  // A GUID-shaped id: 8-4-4-4-12 upper-case hex, version 4 and RFC 4122 variant bits set.
  std::string Guid();
  // An independent generator for a sub-task, so adding draws to one part of the generator
  // does not shift every other part.
  Rng Fork(uint64_t salt) const;

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  // Shuffles in place (Fisher-Yates).
  template <typename T>
  void Shuffle(std::span<T> items) {
    for (size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[Below(i)]);
    }
  }

 private:
  uint64_t seed_;
  uint64_t s_[4];
};

}  // namespace muster::roster::generator
