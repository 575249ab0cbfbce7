#include "storage/sqlite/internal/count_cache.h"

#include "storage/sqlite/internal/connection.h"

namespace muster::storage::sqlite::internal {

Result<int64_t> DataVersion(Connection& c) {
  static constexpr char kDataVersion[] = "PRAGMA data_version";
  MUSTER_ASSIGN_OR_RETURN(Statement st, c.Prepare(kDataVersion));
  MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return MakeError(ErrorCode::kInternal, "", "query failed", "no data_version row");
  return st.Int(0);
}

std::optional<int64_t> CountCache::Find(const Connection* connection, int64_t data_version,
                                        const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_connection_.find(connection);
  if (it == by_connection_.end() || it->second.data_version != data_version) return std::nullopt;
  auto total = it->second.totals.find(key);
  if (total == it->second.totals.end()) return std::nullopt;
  return total->second;
}

void CountCache::Store(const Connection* connection, int64_t data_version, const std::string& key,
                       int64_t total) {
  std::lock_guard<std::mutex> lock(mu_);
  PerConnection& entry = by_connection_[connection];
  if (entry.data_version != data_version || entry.totals.size() >= kMaxPerConnection) {
    entry.totals.clear();
    entry.data_version = data_version;
  }
  entry.totals[key] = total;
}

}  // namespace muster::storage::sqlite::internal
