#include "crypto/internal/sodium.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace muster::crypto::internal {

void EnsureSodiumInitialized() {
  // sodium_init() takes a lock on every call, so remember the outcome.
  static const bool kInitialized = [] {
    if (sodium_init() < 0) {
      std::fputs("muster: sodium_init failed (no entropy source)\n", stderr);
      std::abort();  // nothing cryptographic can run safely
    }
    return true;
  }();
  (void)kInitialized;
}

}  // namespace muster::crypto::internal
