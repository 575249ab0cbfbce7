#include "storage/sql_dialect.h"

#include <gtest/gtest.h>

namespace muster::storage {
namespace {

TEST(SqlDialect, Placeholders) {
  EXPECT_EQ(SqliteDialect().Placeholder(1), "?");
  EXPECT_EQ(SqliteDialect().Placeholder(12), "?");
  EXPECT_EQ(PostgresDialect().Placeholder(1), "$1");
  EXPECT_EQ(PostgresDialect().Placeholder(12), "$12");
}

TEST(SqlDialect, LikeIgnoringCaseIsTheSameOnBoth) {
  const std::string want = R"(lower(u.given_name) LIKE lower(?) ESCAPE '\')";
  EXPECT_EQ(SqliteDialect().LikeIgnoringCase("u.given_name", "?"), want);
  EXPECT_EQ(PostgresDialect().LikeIgnoringCase("u.given_name", "$3"),
            R"(lower(u.given_name) LIKE lower($3) ESCAPE '\')");
}

}  // namespace
}  // namespace muster::storage
