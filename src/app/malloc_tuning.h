#pragma once

// TuneMallocForServing: glibc malloc settings for a long-running server, applied once by
// `muster serve` before it starts its threads.
//
// List responses are built in buffers of 50 KB to 1 MB (a 100-row DeX page is ~75 KB, held
// twice: the store's rows and the body). With glibc's defaults every free of such a buffer
// leaves more than 128 KB free at the top of the thread's arena, which is then handed back to
// the kernel (madvise), so the next request faults the same pages in again: ~9 page faults per
// DeX page request, a fifth or more of its throughput on the 2-core benchmark machine. Kept
// instead:
//   trim threshold  8 MiB   free memory at an arena's top is returned only beyond this, so
//                           steady traffic reuses its buffers; a burst's excess still goes back
//   mmap threshold  4 MiB   blocks up to this come from the arenas (a 1,000-row page's buffers
//                           too), not from a fresh mmap and munmap per request
// Setting either turns off glibc's own adjustment of the two (which only raises them after a
// large block is freed), so both are set. The cost is memory a burst leaves behind: at most
// the trim threshold per arena (arenas: one per thread that allocates, up to 8 per core).
// No-op on other C libraries. Not thread-safe: call before starting threads.

namespace muster::app {

void TuneMallocForServing();

}  // namespace muster::app
