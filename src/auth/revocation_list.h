#pragma once

// RevocationList: the jtis of revoked, not yet expired tokens, in memory for the bearer
// validator and persisted in the store so every node (and a restart) refuses them.
//
// Thread-safety: IsRevoked() from any thread; Revoke()/Load() serialise writers.

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"
#include "core/result.h"
#include "storage/store.h"

namespace muster::auth {

class RevocationList {
 public:
  RevocationList(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Status Load();
  Status Revoke(const std::string& jti, int64_t expires_unix);
  bool IsRevoked(const std::string& jti) const;
  size_t size() const;

 private:
  storage::Store& store_;
  const Clock& clock_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, int64_t> revoked_;  // jti → token exp (ms)
};

}  // namespace muster::auth
