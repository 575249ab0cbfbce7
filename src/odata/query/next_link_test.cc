#include "odata/query/next_link.h"

#include <gtest/gtest.h>

#include <string>

#include "odata/query/internal/test_catalog.h"
#include "odata/query/query_parser.h"

namespace muster::odata::query {
namespace {

constexpr char kBase[] = "https://h/dex/Learner/odata/v3/LearnerPersonals";

std::string Next(const FormFields& params, bool more = true, int64_t max_page = 1000) {
  auto query = ParseQuery(params, internal::TestCatalog(), {.max_page_size = max_page});
  EXPECT_TRUE(query.ok()) << query.error().message;
  return query.ok() ? BuildNextLink(kBase, params, *query, more) : "";
}

TEST(NextLinkTest, AdvancesSkipByThePage) {
  EXPECT_EQ(Next({}), std::string(kBase) + "?$skip=1000");
  EXPECT_EQ(Next({{"$skip", "2000"}}), std::string(kBase) + "?$skip=3000");
  EXPECT_EQ(Next({{"$skip", "5"}}, true, 10), std::string(kBase) + "?$skip=15");
}

TEST(NextLinkTest, NoLinkOnTheLastPage) {
  EXPECT_EQ(Next({}, false), "");
  EXPECT_EQ(Next({{"$top", "0"}}), "");
  EXPECT_EQ(Next({{"$top", "10"}}), "");  // the client asked for 10 and got them
  EXPECT_EQ(Next({{"$top", "1000"}}), "");
}

TEST(NextLinkTest, ClientTopIsATotalAcrossPages) {
  EXPECT_EQ(Next({{"$top", "2500"}}), std::string(kBase) + "?$top=1500&$skip=1000");
  EXPECT_EQ(Next({{"$top", "1500"}, {"$skip", "1000"}}),
            std::string(kBase) + "?$top=500&$skip=2000");
  EXPECT_EQ(Next({{"$top", "500"}, {"$skip", "2000"}}), "");
}

TEST(NextLinkTest, KeepsEveryOtherOptionEncodedOnce) {
  const FormFields params = {
      {"$filter", "contains(Surname,'O''Neil') and LastModified gt 2024-01-01T10:00:00+01:00"},
      {"$TOP", "1500"},
      {"$orderby", "Surname desc"},
      {"$count", "true"},
      {"school", "a&b=c %41 \xC3\xA9"},
      {"$skip", "0"}};
  const std::string link = Next(params);
  EXPECT_EQ(link, std::string(kBase) +
                      "?$filter=contains%28Surname%2C%27O%27%27Neil%27%29%20and%20LastModified"
                      "%20gt%202024-01-01T10%3A00%3A00%2B01%3A00"
                      "&$orderby=Surname%20desc&$count=true"
                      "&school=a%26b%3Dc%20%2541%20%C3%A9&$top=500&$skip=1000");
  // Decoding the link's query gives back the client's parameters with paging advanced.
  auto decoded = ParseForm(link.substr(link.find('?') + 1));
  ASSERT_TRUE(decoded.ok());
  const FormFields want = {{"$filter", params[0].second},
                           {"$orderby", "Surname desc"},
                           {"$count", "true"},
                           {"school", params[4].second},
                           {"$top", "500"},
                           {"$skip", "1000"}};
  EXPECT_EQ(*decoded, want);
}

TEST(NextLinkTest, BaseWithQueryAndOverflow) {
  Query query;
  query.top = 10;
  EXPECT_EQ(BuildNextLink("https://h/x?a=1", {}, query, true), "https://h/x?a=1&$skip=10");
  query.skip = INT64_MAX - 5;
  EXPECT_EQ(BuildNextLink(kBase, {}, query, true), "");
}

TEST(NextLinkTest, EncodeQueryComponent) {
  EXPECT_EQ(EncodeQueryComponent("$skip"), "$skip");
  EXPECT_EQ(EncodeQueryComponent("a-b.c_d~e"), "a-b.c_d~e");
  EXPECT_EQ(EncodeQueryComponent("a b+c&d=e%f/'()"), "a%20b%2Bc%26d%3De%25f%2F%27%28%29");
  EXPECT_EQ(EncodeQueryComponent(std::string("\0\xFF", 2)), "%00%FF");
}

}  // namespace
}  // namespace muster::odata::query
