#include "odata/query/query_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "odata/query/internal/test_catalog.h"

namespace muster::odata::query {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Result<Query> Parse(const FormFields& params, const QueryOptions& options = {}) {
  return ParseQuery(params, internal::TestCatalog(), options);
}

void ExpectError(const Result<Query>& got, const std::string& reason, const std::string& text) {
  ASSERT_FALSE(got.ok()) << text;
  EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(got.error().reason, reason) << got.error().message;
  EXPECT_THAT(got.error().message, HasSubstr(text));
}

TEST(QueryParserTest, DefaultsAndIgnoredParameters) {
  auto q = Parse({{"access_token", "x"}, {"filter", "nonsense"}, {"", "y"}, {"top", "-1"}});
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_EQ(q->top, 1000);
  EXPECT_EQ(q->skip, 0);
  EXPECT_FALSE(q->requested_top);
  EXPECT_FALSE(q->count);
  EXPECT_FALSE(q->filter);
  EXPECT_THAT(q->orderby, IsEmpty());
  EXPECT_THAT(q->select, IsEmpty());
  EXPECT_THAT(q->expand, IsEmpty());
}

struct PagingCase {
  FormFields params;
  int64_t top;
  std::optional<int64_t> requested_top;
  int64_t skip = 0;
};

class PagingTest : public ::testing::TestWithParam<PagingCase> {};

TEST_P(PagingTest, Paging) {
  const PagingCase& c = GetParam();
  auto q = Parse(c.params, {.max_page_size = 1000});
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_EQ(q->top, c.top);
  EXPECT_EQ(q->requested_top, c.requested_top);
  EXPECT_EQ(q->skip, c.skip);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PagingTest,
    ::testing::Values(PagingCase{{{"$top", "10"}}, 10, 10}, PagingCase{{{"$top", "0"}}, 0, 0},
                      PagingCase{{{"$top", "1000"}}, 1000, 1000},
                      PagingCase{{{"$top", "2500"}}, 1000, 2500},
                      PagingCase{{{"$top", "99999999999999999999999"}}, 1000, INT64_MAX},
                      PagingCase{{{"$skip", "20"}}, 1000, std::nullopt, 20},
                      PagingCase{{{"$top", "007"}, {"$skip", "0"}}, 7, 7, 0},
                      PagingCase{{{"$TOP", "5"}, {"$Skip", "5"}}, 5, 5, 5}));

TEST(QueryParserTest, PageSizeIsConfigurable) {
  auto q = Parse({{"$top", "300"}}, {.max_page_size = 250});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->top, 250);
  EXPECT_EQ(q->requested_top, 300);
  auto defaulted = Parse({}, {.max_page_size = 250});
  EXPECT_EQ(defaulted->top, 250);
  auto floor = Parse({}, {.max_page_size = 0});  // a misconfigured cap still pages
  EXPECT_EQ(floor->top, 1);
}

struct ErrorCase {
  FormFields params;
  std::string reason;
  std::string message;
};

class QueryErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(QueryErrorTest, Fails) {
  const ErrorCase& c = GetParam();
  ExpectError(Parse(c.params), c.reason, c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Options, QueryErrorTest,
    ::testing::Values(
        ErrorCase{{{"$top", "-1"}},
                  "InvalidQueryOption",
                  "$top must be a non-negative integer, got '-1'"},
        ErrorCase{{{"$top", "1.5"}}, "InvalidQueryOption", "$top must be a non-negative"},
        ErrorCase{{{"$top", "+5"}}, "InvalidQueryOption", "$top must be a non-negative"},
        ErrorCase{{{"$top", " 5"}}, "InvalidQueryOption", "$top must be a non-negative"},
        ErrorCase{{{"$top", "1e3"}}, "InvalidQueryOption", "$top must be a non-negative"},
        ErrorCase{{{"$skip", "abc"}},
                  "InvalidQueryOption",
                  "$skip must be a non-negative integer, got 'abc'"},
        ErrorCase{{{"$skip", "-10"}}, "InvalidQueryOption", "$skip must be a non-negative"},
        ErrorCase{{{"$skip", "99999999999999999999"}}, "InvalidQueryOption", "$skip is too large"},
        ErrorCase{{{"$top", ""}}, "InvalidQueryOption", "'$top' has no value"},
        ErrorCase{{{"$filter", " "}}, "InvalidQueryOption", "'$filter' has no value"},
        ErrorCase{
            {{"$top", "1"}, {"$top", "2"}}, "InvalidQueryOption", "'$top' is given more than once"},
        ErrorCase{{{"$filter", "AgeMonths gt 1"}, {"$Filter", "AgeMonths gt 2"}},
                  "InvalidQueryOption",
                  "'$filter' is given more than once"},
        ErrorCase{{{"$count", "true"}, {"$inlinecount", "allpages"}},
                  "InvalidQueryOption",
                  "give $count or $inlinecount, not both"},
        ErrorCase{
            {{"$count", "yes"}}, "InvalidQueryOption", "$count must be true or false, got 'yes'"},
        ErrorCase{{{"$inlinecount", "true"}},
                  "InvalidQueryOption",
                  "$inlinecount must be allpages or none"},
        ErrorCase{{{"$format", "xml"}},
                  "InvalidQueryOption",
                  "$format 'xml' is not supported; only json is"},
        ErrorCase{{{"$format", "application/atom+xml"}}, "InvalidQueryOption", "is not supported"},
        ErrorCase{{{"$foo", "1"}}, "InvalidQueryOption", "unknown system query option '$foo'"},
        ErrorCase{{{"$", "1"}}, "InvalidQueryOption", "unknown system query option '$'"},
        ErrorCase{{{"$search", "smith"}},
                  "InvalidQueryOption",
                  "system query option '$search' is not supported"},
        ErrorCase{{{"$skiptoken", "abc"}}, "InvalidQueryOption", "is not supported"},
        ErrorCase{{{"$apply", "groupby((Surname))"}}, "InvalidQueryOption", "not supported"},
        ErrorCase{{{"$filter", "Nope eq 1"}}, "UnknownProperty", "unknown property 'Nope'"},
        ErrorCase{{{"$filter", "AgeMonths eq 'x'"}}, "InvalidLiteral", "position 14"},
        ErrorCase{{{"$filter", "AgeMonths eq"}}, "InvalidFilter", "$filter at position 13"}));

INSTANTIATE_TEST_SUITE_P(
    Lists, QueryErrorTest,
    ::testing::Values(
        ErrorCase{{{"$orderby", "Nope"}},
                  "UnknownProperty",
                  "$orderby at position 1: unknown property 'Nope'"},
        ErrorCase{{{"$orderby", "Surname,surname desc"}},
                  "UnknownProperty",
                  "$orderby at position 9: unknown property 'surname' (did you mean"},
        ErrorCase{
            {{"$orderby", "UPN"}}, "UnknownProperty", "property 'UPN' cannot be used in $orderby"},
        ErrorCase{{{"$orderby", "CurrentYearGroup"}},
                  "UnknownProperty",
                  "'CurrentYearGroup' is a navigation property; use one of its properties, "
                  "e.g. 'CurrentYearGroup/ExternalID'"},
        ErrorCase{{{"$orderby", "Surname sideways"}},
                  "InvalidQueryOption",
                  "$orderby at position 9: expected asc or desc, found 'sideways'"},
        ErrorCase{{{"$orderby", "Surname asc desc"}},
                  "InvalidQueryOption",
                  "expected asc or desc, found 'asc desc'"},
        ErrorCase{{{"$orderby", "Surname,,Forename"}},
                  "InvalidQueryOption",
                  "$orderby at position 9: empty item"},
        ErrorCase{{{"$orderby", "Surname,"}}, "InvalidQueryOption", "empty item"},
        ErrorCase{{{"$orderby", "Surname, Surname desc"}},
                  "InvalidQueryOption",
                  "$orderby at position 10: 'Surname' is listed twice"},
        ErrorCase{{{"$orderby", "length(Surname)"}},
                  "InvalidQueryOption",
                  "'length(Surname)' is not a property path"},
        ErrorCase{{{"$orderby", "a,b,c,d,e,f,g,h,i"}},
                  "InvalidQueryOption",
                  "$orderby at position 17: more than 8 items"},
        ErrorCase{{{"$select", "Surname,Nope"}},
                  "UnknownProperty",
                  "$select at position 9: unknown property 'Nope'"},
        ErrorCase{{{"$select", "CurrentYearGroup/ExternalID"}},
                  "InvalidQueryOption",
                  "is not a property name ($select takes names, not paths"},
        ErrorCase{{{"$select", "PupilPremiumAwards"}},
                  "UnknownProperty",
                  "navigation property 'PupilPremiumAwards' cannot be selected"},
        ErrorCase{{{"$select", "Surname,"}}, "InvalidQueryOption", "empty item"},
        ErrorCase{{{"$expand", "Surname"}},
                  "UnknownProperty",
                  "$expand at position 1: 'Surname' is not a navigation property"},
        ErrorCase{{{"$expand", "Nope"}}, "UnknownProperty", "unknown property 'Nope'"},
        ErrorCase{{{"$expand", "CurrentPrimaryClass"}},
                  "UnknownProperty",
                  "navigation property 'CurrentPrimaryClass' cannot be expanded"},
        ErrorCase{{{"$expand", "CurrentYearGroup($select=Description)"}},
                  "InvalidQueryOption",
                  "$expand at position 17: options in parentheses"},
        ErrorCase{{{"$expand", "CurrentYearGroup/Learners"}},
                  "InvalidQueryOption",
                  "multi-level expansion is not supported"}));

TEST(QueryParserTest, ListsAreCapped) {
  const std::string long_select = "Surname" + std::string(4096, ' ');
  ExpectError(Parse({{"$select", long_select}}), "InvalidQueryOption",
              "$select is longer than 4096 bytes");
  std::string many;
  for (int i = 0; i < 101; ++i) many += "Surname,";
  ExpectError(Parse({{"$select", many + "Surname"}}), "InvalidQueryOption", "more than 100");
  ExpectError(Parse({{"$filter", "Surname eq '" + std::string(5000, 'x') + "'"}}), "InvalidFilter",
              "longer than 4096 bytes");
}

TEST(QueryParserTest, CountAndFormat) {
  EXPECT_TRUE(Parse({{"$count", "true"}})->count);
  EXPECT_TRUE(Parse({{"$count", "TRUE"}})->count);
  EXPECT_FALSE(Parse({{"$count", "false"}})->count);
  EXPECT_TRUE(Parse({{"$inlinecount", "allpages"}})->count);  // OData v3 alias
  EXPECT_FALSE(Parse({{"$inlinecount", "none"}})->count);
  for (const char* format :
       {"json", "JSON", "application/json", "application/json;odata.metadata=minimal"}) {
    EXPECT_TRUE(Parse({{"$format", format}}).ok()) << format;
  }
}

TEST(QueryParserTest, OrderBy) {
  auto q = Parse({{"$orderby",
                   " PreferredSurname desc ,Forename asc,CurrentYearGroup/DisplayOrder,"
                   "ExternalID DESC"}});
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_THAT(q->orderby,
              ElementsAre(OrderItem{"PreferredSurname", true}, OrderItem{"Forename", false},
                          OrderItem{"CurrentYearGroup/DisplayOrder", false},
                          OrderItem{"ExternalID", true}));
}

TEST(QueryParserTest, Select) {
  auto q = Parse({{"$select", "Surname, ExternalID,Surname,CurrentYearGroup,Photograph"}});
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_THAT(q->select, ElementsAre("Surname", "ExternalID", "CurrentYearGroup", "Photograph"));
  auto star = Parse({{"$select", "Surname,*"}});
  ASSERT_TRUE(star.ok());
  EXPECT_THAT(star->select, IsEmpty());
  ExpectError(Parse({{"$select", "*,Nope"}}), "UnknownProperty", "unknown property 'Nope'");
}

TEST(QueryParserTest, Expand) {
  auto q = Parse({{"$expand", "PupilPremiumAwards, CurrentYearGroup,PupilPremiumAwards"}});
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_THAT(q->expand, ElementsAre("PupilPremiumAwards", "CurrentYearGroup"));
  auto star = Parse({{"$expand", "*"}});
  ASSERT_TRUE(star.ok());
  EXPECT_THAT(star->expand, ElementsAre("CurrentYearGroup", "CurrentHouse", "PupilPremiumAwards"));
}

TEST(QueryParserTest, FilterIsBound) {
  auto q = Parse({{"$filter", "substringof('smi',Surname) eq true and AgeMonths gt 100"},
                  {"$top", "2"},
                  {"$count", "true"}});
  ASSERT_TRUE(q.ok()) << q.error().message;
  ASSERT_TRUE(q->filter);
  EXPECT_EQ(DebugString(*q->filter), "and(contains(Surname,'smi'),gt(AgeMonths,100))");
  EXPECT_EQ(q->top, 2);
  EXPECT_TRUE(q->count);
}

TEST(QueryParserTest, FilterLimitsAreConfigurable) {
  ExpectError(Parse({{"$filter", "((AgeMonths gt 1))"}}, {.filter = {.max_depth = 1}}),
              "InvalidFilter", "nested more than 1 levels deep");
}

}  // namespace
}  // namespace muster::odata::query
