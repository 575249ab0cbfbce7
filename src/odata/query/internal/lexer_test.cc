#include "odata/query/internal/lexer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace muster::odata::query::internal {
namespace {

using ::testing::HasSubstr;

// Renders every token: punctuation as itself, identifiers as name, literals via DebugString.
Result<std::string> Lex(std::string_view text) {
  Lexer lexer(text);
  std::string out;
  for (int guard = 0; guard < 1000; ++guard) {
    MUSTER_ASSIGN_OR_RETURN(Token token, lexer.Next());
    if (token.kind == TokenKind::kEnd) return out;
    if (!out.empty()) out.push_back(' ');
    if (token.kind == TokenKind::kLiteral) {
      out += DebugString(Node{.kind = NodeKind::kLiteral, .literal = token.literal});
    } else {
      out += std::string(token.text);
    }
  }
  return out;
}

struct LexCase {
  std::string text;
  std::string want;
  friend void PrintTo(const LexCase& c, std::ostream* os) { *os << c.text; }
};

class LexTest : public ::testing::TestWithParam<LexCase> {};

TEST_P(LexTest, Tokens) {
  const LexCase& c = GetParam();
  auto got = Lex(c.text);
  ASSERT_TRUE(got.ok()) << c.text << " -> " << got.error().message;
  EXPECT_EQ(*got, c.want) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Literals, LexTest,
    ::testing::Values(LexCase{"'abc'", "'abc'"}, LexCase{"'O''Neil'", "'O''Neil'"},
                      LexCase{"''", "''"}, LexCase{"'a b''''c'", "'a b''''c'"}, LexCase{"42", "42"},
                      LexCase{"-7", "-7"}, LexCase{"42L", "42"}, LexCase{"1.5", "1.5"},
                      LexCase{"-0.25", "-0.25"}, LexCase{"1e3", "1e3"}, LexCase{"2.5E-2", "2.5E-2"},
                      LexCase{"1.5M", "1.5"}, LexCase{"3d", "3"}, LexCase{"true", "true"},
                      LexCase{"FALSE", "false"}, LexCase{"null", "null"}, LexCase{"Null", "null"},
                      LexCase{"0123abcd-89ab-cdef-0123-456789abcdef",
                              "guid'0123ABCD-89AB-CDEF-0123-456789ABCDEF'"},
                      LexCase{"abcdef01-89ab-cdef-0123-456789abcdef",
                              "guid'ABCDEF01-89AB-CDEF-0123-456789ABCDEF'"},
                      LexCase{"guid'0123abcd-89ab-cdef-0123-456789abcdef'",
                              "guid'0123ABCD-89AB-CDEF-0123-456789ABCDEF'"},
                      LexCase{"Guid'0123abcd-89ab-cdef-0123-456789abcdef'",
                              "guid'0123ABCD-89AB-CDEF-0123-456789ABCDEF'"},
                      LexCase{"2024-01-01", "date'2024-01-01'"},
                      LexCase{"2024-01-01T10:00:00Z", "dto'1704103200000'"},
                      LexCase{"2024-01-01T10:00:00+01:00", "dto'1704099600000'"},
                      LexCase{"2024-01-01T10:00:00 01:00",
                              "dto'1704099600000'"},  // '+' decoded as ' '
                      LexCase{"2024-01-01T10:00:00-01:00", "dto'1704106800000'"},
                      LexCase{"datetime'2024-01-01T10:00:00'", "dto'1704103200000'"},
                      LexCase{"datetime'2024-01-01T10:00:00 01:00'", "dto'1704099600000'"},
                      LexCase{"datetimeoffset'2024-01-01T10:00:00Z'", "dto'1704103200000'"},
                      LexCase{"SIMS.GroupTypeEnum'YearGroup'", "SIMS.GroupTypeEnum'YearGroup'"}));

INSTANTIATE_TEST_SUITE_P(
    Sequences, LexTest,
    ::testing::Values(LexCase{"Surname eq 'x'", "Surname eq 'x'"},
                      LexCase{"  A/B\tne\r\n-1 ", "A / B ne -1"},
                      LexCase{"contains(Surname,'smi')", "contains ( Surname , 'smi' )"},
                      LexCase{"(a)or(b)", "( a ) or ( b )"},
                      LexCase{"Date eq 2024-01-01)", "Date eq date'2024-01-01' )"},
                      LexCase{"x eq 2024-01-01T10:00:00Z)", "x eq dto'1704103200000' )"},
                      LexCase{"x eq 2024-01-01T10:00:00Z and y", "x eq dto'1704103200000' and y"}));

TEST(LexerTest, DateTimeWithoutZoneIsAnError) {
  auto got = Lex("x eq 2024-01-01T10:00:00 and y");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().reason, "InvalidLiteral");
  EXPECT_THAT(got.error().message, HasSubstr("position 6: date-time '2024-01-01T10:00:00' needs"));
}

struct LexErrorCase {
  std::string text;
  std::string reason;
  std::string message;
  friend void PrintTo(const LexErrorCase& c, std::ostream* os) { *os << c.text; }
};

class LexErrorTest : public ::testing::TestWithParam<LexErrorCase> {};

TEST_P(LexErrorTest, Fails) {
  const LexErrorCase& c = GetParam();
  auto got = Lex(c.text);
  ASSERT_FALSE(got.ok()) << c.text << " -> " << *got;
  EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(got.error().reason, c.reason) << c.text;
  EXPECT_THAT(got.error().message, HasSubstr(c.message)) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LexErrorTest,
    ::testing::Values(
        LexErrorCase{"a eq 'abc", "InvalidFilter", "$filter at position 6: unterminated string"},
        LexErrorCase{"a eq \"x\"", "InvalidFilter", "position 6: strings are written in single"},
        LexErrorCase{"a eq 5x", "InvalidLiteral", "position 6: malformed number '5x'"},
        LexErrorCase{"a eq 1.", "InvalidLiteral", "malformed number"},
        LexErrorCase{"a eq 1e", "InvalidLiteral", "malformed number"},
        LexErrorCase{"a eq 1.5L", "InvalidLiteral", "an L suffix needs an integer"},
        LexErrorCase{"a eq 99999999999999999999", "InvalidLiteral", "out of range"},
        LexErrorCase{"a eq 1e999", "InvalidLiteral", "out of range"},
        LexErrorCase{"a eq 2024-02-30", "InvalidLiteral", "invalid date '2024-02-30'"},
        LexErrorCase{"a eq 2024-01-01x", "InvalidLiteral", "malformed date"},
        LexErrorCase{"a eq 2024-01-01T25:00:00Z", "InvalidLiteral", "invalid date-time"},
        LexErrorCase{"a eq guid'nope'", "InvalidLiteral", "position 6: invalid GUID guid'nope'"},
        LexErrorCase{"a eq datetimeoffset'2024-01-01T10:00:00'", "InvalidLiteral",
                     "invalid date-time"},
        LexErrorCase{"a eq X'0A'", "InvalidLiteral", "unsupported literal type 'X'"},
        LexErrorCase{"a eq duration'P1D'", "InvalidLiteral", "unsupported literal type"},
        LexErrorCase{"a eq SIMS.E'a b'", "InvalidLiteral", "invalid enum literal"},
        LexErrorCase{"a eq .E'a'", "InvalidFilter", "unexpected character '.'"},
        LexErrorCase{"a eq @p", "InvalidFilter", "position 6: unexpected character '@'"},
        LexErrorCase{"a eq \xC3\xA9", "InvalidFilter", "unexpected character '?'"}));

}  // namespace
}  // namespace muster::odata::query::internal
