#include "core/random.h"

#include <sodium.h>

#include <cstdlib>

namespace muster {

SystemRandom::SystemRandom() {
  if (sodium_init() < 0) std::abort();  // no entropy source: nothing safe can run
}

void SystemRandom::Fill(void* out, size_t n) { randombytes_buf(out, n); }

}  // namespace muster
