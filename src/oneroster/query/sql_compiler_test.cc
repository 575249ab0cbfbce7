#include "oneroster/query/sql_compiler.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "oneroster/query/internal/test_catalog.h"
#include "oneroster/query/query_parser.h"

namespace muster::oneroster::query {
namespace {

struct CompileCase {
  FormFields params;
  std::string sqlite_where;
  std::string postgres_where;
  std::vector<SqlParam> params_want;
  std::string order_by = "u.sourced_id ASC";
};

CompiledQuery CompileOrDie(const FormFields& params, const Dialect& dialect, int first = 1) {
  auto query = ParseCollectionQuery(params, internal::TestCatalog());
  EXPECT_TRUE(query.ok()) << query.error().message;
  auto compiled = CompileQuery(*query, internal::TestCatalog(), dialect, first);
  EXPECT_TRUE(compiled.ok());
  return *compiled;
}

class CompileTest : public ::testing::TestWithParam<CompileCase> {};

TEST_P(CompileTest, BothDialects) {
  const CompileCase& c = GetParam();
  const CompiledQuery lite = CompileOrDie(c.params, SqliteDialect());
  EXPECT_EQ(lite.where, c.sqlite_where);
  EXPECT_EQ(lite.params, c.params_want);
  EXPECT_EQ(lite.order_by, c.order_by);
  const CompiledQuery pg = CompileOrDie(c.params, PostgresDialect());
  EXPECT_EQ(pg.where, c.postgres_where);
  EXPECT_EQ(pg.params, c.params_want);
  EXPECT_EQ(pg.order_by, c.order_by);
  EXPECT_EQ(pg.next_placeholder, static_cast<int>(c.params_want.size()) + 1);
}

const char kLikeEmailSqlite[] = "lower(u.email) LIKE lower(?) ESCAPE '\\'";

INSTANTIATE_TEST_SUITE_P(
    Cases, CompileTest,
    ::testing::Values(
        CompileCase{{}, "", "", {}},
        CompileCase{
            {{"filter", "status='active'"}}, "u.status = ?", "u.status = $1", {SqlParam("active")}},
        CompileCase{{{"filter", "role='student' AND dateLastModified>'2024-01-01'"}},
                    "(u.role = ? AND u.date_last_modified_ms > ?)",
                    "(u.role = $1 AND u.date_last_modified_ms > $2)",
                    {SqlParam("student"), SqlParam(int64_t{1704067200000})}},
        CompileCase{{{"filter", "username='stud1' OR email~'Stud1'"}},
                    std::string("(u.username = ? OR ") + kLikeEmailSqlite + ")",
                    "(u.username = $1 OR lower(u.email) LIKE lower($2) ESCAPE '\\')",
                    {SqlParam("stud1"), SqlParam("%Stud1%")}},
        CompileCase{{{"filter", "email!='t@x.org'"}},
                    "(u.email <> ? OR u.email IS NULL)",
                    "(u.email <> $1 OR u.email IS NULL)",
                    {SqlParam("t@x.org")}},
        CompileCase{{{"filter", "priority>='3' OR priority<'1'"}},
                    "(u.priority >= ? OR u.priority < ?)",
                    "(u.priority >= $1 OR u.priority < $2)",
                    {SqlParam(int64_t{3}), SqlParam(int64_t{1})}},
        CompileCase{{{"filter", "score<='9.5'"}}, "u.score <= ?", "u.score <= $1", {SqlParam(9.5)}},
        CompileCase{{{"filter", "enabledUser='true'"}},
                    "u.enabled_user = ?",
                    "u.enabled_user = $1",
                    {SqlParam(true)}},
        CompileCase{{{"filter", "birthDate<'2010-05-06T12:00:00Z'"}},
                    "u.birth_date < ?",
                    "u.birth_date < $1",
                    {SqlParam("2010-05-06")}},
        CompileCase{{{"filter", "metadata.ukUpn='A1'"}},
                    "json_extract(u.metadata, '$.ukUpn') = ?",
                    "json_extract(u.metadata, '$.ukUpn') = $1",
                    {SqlParam("A1")}},
        CompileCase{{{"sort", "familyName"}},
                    "",
                    "",
                    {},
                    "u.family_name ASC NULLS FIRST, u.sourced_id ASC"},
        CompileCase{{{"sort", "familyName"}, {"orderBy", "desc"}},
                    "",
                    "",
                    {},
                    "u.family_name DESC NULLS LAST, u.sourced_id DESC"},
        CompileCase{{{"orderBy", "desc"}}, "", "", {}, "u.sourced_id DESC"},
        CompileCase{{{"sort", "sourcedId"}, {"orderBy", "desc"}}, "", "", {}, "u.sourced_id DESC"},
        CompileCase{{{"sort", "bogus"}, {"orderBy", "desc"}}, "", "", {}, "u.sourced_id ASC"}));

TEST(SqlCompilerTest, RequestTextOnlyTravelsAsAParameter) {
  const CompiledQuery c = CompileOrDie(
      {{"filter", "givenName='x'' OR 1=1 --' OR familyName~'%'' ; DROP'"}}, SqliteDialect());
  EXPECT_EQ(c.where, std::string("(u.given_name = ? OR lower(u.family_name) LIKE lower(?) ") +
                         "ESCAPE '\\')");
  EXPECT_EQ(c.params, (std::vector<SqlParam>{SqlParam("x' OR 1=1 --"), SqlParam("%\\%' ; DROP%")}));
}

TEST(SqlCompilerTest, LikePatternEscaping) {
  EXPECT_EQ(ContainsPattern(""), "%%");
  EXPECT_EQ(ContainsPattern("ann"), "%ann%");
  EXPECT_EQ(ContainsPattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
  const CompiledQuery c = CompileOrDie({{"filter", "grades~'0_9%'"}}, PostgresDialect());
  EXPECT_EQ(c.params, (std::vector<SqlParam>{SqlParam("%0\\_9\\%%")}));
}

TEST(SqlCompilerTest, PlaceholdersStartWhereTheCallerSays) {
  const CompiledQuery c =
      CompileOrDie({{"filter", "status='active' AND role='teacher'"}}, PostgresDialect(), 3);
  EXPECT_EQ(c.where, "(u.status = $3 AND u.role = $4)");
  EXPECT_EQ(c.next_placeholder, 5);
}

TEST(SqlCompilerTest, PagingAndFieldsCarryOver) {
  const CompiledQuery c = CompileOrDie(
      {{"limit", "5000"}, {"offset", "10000"}, {"fields", "sourcedId,email"}}, SqliteDialect());
  EXPECT_EQ(c.limit, 5000);
  EXPECT_EQ(c.offset, 10000);
  EXPECT_EQ(c.fields, (std::vector<std::string>{"sourcedId", "email"}));
  EXPECT_EQ(c.next_placeholder, 1);
}

TEST(SqlCompilerTest, QueryFromAnotherCatalogIsAnInternalError) {
  Query query;
  query.filter = Filter{{Predicate{"nope", CompareOp::kEq, std::string("x")}}};
  auto c = CompileQuery(query, internal::TestCatalog(), SqliteDialect());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, ErrorCode::kInternal);
  Query sorted;
  sorted.sort_field = "grades";  // not sortable
  EXPECT_FALSE(CompileQuery(sorted, internal::TestCatalog(), SqliteDialect()).ok());
  Query contains_int;
  contains_int.filter = Filter{{Predicate{"priority", CompareOp::kContains, int64_t{1}}}};
  EXPECT_FALSE(CompileQuery(contains_int, internal::TestCatalog(), SqliteDialect()).ok());
}

}  // namespace
}  // namespace muster::oneroster::query
