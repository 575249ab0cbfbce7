#pragma once

// Small templates for the store's statements: prepare a constant SQL string, bind its
// parameters with a callback, and either map the rows or check what the write changed.
// `bind` is called as bind(Statement&); `read` as read(const Statement&) -> T.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/internal/connection.h"
#include "storage/sqlite/internal/errors.h"

namespace muster::storage::sqlite::internal {

// Binds nothing.
inline void NoParams(Statement&) {}

// Binds a compiled query's parameter (OneRoster's or OData's SqlParam: the same variant).
template <typename Param>
void BindParam(Statement& st, const Param& p) {
  if (const auto* s = std::get_if<std::string>(&p)) {
    st.BindText(*s);
  } else if (const auto* i = std::get_if<int64_t>(&p)) {
    st.BindInt(*i);
  } else if (const auto* b = std::get_if<bool>(&p)) {
    st.BindBool(*b);
  } else if (const auto* d = std::get_if<double>(&p)) {
    st.BindDouble(*d);
  } else {
    st.BindNull();
  }
}

template <typename T, typename Bind, typename Read>
Result<std::vector<T>> QueryAll(Connection& c, const char* sql, Bind&& bind, Read&& read) {
  MUSTER_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql));
  bind(st);
  std::vector<T> rows;
  for (;;) {
    MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return rows;
    rows.push_back(read(st));
  }
}

// The first row, or kNotFound naming `what`.
template <typename T, typename Bind, typename Read>
Result<T> QueryOne(Connection& c, const char* sql, Bind&& bind, Read&& read,
                   std::string_view what) {
  MUSTER_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql));
  bind(st);
  MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return NotFoundError(what);
  return read(st);
}

// Runs a statement that returns no rows.
template <typename Bind>
Status Execute(Connection& c, const char* sql, Bind&& bind) {
  MUSTER_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql));
  bind(st);
  return st.Run();
}

// Runs a write; returns how many rows it changed directly (not through triggers).
template <typename Bind>
Result<int64_t> Change(Connection& c, const char* sql, Bind&& bind) {
  MUSTER_RETURN_IF_ERROR(Execute(c, sql, std::forward<Bind>(bind)));
  return sqlite3_changes64(c.handle());
}

// Runs a write that must change a row; kNotFound naming `what` when none matched.
template <typename Bind>
Status ChangeOne(Connection& c, const char* sql, Bind&& bind, std::string_view what) {
  MUSTER_ASSIGN_OR_RETURN(int64_t changed, Change(c, sql, std::forward<Bind>(bind)));
  if (changed == 0) return NotFoundError(what);
  return OkStatus();
}

// Runs an INSERT/UPSERT ... RETURNING id to completion; returns the id.
template <typename Bind>
Result<int64_t> WriteReturningId(Connection& c, const char* sql, Bind&& bind) {
  MUSTER_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql));
  bind(st);
  MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return NotFoundError("row");  // e.g. an upsert whose WHERE skipped the update
  int64_t id = st.Int(0);
  MUSTER_RETURN_IF_ERROR(st.Run());  // finish the statement so autocommit commits here
  return id;
}

}  // namespace muster::storage::sqlite::internal
