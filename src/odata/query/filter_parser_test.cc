#include "odata/query/filter_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace muster::odata::query {
namespace {

using ::testing::HasSubstr;

struct SyntaxCase {
  std::string filter;
  std::string want;  // DebugString of the tree
  friend void PrintTo(const SyntaxCase& c, std::ostream* os) { *os << c.filter; }
};

class FilterSyntaxTest : public ::testing::TestWithParam<SyntaxCase> {};

TEST_P(FilterSyntaxTest, Parses) {
  const SyntaxCase& c = GetParam();
  auto got = ParseFilterSyntax(c.filter);
  ASSERT_TRUE(got.ok()) << c.filter << " -> " << got.error().message;
  EXPECT_EQ(DebugString(*got), c.want) << c.filter;
}

INSTANTIATE_TEST_SUITE_P(
    Comparisons, FilterSyntaxTest,
    ::testing::Values(SyntaxCase{"A eq 1", "eq(A,1)"}, SyntaxCase{"A ne 'x'", "ne(A,'x')"},
                      SyntaxCase{"A gt 1.5", "gt(A,1.5)"}, SyntaxCase{"A ge -2", "ge(A,-2)"},
                      SyntaxCase{"A lt 2024-01-01", "lt(A,date'2024-01-01')"},
                      SyntaxCase{"A le true", "le(A,true)"}, SyntaxCase{"A EQ null", "eq(A,null)"},
                      SyntaxCase{"1 lt A", "lt(1,A)"},
                      SyntaxCase{"Nav/Prop eq 'x'", "eq(Nav/Prop,'x')"},
                      SyntaxCase{"Nav / Prop eq 'x'", "eq(Nav/Prop,'x')"},
                      SyntaxCase{"A eq SIMS.E'M'", "eq(A,SIMS.E'M')"}, SyntaxCase{"A", "A"}));

INSTANTIATE_TEST_SUITE_P(
    PrecedenceAndParentheses, FilterSyntaxTest,
    ::testing::Values(
        SyntaxCase{"A eq 1 and B eq 2 or C eq 3", "or(and(eq(A,1),eq(B,2)),eq(C,3))"},
        SyntaxCase{"A eq 1 or B eq 2 and C eq 3", "or(eq(A,1),and(eq(B,2),eq(C,3)))"},
        SyntaxCase{"(A eq 1 or B eq 2) and C eq 3", "and(or(eq(A,1),eq(B,2)),eq(C,3))"},
        SyntaxCase{"A eq 1 and B eq 2 and C eq 3", "and(eq(A,1),eq(B,2),eq(C,3))"},
        SyntaxCase{"A eq 1 or B eq 2 or C eq 3", "or(eq(A,1),eq(B,2),eq(C,3))"},
        SyntaxCase{"not A", "not(A)"},
        SyntaxCase{"not A eq 1", "eq(not(A),1)"},  // not binds tighter than eq
        SyntaxCase{"not (A eq 1)", "not(eq(A,1))"}, SyntaxCase{"not(A eq 1)", "not(eq(A,1))"},
        SyntaxCase{"not not A", "not(not(A))"}, SyntaxCase{"not A and B", "and(not(A),B)"},
        SyntaxCase{"((A eq 1))", "eq(A,1)"}, SyntaxCase{"(A)eq(1)", "eq(A,1)"},
        SyntaxCase{"A eq 1 and (B eq 2 or (C eq 3 and not D))",
                   "and(eq(A,1),or(eq(B,2),and(eq(C,3),not(D))))"},
        SyntaxCase{"A eq 1 AND B eq 2 Or C eq 3", "or(and(eq(A,1),eq(B,2)),eq(C,3))"}));

INSTANTIATE_TEST_SUITE_P(
    Functions, FilterSyntaxTest,
    ::testing::Values(SyntaxCase{"contains(A,'x')", "contains(A,'x')"},
                      SyntaxCase{"startswith( A , 'x' )", "startswith(A,'x')"},
                      SyntaxCase{"endswith(A,'x')", "endswith(A,'x')"},
                      SyntaxCase{"substringof('x',A)", "substringof('x',A)"},
                      SyntaxCase{"substringof('x',A) eq true", "eq(substringof('x',A),true)"},
                      SyntaxCase{"tolower(A) eq 'x'", "eq(tolower(A),'x')"},
                      SyntaxCase{"TOUPPER(A) eq 'X'", "eq(toupper(A),'X')"},
                      SyntaxCase{"contains(tolower(A),'x')", "contains(tolower(A),'x')"},
                      SyntaxCase{"not contains(A,'x')", "not(contains(A,'x'))"},
                      SyntaxCase{"contains(A,'x') and startswith(B,'y')",
                                 "and(contains(A,'x'),startswith(B,'y'))"}));

struct SyntaxErrorCase {
  std::string filter;
  std::string reason;
  std::string message;
  friend void PrintTo(const SyntaxErrorCase& c, std::ostream* os) { *os << c.filter; }
};

class FilterSyntaxErrorTest : public ::testing::TestWithParam<SyntaxErrorCase> {};

TEST_P(FilterSyntaxErrorTest, Fails) {
  const SyntaxErrorCase& c = GetParam();
  auto got = ParseFilterSyntax(c.filter);
  ASSERT_FALSE(got.ok()) << c.filter << " -> " << DebugString(*got);
  EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(got.error().reason, c.reason) << c.filter;
  EXPECT_THAT(got.error().message, HasSubstr(c.message)) << c.filter;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FilterSyntaxErrorTest,
    ::testing::Values(
        SyntaxErrorCase{"", "InvalidFilter", "$filter is empty"},
        SyntaxErrorCase{"   ", "InvalidFilter", "$filter is empty"},
        SyntaxErrorCase{"A eq", "InvalidFilter",
                        "$filter at position 5: expected a property, a literal, '(' or a "
                        "function, found the end of $filter"},
        SyntaxErrorCase{"A eq 1 B eq 2", "InvalidFilter",
                        "position 8: expected 'and', 'or' or the end, found 'B'"},
        SyntaxErrorCase{"A eq 1)", "InvalidFilter", "position 7: no '(' to match this ')'"},
        SyntaxErrorCase{"(A eq 1", "InvalidFilter", "position 8: expected ')' or 'and'/'or'"},
        SyntaxErrorCase{"A eq 1 and", "InvalidFilter", "position 11: expected a property"},
        SyntaxErrorCase{"and A", "InvalidFilter", "position 1: expected a property, a literal"},
        SyntaxErrorCase{"A eq eq", "InvalidFilter", "position 6: expected a property"},
        SyntaxErrorCase{"A eq 1 eq 2", "InvalidFilter", "position 8: expected 'and', 'or'"},
        SyntaxErrorCase{"A add 1 eq 2", "InvalidFilter", "position 3: operator 'add' is not"},
        SyntaxErrorCase{"A has SIMS.E'x'", "InvalidFilter", "operator 'has' is not supported"},
        SyntaxErrorCase{"A in ('a','b')", "InvalidFilter", "operator 'in' is not supported"},
        SyntaxErrorCase{"length(A) eq 3", "InvalidFilter",
                        "position 1: unsupported function 'length'"},
        SyntaxErrorCase{"contains(A)", "InvalidFilter", "contains takes 2 arguments, got 1"},
        SyntaxErrorCase{"contains(A,'x','y')", "InvalidFilter", "takes 2 arguments, got 3"},
        SyntaxErrorCase{"tolower(A,'x') eq 'a'", "InvalidFilter", "tolower takes 1 argument"},
        SyntaxErrorCase{"contains()", "InvalidFilter", "contains takes 2 arguments, got 0"},
        SyntaxErrorCase{"contains(A,)", "InvalidFilter", "position 12: expected a property"},
        SyntaxErrorCase{"contains(A 'x')", "InvalidFilter", "position 12: expected ',' or ')'"},
        SyntaxErrorCase{"contains(A,'x'", "InvalidFilter", "expected ',' or ')', found the end"},
        SyntaxErrorCase{"Awards/any(a:a/X eq 1)", "InvalidFilter", "position 8: lambda operators"},
        SyntaxErrorCase{"A/ 'x' eq 1", "InvalidFilter", "position 4: expected a property name"},
        SyntaxErrorCase{"A/1 eq 1", "InvalidFilter", "expected a property name after '/'"},
        SyntaxErrorCase{"SIMS.E eq 1", "InvalidFilter", "unexpected qualified name 'SIMS.E'"},
        SyntaxErrorCase{"A eq 'x", "InvalidFilter", "position 6: unterminated string"},
        SyntaxErrorCase{"A eq 12x", "InvalidLiteral", "position 6: malformed number"},
        SyntaxErrorCase{std::string("A eq 'a\0b'", 10), "InvalidFilter", "not valid UTF-8"},
        SyntaxErrorCase{"A eq '\xFF'", "InvalidFilter", "not valid UTF-8"}));

TEST(FilterLimitsTest, Length) {
  const std::string value(4096 - 7, 'x');
  const std::string at_limit = "A eq '" + value + "'";
  ASSERT_EQ(at_limit.size(), 4096u);
  EXPECT_TRUE(ParseFilterSyntax(at_limit).ok());
  auto too_long = ParseFilterSyntax(at_limit + " ");
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().reason, "InvalidFilter");
  EXPECT_THAT(too_long.error().message, HasSubstr("longer than 4096 bytes"));
  EXPECT_FALSE(ParseFilterSyntax("A eq 'xx'", {.max_length = 8}).ok());
}

std::string Nested(int depth, const std::string& open, const std::string& close) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += open;
  text += "A eq 1";
  for (int i = 0; i < depth; ++i) text += close;
  return text;
}

TEST(FilterLimitsTest, Depth) {
  EXPECT_TRUE(ParseFilterSyntax(Nested(32, "(", ")")).ok());
  auto parens = ParseFilterSyntax(Nested(33, "(", ")"));
  ASSERT_FALSE(parens.ok());
  EXPECT_THAT(parens.error().message, HasSubstr("position 33: nested more than 32 levels deep"));
  EXPECT_FALSE(ParseFilterSyntax(Nested(17, "not (", ")")).ok());  // 34 levels
  EXPECT_TRUE(ParseFilterSyntax(Nested(16, "not (", ")")).ok());   // 32 levels
  std::string nots;
  for (int i = 0; i < 33; ++i) nots += "not ";
  EXPECT_FALSE(ParseFilterSyntax(nots + "A").ok());
  EXPECT_FALSE(ParseFilterSyntax(Nested(40, "tolower(", ")")).ok());
  EXPECT_FALSE(ParseFilterSyntax(Nested(3, "(", ")"), {.max_depth = 2}).ok());
  // Far beyond the cap: still a clean error, no stack exhaustion.
  auto deep = ParseFilterSyntax(Nested(2000, "(", ")"));
  ASSERT_FALSE(deep.ok());
  EXPECT_THAT(deep.error().message, HasSubstr("nested more than 32"));
}

TEST(FilterLimitsTest, LongFlatChainsStayShallow) {
  std::string chain = "A eq 0";
  for (int i = 1; i < 250; ++i) chain += " and A eq " + std::to_string(i);
  auto got = ParseFilterSyntax(chain);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got->kind, NodeKind::kAnd);
  EXPECT_EQ(got->children.size(), 250u);
}

TEST(FilterSyntaxTest, NodePositions) {
  auto got = ParseFilterSyntax("A eq 1 and  contains(B,'x')");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->pos, 0u);
  EXPECT_EQ(got->children[1].pos, 12u);
  EXPECT_EQ(got->children[1].children[1].pos, 23u);
  EXPECT_EQ(got->children[0].children[1].pos, 5u);
}

}  // namespace
}  // namespace muster::odata::query
