#pragma once

// Makes sure sodium_init() has run once in this process (it selects the fastest
// implementations, e.g. for Argon2). Cheap after the first call; thread-safe.

namespace muster::crypto::internal {

void EnsureSodiumInitialized();

}  // namespace muster::crypto::internal
