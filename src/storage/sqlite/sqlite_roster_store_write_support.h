#pragma once

// Shared by SqliteRosterStore's upserts (sqlite_roster_store_write*.cc): record validation,
// list joining, link-table rewrites and the batch loop. Internal to the SQLite roster store.

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "roster/model.h"
#include "storage/sqlite/internal/connection.h"
#include "storage/sqlite/internal/database.h"

namespace muster::storage::sqlite::roster_write {

// kInvalidArgument naming the record: a bad site_id, sourcedId or reference.
Status CheckIds(std::string_view what, int64_t site_id, std::string_view sourced_id,
                std::initializer_list<std::string_view> refs,
                std::initializer_list<const std::vector<std::string>*> ref_lists = {});

// "a,b,c": how list-valued filter columns hold their values.
std::string Join(const std::vector<std::string>& values);

// The value of `key` in `metadata`; "" if absent.
std::string_view MetadataValue(const roster::Metadata& metadata, std::string_view key);

// Binds the four leading columns every roster table shares: site_id, sourced_id, status and
// the write's dateLastModified stamp.
template <typename T>
void BindBase(internal::Statement& st, const T& r, int64_t stamp) {
  st.BindInt(r.site_id).BindText(r.sourced_id).BindText(roster::ToString(r.status)).BindInt(stamp);
}

// Binds NULL for an unset optional.
void BindOptionalBool(internal::Statement& st, std::optional<bool> value);

// Replaces the link rows of `owner`: runs `delete_sql` (site, owner), then `insert_sql`
// (site, owner, target) for each target.
Status RewriteLinks(internal::Connection& c, const char* delete_sql, const char* insert_sql,
                    int64_t site_id, const std::string& owner,
                    const std::vector<std::string>& targets);

// Validates every record with `check(record)` (nothing is written if one fails), then runs
// `write(connection, record)` for each in one transaction (a savepoint inside the caller's),
// in (site_id, sourced_id) order: the tables are clustered on that key, so a large batch
// appends to its b-tree instead of splitting pages at random. The sort is stable, so of two
// records with one key the later still wins.
template <typename T, typename Check, typename Write>
Status PutBatch(internal::Database& db, std::span<const T> records, Check&& check, Write&& write) {
  for (const T& r : records) MUSTER_RETURN_IF_ERROR(check(r));
  std::vector<const T*> in_key_order;
  in_key_order.reserve(records.size());
  for (const T& r : records) in_key_order.push_back(&r);
  std::stable_sort(in_key_order.begin(), in_key_order.end(), [](const T* a, const T* b) {
    return a->site_id != b->site_id ? a->site_id < b->site_id : a->sourced_id < b->sourced_id;
  });
  return db.Transaction([&]() -> Status {
    return db.Write([&](internal::Connection& c) -> Status {
      for (const T* r : in_key_order) MUSTER_RETURN_IF_ERROR(write(c, *r));
      return OkStatus();
    });
  });
}

}  // namespace muster::storage::sqlite::roster_write
