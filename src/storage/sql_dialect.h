#pragma once

// SqlDialect: the few spots where the SQL a query layer compiles to (OneRoster's
// oneroster/query, OData's odata/query) differs between backends. Each backend passes its own;
// generic code never asks which backend it is talking to. Only SQL text: no backend is linked.
// Implementations are stateless and thread-safe.

#include <string>
#include <string_view>

namespace muster::storage {

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;

  // The text of bound parameter number `index` (1-based, counted across the whole statement).
  virtual std::string Placeholder(int index) const = 0;

  // A case-insensitive LIKE: true when `column` matches the pattern bound at `placeholder`, in
  // which '\' escapes '%', '_' and itself. The default, "lower(col) LIKE lower(?) ESCAPE '\'",
  // is valid SQLite and PostgreSQL (with standard_conforming_strings on, PostgreSQL's default
  // since 9.1).
  virtual std::string LikeIgnoringCase(std::string_view column, std::string_view placeholder) const;
};

// "?" placeholders. SQLite's lower() folds ASCII only unless built with ICU, so a LIKE ignoring
// case does so for A-Z only there; PostgreSQL's lower() follows the database locale.
class SqliteDialect final : public SqlDialect {
 public:
  std::string Placeholder(int index) const override;
};

// "$1", "$2", ... placeholders.
class PostgresDialect final : public SqlDialect {
 public:
  std::string Placeholder(int index) const override;
};

}  // namespace muster::storage
