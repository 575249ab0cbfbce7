#pragma once

// Clock: the one source of time. Services take a Clock& so that expiry, skew, rate-limit
// windows and key rotation are testable with tests/support/fake_clock.h.
// Thread-safety: implementations are safe to call from any thread.

#include <chrono>
#include <cstdint>

namespace muster {

class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time (for token iat/exp, dateLastModified).
  virtual std::chrono::system_clock::time_point Now() const = 0;
  // Monotonic time (for rate limits and deadlines).
  virtual std::chrono::steady_clock::time_point Steady() const = 0;

  int64_t NowUnixSeconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(Now().time_since_epoch()).count();
  }
  int64_t NowUnixMillis() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Now().time_since_epoch()).count();
  }
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
  std::chrono::steady_clock::time_point Steady() const override {
    return std::chrono::steady_clock::now();
  }
};

}  // namespace muster
