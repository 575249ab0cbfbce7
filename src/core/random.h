#pragma once

// Random: cryptographically secure bytes, injected so tests can be deterministic.
// The system implementation uses libsodium's randombytes (getrandom(2)).

#include <cstddef>
#include <cstdint>
#include <string>

namespace muster {

class Random {
 public:
  virtual ~Random() = default;
  virtual void Fill(void* out, size_t n) = 0;

  std::string Bytes(size_t n) {
    std::string s(n, '\0');
    Fill(s.data(), n);
    return s;
  }
};

class SystemRandom final : public Random {
 public:
  SystemRandom();
  void Fill(void* out, size_t n) override;
};

}  // namespace muster
