#pragma once

// CountCache: the totals of roster list queries (X-Total-Count), remembered per reader
// connection for as long as that connection's `PRAGMA data_version` stays the same — that
// is, until any other connection (this process's writer, a CLI command, another node)
// commits. A page read still runs its page query; only the count, which walks every
// matching index entry of the site, is skipped when nothing has changed. Reads on the writer
// inside a write transaction must not use it (their own writes do not move data_version).
//
// Thread-safety: all methods may be called from any thread.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace muster::storage::sqlite::internal {

class Connection;

class CountCache {
 public:
  // Totals kept per connection before the oldest are dropped (all at once: a burst of
  // distinct filters should not grow memory without bound).
  static constexpr size_t kMaxPerConnection = 4096;

  std::optional<int64_t> Find(const Connection* connection, int64_t data_version,
                              const std::string& key);
  void Store(const Connection* connection, int64_t data_version, const std::string& key,
             int64_t total);

 private:
  struct PerConnection {
    int64_t data_version = -1;
    std::unordered_map<std::string, int64_t> totals;
  };
  std::mutex mu_;
  std::unordered_map<const Connection*, PerConnection> by_connection_;
};

}  // namespace muster::storage::sqlite::internal
