#include "app/malloc_tuning.h"

#include <cstdlib>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace muster::app {

void TuneMallocForServing() {
#if defined(__GLIBC__)
  constexpr int kTrimThreshold = 8 << 20;
  constexpr int kMmapThreshold = 4 << 20;
  mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
#endif
}

}  // namespace muster::app
