#include "oneroster/query/query_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "oneroster/query/internal/test_catalog.h"

namespace muster::oneroster::query {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Result<Query> Parse(const FormFields& params, const QueryOptions& options = {}) {
  return ParseCollectionQuery(params, internal::TestCatalog(), options);
}

void ExpectError(const Result<Query>& got, const std::string& reason, const std::string& text) {
  ASSERT_FALSE(got.ok()) << text;
  EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(got.error().reason, reason);
  EXPECT_THAT(got.error().message, HasSubstr(text));
}

TEST(QueryParserTest, DefaultsWithoutParameters) {
  auto q = Parse({{"access_token", "x"}, {"continuationToken", "y"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->limit, 100);
  EXPECT_EQ(q->offset, 0);
  EXPECT_FALSE(q->limit_clamped);
  EXPECT_FALSE(q->sort_field);
  EXPECT_EQ(q->direction, SortDirection::kAsc);
  EXPECT_TRUE(q->fields.empty());
  EXPECT_FALSE(q->filter);
  EXPECT_TRUE(q->warnings.empty());
}

struct LimitCase {
  std::string text;
  int64_t want;  // -1 = error
  bool clamped = false;
};

class LimitTest : public ::testing::TestWithParam<LimitCase> {};

TEST_P(LimitTest, Limit) {
  const LimitCase& c = GetParam();
  auto q = Parse({{"limit", c.text}});
  if (c.want < 0) {
    ExpectError(q, "invaliddata", "limit must be a positive integer");
    return;
  }
  ASSERT_TRUE(q.ok()) << c.text;
  EXPECT_EQ(q->limit, c.want) << c.text;
  EXPECT_EQ(q->limit_clamped, c.clamped) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LimitTest,
    ::testing::Values(LimitCase{"1", 1}, LimitCase{"100", 100}, LimitCase{"5000", 5000},
                      LimitCase{"10000", 10000}, LimitCase{"10001", 10000, true},
                      LimitCase{"99999999999999999999999", 10000, true}, LimitCase{" 50 ", 50},
                      LimitCase{"+5", 5}, LimitCase{"007", 7}, LimitCase{"0", -1},
                      LimitCase{"-1", -1}, LimitCase{"abc", -1}, LimitCase{"1.5", -1},
                      LimitCase{"", -1}, LimitCase{"1e3", -1}, LimitCase{"0x10", -1},
                      LimitCase{"+", -1}, LimitCase{"10 0", -1}));

struct OffsetCase {
  std::string text;
  int64_t want;  // -1 = error
};

class OffsetTest : public ::testing::TestWithParam<OffsetCase> {};

TEST_P(OffsetTest, Offset) {
  const OffsetCase& c = GetParam();
  auto q = Parse({{"offset", c.text}});
  if (c.want < 0) {
    ASSERT_FALSE(q.ok()) << c.text;
    EXPECT_EQ(q.error().reason, "invaliddata");
    EXPECT_THAT(q.error().message, HasSubstr("offset"));
    return;
  }
  ASSERT_TRUE(q.ok()) << c.text;
  EXPECT_EQ(q->offset, c.want);
}

INSTANTIATE_TEST_SUITE_P(Cases, OffsetTest,
                         ::testing::Values(OffsetCase{"0", 0}, OffsetCase{"200", 200},
                                           OffsetCase{"9223372036854775807", INT64_MAX},
                                           OffsetCase{"9223372036854775808", -1},
                                           OffsetCase{"-1", -1}, OffsetCase{"x", -1},
                                           OffsetCase{"", -1}, OffsetCase{"1.0", -1}));

TEST(QueryParserTest, LimitOptions) {
  QueryOptions options;
  options.default_limit = 50;
  options.max_limit = 500;
  auto q = Parse({}, options);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->limit, 50);
  q = Parse({{"limit", "1000"}}, options);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->limit, 500);
  EXPECT_TRUE(q->limit_clamped);
}

struct SortCase {
  std::optional<std::string> sort;
  std::optional<std::string> order_by;
  std::optional<std::string> want_field;
  SortDirection want_direction;
  std::vector<std::string> want_warnings;  // codeMinor of each warning
};

class SortTest : public ::testing::TestWithParam<SortCase> {};

TEST_P(SortTest, Sort) {
  const SortCase& c = GetParam();
  FormFields params;
  if (c.sort) params.emplace_back("sort", *c.sort);
  if (c.order_by) params.emplace_back("orderBy", *c.order_by);
  auto q = Parse(params);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->sort_field, c.want_field);
  EXPECT_EQ(q->direction, c.want_direction);
  std::vector<std::string> warnings;
  for (const auto& w : q->warnings) warnings.push_back(w.code_minor);
  EXPECT_EQ(warnings, c.want_warnings);
}

using D = SortDirection;
using S = std::optional<std::string>;
const std::vector<std::string> kSortWarning = {"invalid_sort_field"};

INSTANTIATE_TEST_SUITE_P(
    Cases, SortTest,
    ::testing::Values(
        SortCase{"familyName", {}, "familyName", D::kAsc, {}},
        SortCase{" familyName ", "desc", "familyName", D::kDesc, {}},
        SortCase{"familyName", "DESC", "familyName", D::kDesc, {}},
        SortCase{"familyName", "Asc", "familyName", D::kAsc, {}},
        SortCase{"sourcedId", "desc", S{}, D::kDesc, {}},
        SortCase{"dateLastModified", {}, "dateLastModified", D::kAsc, {}},
        SortCase{{}, "desc", S{}, D::kDesc, {}}, SortCase{"", "", S{}, D::kAsc, {}},
        SortCase{"bogus", {}, S{}, D::kAsc, kSortWarning},
        SortCase{"bogus", "desc", S{}, D::kAsc, kSortWarning},
        SortCase{"FamilyName", {}, S{}, D::kAsc, kSortWarning},
        SortCase{"grades", {}, S{}, D::kAsc, kSortWarning},
        SortCase{"orgs", {}, S{}, D::kAsc, kSortWarning},
        SortCase{"familyName,givenName", {}, S{}, D::kAsc, kSortWarning},
        SortCase{"familyName", "down", "familyName", D::kAsc, kSortWarning},
        SortCase{"bogus", "down", S{}, D::kAsc, {"invalid_sort_field", "invalid_sort_field"}}));

TEST(QueryParserTest, SortWarningDescribesTheField) {
  auto q = Parse({{"sort", "bogus"}});
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->warnings.size(), 1u);
  EXPECT_EQ(q->warnings[0].description, "cannot sort by 'bogus'; using the default order");
}

TEST(QueryParserTest, FieldsKeepsKnownInOrderWithoutDuplicates) {
  auto q = Parse({{"fields", "givenName,sourcedId, givenName ,orgs"}});
  ASSERT_TRUE(q.ok());
  EXPECT_THAT(q->fields, ElementsAre("givenName", "sourcedId", "orgs"));
  EXPECT_TRUE(q->warnings.empty());
}

TEST(QueryParserTest, UnknownFieldsWarnAndAreDropped) {
  auto q = Parse({{"fields", "sourcedId,bogus,,givenName,metadata.ukUpn"}});
  ASSERT_TRUE(q.ok());
  EXPECT_THAT(q->fields, ElementsAre("sourcedId", "givenName"));
  EXPECT_THAT(
      q->warnings,
      ElementsAre(
          Warning{"invalid_selection_field", "unknown field 'bogus' in fields; ignored"},
          Warning{"invalid_selection_field", "unknown field 'metadata.ukUpn' in fields; ignored"}));
}

TEST(QueryParserTest, FieldsAllUnknownOrBlankIsAnError) {
  ExpectError(Parse({{"fields", "bogus,nope"}}), "invalid_selection_field", "no known field");
  ExpectError(Parse({{"fields", ""}}), "invalid_selection_field", "fields is blank");
  ExpectError(Parse({{"fields", " , ,"}}), "invalid_selection_field", "fields is blank");
}

TEST(QueryParserTest, FieldsCountIsBounded) {
  std::string many;
  for (int i = 0; i < 101; ++i) many += "sourcedId,";
  ExpectError(Parse({{"fields", many}}), "invalid_selection_field", "more than 100 fields");
}

TEST(QueryParserTest, FilterIsParsedAndErrorsPropagate) {
  auto q = Parse({{"filter", "role='student' AND dateLastModified>'2024-01-01'"}});
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(q->filter);
  EXPECT_EQ(q->filter->clauses.size(), 2u);
  ExpectError(Parse({{"filter", "bogus='x'"}}), "invalid_filter_field", "unknown filter field");
  ExpectError(Parse({{"filter", ""}}), "invalid_filter_field", "filter is empty");
  QueryOptions options;
  options.max_filter_length = 10;
  ExpectError(Parse({{"filter", "status='active'"}}, options), "invalid_filter_field",
              "longer than 10 bytes");
}

TEST(QueryParserTest, ParameterNamesIgnoreCaseButDuplicatesAreErrors) {
  auto q = Parse({{"LIMIT", "5"}, {"orderby", "desc"}, {"Filter", "status='active'"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->limit, 5);
  EXPECT_EQ(q->direction, SortDirection::kDesc);
  EXPECT_TRUE(q->filter);
  ExpectError(Parse({{"limit", "5"}, {"Limit", "6"}}), "invaliddata",
              "'limit' is given more than once");
  ExpectError(Parse({{"filter", "status='a'"}, {"filter", "role='b'"}}), "invaliddata",
              "'filter' is given more than once");
}

TEST(QueryParserTest, ConsumerRequestsParse) {
  // What SDS and Google send (oneroster.md §1.6, §1.9).
  const FormFields requests[] = {
      {{"limit", "5000"}, {"offset", "10000"}},
      {{"filter", "email='t@x.org'"}, {"limit", "10000"}},
      {{"filter", "dateLastModified>'2020-01-01T01:00:00.000Z'"}, {"limit", "5000"}},
      {{"filter", "role='guardian'"}},
      {{"limit", "1"}, {"offset", "2"}},
  };
  for (const auto& params : requests) {
    auto q = Parse(params);
    ASSERT_TRUE(q.ok()) << params[0].second;
    EXPECT_TRUE(q->warnings.empty());
  }
}

TEST(QueryParserTest, ObjectQueryUsesOnlyFields) {
  auto q = ParseObjectQuery(
      {{"fields", "givenName"}, {"limit", "-1"}, {"filter", "junk"}, {"limit", "2"}},
      internal::TestCatalog());
  ASSERT_TRUE(q.ok());
  EXPECT_THAT(q->fields, ElementsAre("givenName"));
  EXPECT_FALSE(q->filter);
  EXPECT_EQ(q->limit, 100);
  ASSERT_FALSE(ParseObjectQuery({{"fields", "bogus"}}, internal::TestCatalog()).ok());
}

}  // namespace
}  // namespace muster::oneroster::query
