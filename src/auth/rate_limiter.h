#pragma once

// RateLimiter: a token bucket per key (client id), refilled at `rate_per_s` up to
// `burst`. Buckets are created only for keys the caller has authenticated, so random
// client ids cannot grow the table; idle buckets are swept.
//
// Thread-safety: Take() from any thread (sharded locks).

#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace muster::auth {

class RateLimiter {
 public:
  RateLimiter(const Clock& clock, double rate_per_s, int burst);

  // Takes one token. Returns 0 when allowed, or the seconds to wait (>= 1) when not.
  int Take(const std::string& key);
  bool enabled() const { return rate_ > 0; }
  // Drops buckets that have been full for a while.
  void Sweep();

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
  };

  const Clock& clock_;
  const double rate_;
  const double burst_;
  std::array<Shard, 16> shards_;
};

}  // namespace muster::auth
