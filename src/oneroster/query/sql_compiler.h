#pragma once

// Compiles a parsed Query into the pieces of a SELECT: a WHERE expression with placeholders,
// its bound parameters, an ORDER BY list and the page bounds. The SQL text is built only from
// the catalog's column expressions, fixed operators and the dialect's placeholders; request
// text only ever travels as a bound parameter. Pure; thread-safe.
//
// Typical use by a store (SQLite):
//   "SELECT ... FROM users u WHERE u.org_id = ?" + (where.empty() ? "" : " AND " + where) +
//   " ORDER BY " + order_by + " LIMIT ? OFFSET ?", binding the store's own parameters first
//   (compile with first_placeholder = 2), then params, then limit and offset.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"
#include "oneroster/query/dialect.h"
#include "oneroster/query/field_catalog.h"
#include "oneroster/query/query.h"

namespace muster::oneroster::query {

// A value to bind. std::monostate is SQL NULL (not produced by this layer today); bool binds
// as INTEGER 0/1 (PostgreSQL also accepts '1'/'0' text for BOOLEAN columns).
using SqlParam = std::variant<std::monostate, std::string, int64_t, double, bool>;

struct CompiledQuery {
  // Empty when there is no filter; otherwise a boolean expression that is safe to join to
  // other conditions with AND (two clauses come parenthesised).
  std::string where;
  std::vector<SqlParam> params;  // in placeholder order
  // Without the "ORDER BY" keywords; always ends with the key column, so pages are stable.
  std::string order_by;
  int64_t limit = 100;
  int64_t offset = 0;
  std::vector<std::string> fields;  // OneRoster field names to emit; empty = all
  int next_placeholder = 1;         // the index for the caller's next parameter (PostgreSQL)
};

// Fails (kInternal) only if `query` names a field `catalog` does not allow for that use, i.e.
// it was parsed against another catalog.
Result<CompiledQuery> CompileQuery(const Query& query, const FieldCatalog& catalog,
                                   const Dialect& dialect, int first_placeholder = 1);

// The LIKE pattern for "contains `text`": '\', '%' and '_' escaped with '\', wrapped in '%'.
std::string ContainsPattern(std::string_view text);

}  // namespace muster::oneroster::query
