#pragma once

// A deterministic Random for crypto unit tests (a counter, not random at all).

#include <cstdint>

#include "core/random.h"

namespace muster::crypto::internal {

class CountingRandom final : public Random {
 public:
  void Fill(void* out, size_t n) override {
    auto* bytes = static_cast<uint8_t*>(out);
    for (size_t i = 0; i < n; ++i) bytes[i] = next_++;
  }

 private:
  uint8_t next_ = 1;
};

}  // namespace muster::crypto::internal
