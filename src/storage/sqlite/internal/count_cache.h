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
#include <string_view>
#include <unordered_map>
#include <variant>

#include "core/result.h"

namespace muster::storage::sqlite::internal {

class Connection;

// The connection's `PRAGMA data_version`: it moves when another connection commits.
Result<int64_t> DataVersion(Connection& c);

// What identifies a count: its SQL, the store's own scope values (rendered by the caller)
// and every value of the compiled query bound to it (OneRoster's or OData's SqlParam: the
// same variant).
template <typename Params>
std::string CountKey(std::string_view sql, std::string_view scope_values, const Params& params) {
  std::string key(sql);
  key.append("\x1f").append(scope_values);
  for (const auto& p : params) {
    key.push_back('\x1f');
    if (const auto* s = std::get_if<std::string>(&p)) key.append("s").append(*s);
    if (const auto* i = std::get_if<int64_t>(&p)) key.append("i").append(std::to_string(*i));
    if (const auto* b = std::get_if<bool>(&p)) key.append(*b ? "b1" : "b0");
    if (const auto* d = std::get_if<double>(&p)) key.append("d").append(std::to_string(*d));
  }
  return key;
}

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
