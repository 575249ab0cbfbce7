#include "storage/sql_dialect.h"

namespace muster::storage {

std::string SqlDialect::LikeIgnoringCase(std::string_view column,
                                         std::string_view placeholder) const {
  std::string sql;
  sql.reserve(column.size() + placeholder.size() + 40);
  sql.append("lower(").append(column).append(") LIKE lower(").append(placeholder);
  sql.append(") ESCAPE '\\'");
  return sql;
}

std::string SqliteDialect::Placeholder(int /*index*/) const { return "?"; }

std::string PostgresDialect::Placeholder(int index) const {
  // Not `"$" + std::to_string(index)`: g++ 12 -O3 reports a false -Wrestrict on that.
  std::string placeholder(1, '$');
  placeholder.append(std::to_string(index));
  return placeholder;
}

}  // namespace muster::storage
