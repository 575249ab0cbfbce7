#pragma once

// FakeClock: a Clock whose wall and monotonic time move only when a test says so.

#include <atomic>
#include <chrono>

#include "core/clock.h"

namespace muster::testing {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t unix_seconds = 1764000000) : ms_(unix_seconds * 1000) {}

  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms_.load()));
  }
  std::chrono::steady_clock::time_point Steady() const override {
    return std::chrono::steady_clock::time_point(std::chrono::milliseconds(ms_.load()));
  }
  void Advance(std::chrono::milliseconds d) { ms_ += d.count(); }
  void AdvanceSeconds(int64_t s) { ms_ += s * 1000; }

 private:
  std::atomic<int64_t> ms_;
};

}  // namespace muster::testing
