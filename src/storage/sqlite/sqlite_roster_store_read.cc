// SqliteRosterStore: Scan() and Get(). Every statement starts with the scope's
// `<alias>.site_id = ?`; a listing adds its fixed condition (sqlite_roster_store_sql.cc),
// the compiled filter and order come from the query layer, and values are only ever bound.
// A page's SQL is cached per query shape on the connection, and its rows are handed to the
// visitor straight from SQLite's row buffer.

#include <sqlite3.h>

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "storage/sqlite/internal/count_cache.h"
#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/errors.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/internal/read_snapshot.h"
#include "storage/sqlite/sqlite_roster_store.h"
#include "storage/sqlite/sqlite_roster_store_sql.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::ReadSnapshot;
using internal::Statement;
using oneroster::query::CompiledQuery;
using oneroster::query::SqlParam;
using roster_sql::Bind;

// The row as a view into SQLite's buffers: valid until the next Step().
roster::StoredObjectView ViewRow(const Statement& st) {
  return roster::StoredObjectView{
      .sourced_id = st.Bytes(0),
      .status = roster::ParseRecordStatus(st.Bytes(1)).value_or(roster::RecordStatus::kActive),
      .date_last_modified_ms = st.Int(2),
      .body = st.Bytes(3)};
}

roster::StoredObject ReadObject(const Statement& st) {
  const roster::StoredObjectView v = ViewRow(st);
  return roster::StoredObject{std::string(v.sourced_id), v.status, v.date_last_modified_ms,
                              std::string(v.body)};
}

Result<roster::StoredObject> GetOn(Connection& c, int64_t site_id, roster::ObjectKind kind,
                                   std::string_view id) {
  return internal::QueryOne<roster::StoredObject>(
      c, roster_sql::GetSql(kind), [&](Statement& st) { st.BindInt(site_id).BindText(id); },
      [](const Statement& st) { return ReadObject(st); },
      roster::ObjectKey(roster::Describe(kind).entity));
}

// The WHERE shared by the page and the count.
std::string WhereClause(const roster::ListingInfo& info, const CompiledQuery& query,
                        const roster::ReadOptions& options) {
  const std::string a = roster_sql::TableOf(info.entity).alias;
  std::string where = a + ".site_id = ?";
  if (!options.include_tombstones) where += " AND " + a + ".status = 'active'";
  const char* condition = roster_sql::SqlFor(info.listing).condition;
  if (*condition != '\0') where.append(" AND ").append(condition);
  if (!query.where.empty()) where.append(" AND ").append(query.where);
  return where;
}

void BindScope(Statement& st, const roster::RosterScope& scope, const roster::ListTarget& target,
               const CompiledQuery& query) {
  st.BindInt(scope.site_id);
  for (Bind b : roster_sql::SqlFor(target.listing).binds) {
    if (b == Bind::kSite) st.BindInt(scope.site_id);
    if (b == Bind::kParent) st.BindText(target.parent_id);
    if (b == Bind::kClass) st.BindText(target.class_id);
  }
  for (const SqlParam& p : query.params) internal::BindParam(st, p);
}

// A nested listing's parent: in scope, of the listing's parent kind, and active unless
// tombstones are asked for. Otherwise the page is empty (oneroster.md §1.3: 200 + []).
Result<bool> ParentVisible(Connection& c, const roster::RosterScope& scope,
                           const roster::ListingInfo& info, const roster::ListTarget& target,
                           const roster::ReadOptions& options) {
  auto parent = GetOn(c, scope.site_id, info.parent, target.parent_id);
  if (!parent.ok()) {
    if (parent.error().code == ErrorCode::kNotFound) return false;
    return std::move(parent).error();
  }
  return options.include_tombstones || parent->status == roster::RecordStatus::kActive;
}

// The ORDER BY of a page. A filter on dateLastModified (a delta read) gets each term behind a
// unary `+`, which keeps SQLite from walking the (site_id, sourced_id) key index just to skip
// a sort: without STAT4 the planner prefers that index and reads every row of the site, while
// the (site_id, date_last_modified_ms) index finds a delta's few rows directly and sorting
// them is cheap. Other reads keep the index order.
std::string OrderBy(const std::string& alias, const CompiledQuery& query) {
  const std::string order = query.order_by.empty() ? alias + ".sourced_id" : query.order_by;
  if (query.where.find(".date_last_modified_ms") == std::string::npos) return order;
  std::string out = "+";
  for (char ch : order) {
    out.push_back(ch);
    if (ch == ',') out += " +";
  }
  return out;
}

// The store's own values bound around the compiled query's, for the count cache's key.
std::string ScopeValues(const roster::RosterScope& scope, const roster::ListTarget& target) {
  std::string v = std::to_string(scope.site_id);
  v.append("\x1f").append(target.parent_id).append("\x1f").append(target.class_id);
  return v;
}

Error WrongQuery(std::string internal) {
  return MakeError(ErrorCode::kInternal, "internal_server_error", "query failed",
                   std::move(internal));
}

}  // namespace

Result<roster::StoredObject> SqliteRosterStore::Get(const roster::RosterScope& scope,
                                                    roster::ObjectKind kind,
                                                    std::string_view sourced_id) {
  return db_->Read([&](Connection& c) { return GetOn(c, scope.site_id, kind, sourced_id); });
}

Result<int64_t> SqliteRosterStore::Scan(const roster::RosterScope& scope,
                                        const roster::ListTarget& target,
                                        const CompiledQuery& query,
                                        const roster::ReadOptions& options,
                                        const roster::RowVisitor& visit) {
  const roster::ListingInfo& info = roster::Describe(target.listing);
  if (query.next_placeholder != 1 + static_cast<int>(query.params.size())) {
    return WrongQuery("roster list: query not compiled with first_placeholder 1");
  }
  if (info.nested && (target.parent_id.empty() || (info.in_school && target.class_id.empty()))) {
    return int64_t{0};
  }
  const roster_sql::Table& table = roster_sql::TableOf(info.entity);
  const std::string where = WhereClause(info, query, options);
  const std::string from = std::string(" FROM ") + table.name + " " + table.alias + " WHERE ";
  const std::string a = table.alias;
  const std::string page_sql = "SELECT " + a + ".sourced_id, " + a + ".status, " + a +
                               ".date_last_modified_ms, " + a + ".body" + from + where +
                               " ORDER BY " + OrderBy(a, query) + " LIMIT ? OFFSET ?";
  return db_->Read([&](Connection& c) -> Result<int64_t> {
    ReadSnapshot snapshot(c);
    MUSTER_RETURN_IF_ERROR(snapshot.Begin());
    if (info.nested) {
      MUSTER_ASSIGN_OR_RETURN(bool visible, ParentVisible(c, scope, info, target, options));
      if (!visible) return int64_t{0};
    }
    {
      MUSTER_ASSIGN_OR_RETURN(Statement st, c.PrepareDynamic(page_sql));
      BindScope(st, scope, target, query);
      st.BindInt(query.limit);
      st.BindInt(query.offset);
      for (;;) {
        MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) break;
        visit(ViewRow(st));
      }
    }
    if (!options.count_total) return int64_t{0};
    const std::string count_sql = "SELECT count(*)" + from + where;
    std::optional<int64_t> version;
    std::string key;
    if (snapshot.owned()) {  // a reader: its data_version tells whether anything changed
      MUSTER_ASSIGN_OR_RETURN(version, internal::DataVersion(c));
      key = internal::CountKey(count_sql, ScopeValues(scope, target), query.params);
      if (auto total = counts_.Find(&c, *version, key)) return *total;
    }
    MUSTER_ASSIGN_OR_RETURN(Statement st, c.PrepareDynamic(count_sql));
    BindScope(st, scope, target, query);
    MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
    const int64_t total = row ? st.Int(0) : 0;
    if (version) counts_.Store(&c, *version, key, total);
    return total;
  });
}

}  // namespace muster::storage::sqlite
