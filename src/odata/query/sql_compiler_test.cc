#include "odata/query/sql_compiler.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "odata/query/internal/test_catalog.h"
#include "odata/query/query_parser.h"

namespace muster::odata::query {
namespace {

using ::testing::ElementsAre;

constexpr char kGuid[] = "0123abcd-89ab-cdef-0123-456789abcdef";
constexpr char kGuidUpper[] = "0123ABCD-89AB-CDEF-0123-456789ABCDEF";
constexpr char kKeyOrder[] = "l.external_id ASC";

CompiledQuery CompileOrDie(const FormFields& params, const Dialect& dialect, int first = 1) {
  auto query = ParseQuery(params, internal::TestCatalog());
  EXPECT_TRUE(query.ok()) << query.error().message;
  if (!query.ok()) return {};
  auto compiled = CompileQuery(*query, internal::TestCatalog(), dialect, first);
  EXPECT_TRUE(compiled.ok()) << compiled.error().internal;
  return compiled.ok() ? *compiled : CompiledQuery{};
}

struct CompileCase {
  std::string filter;
  std::string sqlite_where;
  std::string postgres_where;
  std::vector<SqlParam> params;
  friend void PrintTo(const CompileCase& c, std::ostream* os) { *os << c.filter; }
};

class CompileTest : public ::testing::TestWithParam<CompileCase> {};

TEST_P(CompileTest, BothDialects) {
  const CompileCase& c = GetParam();
  const CompiledQuery lite = CompileOrDie({{"$filter", c.filter}}, SqliteDialect());
  EXPECT_EQ(lite.where, c.sqlite_where) << c.filter;
  EXPECT_EQ(lite.params, c.params) << c.filter;
  EXPECT_EQ(lite.order_by, kKeyOrder);
  const CompiledQuery pg = CompileOrDie({{"$filter", c.filter}}, PostgresDialect());
  EXPECT_EQ(pg.where, c.postgres_where) << c.filter;
  EXPECT_EQ(pg.params, c.params) << c.filter;
  EXPECT_EQ(pg.next_placeholder, static_cast<int>(c.params.size()) + 1);
}

SqlParam S(const char* s) { return SqlParam(std::string(s)); }
SqlParam I(int64_t v) { return SqlParam(v); }

INSTANTIATE_TEST_SUITE_P(
    Operators, CompileTest,
    ::testing::Values(
        CompileCase{"Surname eq 'Smith'", "l.surname = ?", "l.surname = $1", {S("Smith")}},
        CompileCase{"Surname ne 'Smith'",
                    "(l.surname <> ? OR l.surname IS NULL)",
                    "(l.surname <> $1 OR l.surname IS NULL)",
                    {S("Smith")}},
        CompileCase{"AgeMonths gt 100", "l.age_months > ?", "l.age_months > $1", {I(100)}},
        CompileCase{"AgeMonths ge 100", "l.age_months >= ?", "l.age_months >= $1", {I(100)}},
        CompileCase{"AgeMonths lt 100", "l.age_months < ?", "l.age_months < $1", {I(100)}},
        CompileCase{"AgeMonths le 100", "l.age_months <= ?", "l.age_months <= $1", {I(100)}},
        CompileCase{"100 lt AgeMonths", "l.age_months > ?", "l.age_months > $1", {I(100)}},
        CompileCase{"Surname eq null", "l.surname IS NULL", "l.surname IS NULL", {}},
        CompileCase{"CurrentHouse/ExternalID ne null",
                    "h.external_id IS NOT NULL",
                    "h.external_id IS NOT NULL",
                    {}}));

INSTANTIATE_TEST_SUITE_P(
    LiteralTypes, CompileTest,
    ::testing::Values(CompileCase{std::string("ExternalID eq ") + kGuid,
                                  "l.external_id = ?",
                                  "l.external_id = $1",
                                  {S(kGuidUpper)}},
                      CompileCase{"AttendanceRate ge 0.95",
                                  "l.attendance_rate >= ?",
                                  "l.attendance_rate >= $1",
                                  {SqlParam(0.95)}},
                      CompileCase{"AttendanceRate ge 95",
                                  "l.attendance_rate >= ?",
                                  "l.attendance_rate >= $1",
                                  {SqlParam(95.0)}},
                      CompileCase{"DoNotCommunicate",
                                  "l.do_not_communicate = ?",
                                  "l.do_not_communicate = $1",
                                  {SqlParam(true)}},
                      CompileCase{"DoNotCommunicate eq false",
                                  "l.do_not_communicate = ?",
                                  "l.do_not_communicate = $1",
                                  {SqlParam(false)}},
                      CompileCase{"DateOfApplication ge 2024-01-01",
                                  "l.date_of_application >= ?",
                                  "l.date_of_application >= $1",
                                  {S("2024-01-01")}},
                      CompileCase{"LastModified gt 2024-01-01T10:00:00Z",
                                  "l.modified_ms > ?",
                                  "l.modified_ms > $1",
                                  {I(1704103200000)}},
                      CompileCase{"CurrentYearGroup/GroupType eq SIMS.GroupTypeEnum'YearGroup'",
                                  "yg.group_type = ?",
                                  "yg.group_type = $1",
                                  {S("YearGroup")}},
                      CompileCase{"OnRollState eq 'current'",
                                  "l.on_roll_state = ?",
                                  "l.on_roll_state = $1",
                                  {S("Current")}}));

INSTANTIATE_TEST_SUITE_P(
    Logic, CompileTest,
    ::testing::Values(CompileCase{"AgeMonths gt 1 and AgeMonths lt 9 or Surname eq 'x'",
                                  "((l.age_months > ? AND l.age_months < ?) OR l.surname = ?)",
                                  "((l.age_months > $1 AND l.age_months < $2) OR l.surname = $3)",
                                  {I(1), I(9), S("x")}},
                      CompileCase{"AgeMonths gt 1 and (AgeMonths lt 9 or Surname eq 'x')",
                                  "(l.age_months > ? AND (l.age_months < ? OR l.surname = ?))",
                                  "(l.age_months > $1 AND (l.age_months < $2 OR l.surname = $3))",
                                  {I(1), I(9), S("x")}},
                      CompileCase{"not (Surname eq 'x')",
                                  "((l.surname = ?) IS NOT TRUE)",
                                  "((l.surname = $1) IS NOT TRUE)",
                                  {S("x")}},
                      CompileCase{"not (Surname ne 'x')",
                                  "((l.surname <> ? OR l.surname IS NULL) IS NOT TRUE)",
                                  "((l.surname <> $1 OR l.surname IS NULL) IS NOT TRUE)",
                                  {S("x")}},
                      CompileCase{"not (AgeMonths gt 1 or AgeMonths lt 0)",
                                  "((l.age_months > ? OR l.age_months < ?) IS NOT TRUE)",
                                  "((l.age_months > $1 OR l.age_months < $2) IS NOT TRUE)",
                                  {I(1), I(0)}},
                      CompileCase{"not not DoNotCommunicate",
                                  "(((l.do_not_communicate = ?) IS NOT TRUE) IS NOT TRUE)",
                                  "(((l.do_not_communicate = $1) IS NOT TRUE) IS NOT TRUE)",
                                  {SqlParam(true)}}));

INSTANTIATE_TEST_SUITE_P(
    Functions, CompileTest,
    ::testing::Values(
        CompileCase{"contains(PreferredSurname,'smi')",
                    "lower(l.preferred_surname) LIKE lower(?) ESCAPE '\\'",
                    "lower(l.preferred_surname) LIKE lower($1) ESCAPE '\\'",
                    {S("%smi%")}},
        CompileCase{"substringof('smi',PreferredSurname) eq true",
                    "lower(l.preferred_surname) LIKE lower(?) ESCAPE '\\'",
                    "lower(l.preferred_surname) LIKE lower($1) ESCAPE '\\'",
                    {S("%smi%")}},
        CompileCase{"startswith(Surname,'Mc')",
                    "lower(l.surname) LIKE lower(?) ESCAPE '\\'",
                    "lower(l.surname) LIKE lower($1) ESCAPE '\\'",
                    {S("Mc%")}},
        CompileCase{"endswith(Surname,'son')",
                    "lower(l.surname) LIKE lower(?) ESCAPE '\\'",
                    "lower(l.surname) LIKE lower($1) ESCAPE '\\'",
                    {S("%son")}},
        CompileCase{"contains(tolower(Surname),'a')",
                    "lower(l.surname) LIKE lower(?) ESCAPE '\\'",
                    "lower(l.surname) LIKE lower($1) ESCAPE '\\'",
                    {S("%a%")}},
        CompileCase{"not contains(Surname,'a')",
                    "((lower(l.surname) LIKE lower(?) ESCAPE '\\') IS NOT TRUE)",
                    "((lower(l.surname) LIKE lower($1) ESCAPE '\\') IS NOT TRUE)",
                    {S("%a%")}},
        CompileCase{"tolower(Surname) eq 'smith'",
                    "lower(l.surname) = ?",
                    "lower(l.surname) = $1",
                    {S("smith")}},
        CompileCase{"toupper(Surname) ne 'SMITH'",
                    "(upper(l.surname) <> ? OR upper(l.surname) IS NULL)",
                    "(upper(l.surname) <> $1 OR upper(l.surname) IS NULL)",
                    {S("SMITH")}},
        CompileCase{std::string("CurrentYearGroup/ExternalID eq ") + kGuid +
                        " and contains(PreferredSurname,'smi')",
                    "(yg.external_id = ? AND lower(l.preferred_surname) LIKE lower(?) ESCAPE "
                    "'\\')",
                    "(yg.external_id = $1 AND lower(l.preferred_surname) LIKE lower($2) ESCAPE "
                    "'\\')",
                    {S(kGuidUpper), S("%smi%")}}));

TEST(SqlCompilerTest, RequestTextOnlyTravelsAsAParameter) {
  const CompiledQuery c =
      CompileOrDie({{"$filter", "Surname eq 'x'' OR 1=1 --' or contains(Forename,'%'' ; DROP')"}},
                   SqliteDialect());
  EXPECT_EQ(c.where, "(l.surname = ? OR lower(l.forename) LIKE lower(?) ESCAPE '\\')");
  EXPECT_EQ(c.params, (std::vector<SqlParam>{S("x' OR 1=1 --"), S("%\\%' ; DROP%")}));
}

TEST(SqlCompilerTest, LikePatternEscaping) {
  EXPECT_EQ(LikePattern(Function::kContains, ""), "%%");
  EXPECT_EQ(LikePattern(Function::kContains, "ann"), "%ann%");
  EXPECT_EQ(LikePattern(Function::kStartsWith, "50%_a\\b"), "50\\%\\_a\\\\b%");
  EXPECT_EQ(LikePattern(Function::kEndsWith, "_"), "%\\_");
  EXPECT_EQ(LikePattern(Function::kToLower, "%"), "\\%");
  const CompiledQuery c =
      CompileOrDie({{"$filter", "contains(Surname,'0_9%\\')"}}, PostgresDialect());
  EXPECT_EQ(c.params, (std::vector<SqlParam>{S("%0\\_9\\%\\\\%")}));
}

TEST(SqlCompilerTest, OrderByEndsWithTheKey) {
  struct Case {
    std::string orderby;
    std::string want;
  };
  for (const Case& c : std::vector<Case>{
           {"PreferredSurname", "l.preferred_surname ASC NULLS FIRST, l.external_id ASC"},
           {"PreferredSurname desc,Forename",
            "l.preferred_surname DESC NULLS LAST, l.forename ASC NULLS FIRST, l.external_id ASC"},
           {"CurrentYearGroup/DisplayOrder desc",
            "yg.display_order DESC NULLS LAST, l.external_id ASC"},
           {"ExternalID desc", "l.external_id DESC"},
           {"ExternalID,Surname", "l.external_id ASC, l.surname ASC NULLS FIRST"},
       }) {
    EXPECT_EQ(CompileOrDie({{"$orderby", c.orderby}}, SqliteDialect()).order_by, c.want)
        << c.orderby;
    EXPECT_EQ(CompileOrDie({{"$orderby", c.orderby}}, PostgresDialect()).order_by, c.want);
  }
}

TEST(SqlCompilerTest, PlaceholdersStartWhereTheCallerSays) {
  const CompiledQuery c =
      CompileOrDie({{"$filter", "Surname eq 'a' and Forename eq 'b'"}}, PostgresDialect(), 3);
  EXPECT_EQ(c.where, "(l.surname = $3 AND l.forename = $4)");
  EXPECT_EQ(c.next_placeholder, 5);
}

TEST(SqlCompilerTest, PagingSelectionAndCountCarryOver) {
  const CompiledQuery c = CompileOrDie({{"$top", "5000"},
                                        {"$skip", "10"},
                                        {"$select", "ExternalID,Surname"},
                                        {"$expand", "CurrentYearGroup"},
                                        {"$inlinecount", "allpages"}},
                                       SqliteDialect());
  EXPECT_EQ(c.where, "");
  EXPECT_TRUE(c.params.empty());
  EXPECT_EQ(c.limit, 1000);
  EXPECT_EQ(c.offset, 10);
  EXPECT_TRUE(c.count);
  EXPECT_THAT(c.select, ElementsAre("ExternalID", "Surname"));
  EXPECT_THAT(c.expand, ElementsAre("CurrentYearGroup"));
  EXPECT_EQ(c.next_placeholder, 1);
}

TEST(SqlCompilerTest, QueryFromAnotherCatalogIsAnInternalError) {
  Query query;
  query.filter = Node{.kind = NodeKind::kCompare};
  query.filter->children = {
      Node{.kind = NodeKind::kProperty, .path = "Nope"},
      Node{.kind = NodeKind::kLiteral, .literal = {.kind = LiteralKind::kString, .text = "x"}}};
  auto c = CompileQuery(query, internal::TestCatalog(), SqliteDialect());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, ErrorCode::kInternal);

  Query photo;  // not filterable
  photo.filter = query.filter;
  photo.filter->children[0].path = "Photograph";
  EXPECT_FALSE(CompileQuery(photo, internal::TestCatalog(), SqliteDialect()).ok());

  Query unsortable;
  unsortable.orderby = {{"UPN", false}};
  EXPECT_FALSE(CompileQuery(unsortable, internal::TestCatalog(), SqliteDialect()).ok());

  Query unbound;  // a syntax tree that was never bound
  unbound.filter = Node{.kind = NodeKind::kProperty, .path = "DoNotCommunicate"};
  EXPECT_FALSE(CompileQuery(unbound, internal::TestCatalog(), SqliteDialect()).ok());

  Query substringof;
  substringof.filter = Node{.kind = NodeKind::kFunction, .function = Function::kSubstringOf};
  substringof.filter->children = query.filter->children;
  EXPECT_FALSE(CompileQuery(substringof, internal::TestCatalog(), SqliteDialect()).ok());
}

}  // namespace
}  // namespace muster::odata::query
