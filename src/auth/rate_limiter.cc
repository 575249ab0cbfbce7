#include "auth/rate_limiter.h"

#include <cmath>
#include <functional>

namespace muster::auth {

RateLimiter::RateLimiter(const Clock& clock, double rate_per_s, int burst)
    : clock_(clock), rate_(rate_per_s), burst_(burst < 1 ? 1 : burst) {}

int RateLimiter::Take(const std::string& key) {
  if (rate_ <= 0) return 0;
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  auto now = clock_.Steady();
  std::lock_guard lock(shard.mu);
  auto [it, inserted] = shard.buckets.try_emplace(key, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!inserted) {
    double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
    b.last = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  double wait = (1.0 - b.tokens) / rate_;
  return static_cast<int>(std::max(1.0, std::ceil(wait)));
}

void RateLimiter::Sweep() {
  if (rate_ <= 0) return;
  auto now = clock_.Steady();
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
      double elapsed = std::chrono::duration<double>(now - it->second.last).count();
      if (it->second.tokens + elapsed * rate_ >= burst_) {
        it = shard.buckets.erase(it);
      } else {
        ++it;
      }
    }
  }
}

}  // namespace muster::auth
