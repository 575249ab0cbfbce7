#include "odata/query/filter_binder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "odata/query/internal/test_catalog.h"

namespace muster::odata::query {
namespace {

using ::testing::HasSubstr;

constexpr char kGuid[] = "0123abcd-89ab-cdef-0123-456789abcdef";
constexpr char kGuidUpper[] = "guid'0123ABCD-89AB-CDEF-0123-456789ABCDEF'";

struct BindCase {
  std::string filter;
  std::string want;  // DebugString of the bound tree
  friend void PrintTo(const BindCase& c, std::ostream* os) { *os << c.filter; }
};

class FilterBindTest : public ::testing::TestWithParam<BindCase> {};

TEST_P(FilterBindTest, Binds) {
  const BindCase& c = GetParam();
  auto got = ParseFilter(c.filter, internal::TestCatalog());
  ASSERT_TRUE(got.ok()) << c.filter << " -> " << got.error().message;
  EXPECT_EQ(DebugString(*got), c.want) << c.filter;
}

std::string G(const std::string& text) { return text + kGuid; }

INSTANTIATE_TEST_SUITE_P(
    LiteralTypes, FilterBindTest,
    ::testing::Values(
        BindCase{"Surname eq 'O''Neil'", "eq(Surname,'O''Neil')"},
        BindCase{G("ExternalID eq "), std::string("eq(ExternalID,") + kGuidUpper + ")"},
        BindCase{G("ExternalID eq guid'") + "'", std::string("eq(ExternalID,") + kGuidUpper + ")"},
        BindCase{G("ExternalID eq '") + "'", std::string("eq(ExternalID,") + kGuidUpper + ")"},
        BindCase{"AgeMonths gt 100", "gt(AgeMonths,100)"},
        BindCase{"AgeMonths le -1L", "le(AgeMonths,-1)"},
        BindCase{"AttendanceRate ge 95", "ge(AttendanceRate,95)"},
        BindCase{"AttendanceRate lt 0.95", "lt(AttendanceRate,0.95)"},
        BindCase{"AttendanceRate lt 95.5M", "lt(AttendanceRate,95.5)"},
        BindCase{"DoNotCommunicate eq true", "eq(DoNotCommunicate,true)"},
        BindCase{"DoNotCommunicate ne false", "ne(DoNotCommunicate,false)"},
        BindCase{"DateOfApplication ge 2024-01-01", "ge(DateOfApplication,date'2024-01-01')"},
        BindCase{"DateOfApplication ge datetime'2024-01-01T00:00:00'",
                 "ge(DateOfApplication,date'2024-01-01')"},
        BindCase{"DateOfApplication lt 2024-01-02T00:00:00Z",
                 "lt(DateOfApplication,date'2024-01-02')"},
        BindCase{"LastModified gt 2024-01-01T10:00:00Z", "gt(LastModified,dto'1704103200000')"},
        BindCase{"LastModified gt 2024-01-01T11:00:00+01:00",
                 "gt(LastModified,dto'1704103200000')"},
        BindCase{"LastModified gt 2024-01-01", "gt(LastModified,dto'1704067200000')"},
        BindCase{"LastModified gt datetime'2024-01-01T10:00:00'",
                 "gt(LastModified,dto'1704103200000')"},
        BindCase{"LastModified gt datetimeoffset'2024-01-01T10:00:00Z'",
                 "gt(LastModified,dto'1704103200000')"},
        BindCase{"CurrentYearGroup/GroupType eq SIMS.GroupTypeEnum'YearGroup'",
                 "eq(CurrentYearGroup/GroupType,SIMS.GroupTypeEnum'YearGroup')"},
        BindCase{"CurrentYearGroup/GroupType ne sims.grouptypeenum'house'",
                 "ne(CurrentYearGroup/GroupType,SIMS.GroupTypeEnum'House')"},
        BindCase{"OnRollState eq 'Current'", "eq(OnRollState,SIMS.OnRollStateEnum'Current')"},
        BindCase{"OnRollState eq 'leaver'", "eq(OnRollState,SIMS.OnRollStateEnum'Leaver')"},
        BindCase{"Surname eq null", "eq(Surname,null)"},
        BindCase{"CurrentHouse/ExternalID ne null", "ne(CurrentHouse/ExternalID,null)"},
        BindCase{"LastModified eq null", "eq(LastModified,null)"}));

INSTANTIATE_TEST_SUITE_P(
    Rewrites, FilterBindTest,
    ::testing::Values(BindCase{"100 lt AgeMonths", "gt(AgeMonths,100)"},
                      BindCase{"100 ge AgeMonths", "le(AgeMonths,100)"},
                      BindCase{"'x' eq Surname", "eq(Surname,'x')"},
                      BindCase{"null ne Surname", "ne(Surname,null)"},
                      BindCase{"DoNotCommunicate", "eq(DoNotCommunicate,true)"},
                      BindCase{"not DoNotCommunicate", "not(eq(DoNotCommunicate,true))"},
                      BindCase{"substringof('smi',PreferredSurname)",
                               "contains(PreferredSurname,'smi')"},
                      BindCase{"substringof('smi', PreferredSurname) eq true",
                               "contains(PreferredSurname,'smi')"},
                      BindCase{"substringof('smi', PreferredSurname) eq false",
                               "not(contains(PreferredSurname,'smi'))"},
                      BindCase{"substringof('smi', PreferredSurname) ne true",
                               "not(contains(PreferredSurname,'smi'))"},
                      BindCase{"true eq startswith(Surname,'S')", "startswith(Surname,'S')"},
                      BindCase{"(AgeMonths gt 1 and AgeMonths lt 9) eq true",
                               "and(gt(AgeMonths,1),lt(AgeMonths,9))"}));

INSTANTIATE_TEST_SUITE_P(
    FunctionsAndNavigation, FilterBindTest,
    ::testing::Values(
        BindCase{"contains(PreferredSurname,'smi')", "contains(PreferredSurname,'smi')"},
        BindCase{"startswith(Forename,'Jo')", "startswith(Forename,'Jo')"},
        BindCase{"endswith(Surname,'son')", "endswith(Surname,'son')"},
        BindCase{"contains(CurrentYearGroup/Description,'Year')",
                 "contains(CurrentYearGroup/Description,'Year')"},
        BindCase{"tolower(Surname) eq 'smith'", "eq(tolower(Surname),'smith')"},
        BindCase{"toupper(Surname) ne 'SMITH'", "ne(toupper(Surname),'SMITH')"},
        BindCase{"contains(tolower(Surname),'smi')", "contains(tolower(Surname),'smi')"},
        BindCase{G("CurrentYearGroup/ExternalID eq ") + " and contains(PreferredSurname,'smi')",
                 std::string("and(eq(CurrentYearGroup/ExternalID,") + kGuidUpper +
                     "),contains(PreferredSurname,'smi'))"},
        BindCase{"OnRollState eq 'Current' and (CurrentHouse/ExternalID ne null or "
                 "not DoNotCommunicate)",
                 "and(eq(OnRollState,SIMS.OnRollStateEnum'Current'),or(ne(CurrentHouse/"
                 "ExternalID,null),not(eq(DoNotCommunicate,true))))"}));

struct BindErrorCase {
  std::string filter;
  std::string reason;
  std::string message;
  friend void PrintTo(const BindErrorCase& c, std::ostream* os) { *os << c.filter; }
};

class FilterBindErrorTest : public ::testing::TestWithParam<BindErrorCase> {};

TEST_P(FilterBindErrorTest, Fails) {
  const BindErrorCase& c = GetParam();
  auto got = ParseFilter(c.filter, internal::TestCatalog());
  ASSERT_FALSE(got.ok()) << c.filter << " -> " << DebugString(*got);
  EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(got.error().reason, c.reason) << c.filter;
  EXPECT_THAT(got.error().message, HasSubstr(c.message)) << c.filter;
}

INSTANTIATE_TEST_SUITE_P(
    UnknownProperties, FilterBindErrorTest,
    ::testing::Values(
        BindErrorCase{"Surnme eq 'x'", "UnknownProperty",
                      "$filter at position 1: unknown property 'Surnme'"},
        BindErrorCase{"AgeMonths gt 1 and surname eq 'x'", "UnknownProperty",
                      "position 20: unknown property 'surname' (did you mean 'Surname'?)"},
        BindErrorCase{"CurrentYearGroup eq 'x'", "UnknownProperty",
                      "'CurrentYearGroup' is a navigation property; use one of its properties, "
                      "e.g. 'CurrentYearGroup/ExternalID'"},
        BindErrorCase{"CurrentYearGroup/Bogus eq 1", "UnknownProperty",
                      "unknown property 'CurrentYearGroup/Bogus'"},
        BindErrorCase{"PupilPremiumAwards/Amount gt 1", "UnknownProperty", "unknown property"},
        BindErrorCase{"Photograph eq 'x'", "UnknownProperty",
                      "property 'Photograph' cannot be used in $filter"},
        BindErrorCase{"CurrentYearGroup/DisplayOrder eq 1", "UnknownProperty",
                      "cannot be used in $filter"},
        BindErrorCase{"contains(Nope,'x')", "UnknownProperty",
                      "position 10: unknown property 'Nope'"}));

INSTANTIATE_TEST_SUITE_P(
    Literals, FilterBindErrorTest,
    ::testing::Values(
        BindErrorCase{"AgeMonths eq 'x'", "InvalidLiteral",
                      "position 14: Edm.String literal does not match Edm.Int64 property "
                      "'AgeMonths'"},
        BindErrorCase{"AgeMonths eq 1.5", "InvalidLiteral", "Edm.Decimal literal does not match"},
        BindErrorCase{"Surname eq 5", "InvalidLiteral", "strings are quoted"},
        BindErrorCase{"ExternalID eq 'nope'", "InvalidLiteral", "write a GUID"},
        BindErrorCase{"ExternalID eq 5", "InvalidLiteral", "does not match Edm.Guid"},
        BindErrorCase{"DoNotCommunicate eq 1", "InvalidLiteral", "write true or false"},
        BindErrorCase{"DateOfApplication eq 2024-01-01T10:00:00Z", "InvalidLiteral",
                      "does not match Edm.Date property"},
        BindErrorCase{"DateOfApplication eq '2024-01-01'", "InvalidLiteral",
                      "write a date such as 2024-01-01"},
        BindErrorCase{"LastModified gt 5", "InvalidLiteral", "Edm.DateTimeOffset"},
        BindErrorCase{"GenderCategory eq SIMS.GroupTypeEnum'YearGroup'", "InvalidLiteral",
                      "position 19: enum type 'SIMS.GroupTypeEnum' does not match property "
                      "'GenderCategory' of type SIMS.GenderCategoryEnum"},
        BindErrorCase{"GenderCategory eq 'Other'", "InvalidLiteral",
                      "'Other' is not a member of SIMS.GenderCategoryEnum (Male, Female, "
                      "Unknown)"},
        BindErrorCase{"GenderCategory eq 1", "InvalidLiteral",
                      "write SIMS.GenderCategoryEnum'Member' or 'Member'"},
        BindErrorCase{"Surname eq SIMS.GenderCategoryEnum'Male'", "InvalidLiteral",
                      "enum literal does not match Edm.String"},
        BindErrorCase{"contains(Surname,5)", "InvalidLiteral",
                      "position 18: contains expects a string literal here"},
        BindErrorCase{"tolower(Surname) eq 5", "InvalidLiteral", "does not match Edm.String"}));

INSTANTIATE_TEST_SUITE_P(
    Misplaced, FilterBindErrorTest,
    ::testing::Values(
        BindErrorCase{"AgeMonths gt null", "InvalidFilter",
                      "position 14: null can only be compared with eq or ne"},
        BindErrorCase{"DoNotCommunicate gt false", "InvalidFilter",
                      "'gt' does not apply to Edm.Boolean property 'DoNotCommunicate'"},
        BindErrorCase{G("ExternalID lt "), "InvalidFilter", "'lt' does not apply to Edm.Guid"},
        BindErrorCase{"OnRollState ge 'Current'", "InvalidFilter",
                      "'ge' does not apply to SIMS.OnRollStateEnum"},
        BindErrorCase{"contains(AgeMonths,'1')", "InvalidFilter",
                      "position 10: contains needs an Edm.String property, 'AgeMonths' is "
                      "Edm.Int64"},
        BindErrorCase{"contains(ExternalID,'1')", "InvalidFilter", "needs an Edm.String"},
        BindErrorCase{"substringof(Surname,'x')", "InvalidFilter",
                      "position 21: substringof expects a property here"},
        BindErrorCase{"contains('x',Surname)", "InvalidFilter", "contains expects a property"},
        BindErrorCase{"contains(Surname,Forename)", "InvalidFilter",
                      "expects a string literal here ('...'), found property 'Forename'"},
        BindErrorCase{"Surname eq Forename", "InvalidFilter",
                      "'eq' compares a property with a literal, found property 'Surname' and "
                      "property 'Forename'"},
        BindErrorCase{"1 eq 1", "InvalidFilter", "a comparison needs a property on one side"},
        BindErrorCase{"Surname", "InvalidFilter", "property 'Surname' is not Edm.Boolean"},
        BindErrorCase{"'x'", "InvalidFilter",
                      "position 1: expected a condition (a comparison, contains(...), ...), "
                      "found an Edm.String literal"},
        BindErrorCase{"true", "InvalidFilter", "found an Edm.Boolean literal"},
        BindErrorCase{"Surname eq 'x' or null", "InvalidFilter",
                      "position 19: expected a condition (a comparison, contains(...), ...), "
                      "found a null literal"},
        BindErrorCase{"tolower(Surname)", "InvalidFilter", "expected a condition"},
        BindErrorCase{"not Surname eq 'x'", "InvalidFilter", "found a condition"},
        BindErrorCase{"tolower(AgeMonths) eq 'x'", "InvalidFilter",
                      "tolower needs an Edm.String property"},
        BindErrorCase{"tolower(tolower(Surname)) eq 'x'", "InvalidFilter", "expected a property"},
        BindErrorCase{"contains(Surname,'x') gt true", "InvalidFilter",
                      "can only be compared with eq or ne"},
        BindErrorCase{"AgeMonths gt 1 and (Surname eq 'a' or 'b')", "InvalidFilter",
                      "position 39: expected a condition"}));

TEST(FilterBinderTest, HandBuiltTreesAreChecked) {
  Node compare{.kind = NodeKind::kCompare};
  compare.children.push_back(Node{.kind = NodeKind::kProperty, .path = "Surname"});
  auto got = BindFilter(compare, internal::TestCatalog());
  ASSERT_FALSE(got.ok());
  EXPECT_THAT(got.error().message, HasSubstr("malformed expression"));
  EXPECT_FALSE(BindFilter(Node{.kind = NodeKind::kAnd}, internal::TestCatalog()).ok());
}

TEST(FilterBinderTest, BoundLiteralsCarryTheirValues) {
  auto got =
      ParseFilter("AttendanceRate gt 9 and LastModified lt 2024-01-01", internal::TestCatalog());
  ASSERT_TRUE(got.ok());
  const Literal& rate = got->children[0].children[1].literal;
  EXPECT_EQ(rate.kind, LiteralKind::kDecimal);
  EXPECT_EQ(rate.decimal, 9.0);
  const Literal& modified = got->children[1].children[1].literal;
  EXPECT_EQ(modified.kind, LiteralKind::kDateTimeOffset);
  EXPECT_EQ(modified.integer, 1704067200000);
  EXPECT_EQ(got->children[1].children[1].pos, 40u);
}

}  // namespace
}  // namespace muster::odata::query
