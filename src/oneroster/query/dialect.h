#pragma once

// Dialect: the few spots where the SQL a Query compiles to differs between backends. Each
// backend passes its own; generic code never asks which backend it is talking to.
// Implementations are stateless and thread-safe.

#include <string>
#include <string_view>

namespace muster::oneroster::query {

class Dialect {
 public:
  virtual ~Dialect() = default;

  // The text of bound parameter number `index` (1-based, counted across the whole statement).
  virtual std::string Placeholder(int index) const = 0;

  // A case-insensitive "contains": true when `column` contains the LIKE pattern bound at
  // `placeholder`, in which '\' escapes '%', '_' and itself. The default,
  // "lower(col) LIKE lower(?) ESCAPE '\'", is valid SQLite and PostgreSQL (with
  // standard_conforming_strings on, PostgreSQL's default since 9.1).
  virtual std::string Contains(std::string_view column, std::string_view placeholder) const;
};

// "?" placeholders. SQLite's lower() folds ASCII only unless built with ICU.
class SqliteDialect final : public Dialect {
 public:
  std::string Placeholder(int index) const override;
};

// "$1", "$2", ... placeholders.
class PostgresDialect final : public Dialect {
 public:
  std::string Placeholder(int index) const override;
};

}  // namespace muster::oneroster::query
