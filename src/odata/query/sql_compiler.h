#pragma once

// Compiles a parsed Query into the pieces of a SELECT: a WHERE expression with placeholders,
// its bound parameters, an ORDER BY list and the page bounds. The SQL text is built only from
// the catalog's column expressions, fixed operators and keywords, and the dialect's
// placeholders; request text only ever travels as a bound parameter. Pure; thread-safe.
//
// Semantics, chosen to match OData's two-valued null handling:
//   P eq null / ne null      P IS NULL / P IS NOT NULL
//   P ne v                   (P <> ? OR P IS NULL)     a null is "not equal" to a value
//   P gt v (ge, lt, le, eq)  P > ?                     a null never matches
//   not c                    (c IS NOT TRUE)           so `not (P eq v)` keeps null rows
//   contains(P,'x')          lower(P) LIKE lower(?) ESCAPE '\'  with ? = '%x%'
//   startswith / endswith    the same with 'x%' / '%x'
//   tolower(P) / toupper(P)  lower(P) / upper(P); the literal is compared as written
//
// Case: eq/ne/gt/... on strings are exact (binary), so they can use indexes and GUIDs and enum
// members (stored canonically) compare exactly. contains/startswith/endswith ignore case:
// DeX runs on SQL Server, whose default collation (Latin1_General_CI_AS) makes LIKE
// case-insensitive, and partners search names that way (`contains(PreferredSurname,'smi')`
// finds "Smith"). '%', '_' and '\' in the search text are escaped, so they match themselves.
// A null property contains nothing, so `not contains(P,'x')` matches rows where P is null.
//
// Order: the $orderby items, then the key (ExternalID) ascending unless already listed, so
// pages are stable. NULLs sort first ascending and last descending in both backends (SQLite's
// behaviour, pinned in PostgreSQL with NULLS FIRST / NULLS LAST).
//
// Typical use by a store (PostgreSQL):
//   "SELECT ... FROM learners l LEFT JOIN groups yg ON ... WHERE l.org_id = $1" +
//   (where.empty() ? "" : " AND " + where) + " ORDER BY " + order_by + " LIMIT $n OFFSET $m",
//   compiled with first_placeholder = 2, binding the store's own parameter, then params, then
//   limit + 1 (one extra row says whether a next page exists; next_link.h) and offset.
//   With `count`, "SELECT COUNT(*) ... WHERE <the same>" with the same params gives @odata.count.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"
#include "odata/query/ast.h"
#include "odata/query/dialect.h"
#include "odata/query/entity_catalog.h"
#include "odata/query/query.h"

namespace muster::odata::query {

// A value to bind: text for Edm.String/Guid/Date and enums, int64 for Edm.Int64 and
// Edm.DateTimeOffset (Unix ms), double for Edm.Decimal, bool for Edm.Boolean (binds as
// INTEGER 0/1 in SQLite). std::monostate (SQL NULL) is not produced today.
using SqlParam = std::variant<std::monostate, std::string, int64_t, double, bool>;

struct CompiledQuery {
  // Empty when there is no filter; otherwise a boolean expression that is safe to join to
  // other conditions with AND.
  std::string where;
  std::vector<SqlParam> params;  // in placeholder order
  // Without the "ORDER BY" keywords; always ends with the key column.
  std::string order_by;
  int64_t limit = 1000;  // Query::top
  int64_t offset = 0;    // Query::skip
  bool count = false;
  std::vector<std::string> select;  // OData names to emit; empty = all
  std::vector<std::string> expand;
  int next_placeholder = 1;  // the index for the caller's next parameter (PostgreSQL)
};

// Fails (kInternal) only if `query` is not in the binder's normal form or names a property
// `catalog` does not allow for that use, i.e. it was built by hand or against another catalog.
Result<CompiledQuery> CompileQuery(const Query& query, const EntityCatalog& catalog,
                                   const Dialect& dialect, int first_placeholder = 1);

// The LIKE pattern for contains / startswith / endswith of `text`: '\', '%' and '_' escaped
// with '\', then '%' added on the open side(s). Other functions: the escaped text alone.
std::string LikePattern(Function function, std::string_view text);

}  // namespace muster::odata::query
