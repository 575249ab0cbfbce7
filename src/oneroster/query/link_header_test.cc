#include "oneroster/query/link_header.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace muster::oneroster::query {
namespace {

constexpr char kBase[] = "https://h/ims/oneroster/v1p1/users";

std::string Link(int64_t offset, const char* rel, int64_t limit = 10,
                 const std::string& query = "") {
  return std::string("<") + kBase + "?" + query + "limit=" + std::to_string(limit) +
         "&offset=" + std::to_string(offset) + ">; rel=\"" + rel + "\"";
}

struct PageCase {
  int64_t offset;
  int64_t total;
  std::string want;
};

class LinkPagesTest : public ::testing::TestWithParam<PageCase> {};

TEST_P(LinkPagesTest, Pages) {
  const PageCase& c = GetParam();
  EXPECT_EQ(BuildLinkHeader(kBase, {}, 10, c.offset, c.total), c.want);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LinkPagesTest,
    ::testing::Values(
        PageCase{0, 35, Link(0, "first") + ", " + Link(10, "next") + ", " + Link(30, "last")},
        PageCase{10, 35,
                 Link(0, "first") + ", " + Link(0, "prev") + ", " + Link(20, "next") + ", " +
                     Link(30, "last")},
        PageCase{30, 35, Link(0, "first") + ", " + Link(20, "prev") + ", " + Link(30, "last")},
        PageCase{20, 30, Link(0, "first") + ", " + Link(10, "prev") + ", " + Link(20, "last")},
        PageCase{0, 10, Link(0, "first") + ", " + Link(0, "last")},
        PageCase{0, 0, Link(0, "first") + ", " + Link(0, "last")},
        PageCase{5, 35,
                 Link(0, "first") + ", " + Link(0, "prev") + ", " + Link(15, "next") + ", " +
                     Link(30, "last")},
        PageCase{100, 35, Link(0, "first") + ", " + Link(30, "prev") + ", " + Link(30, "last")},
        PageCase{INT64_MAX, INT64_MAX,
                 Link(0, "first") + ", " + Link(INT64_MAX - 10, "prev") + ", " +
                     Link((INT64_MAX - 1) / 10 * 10, "last")}));

TEST(LinkHeaderTest, KeepsOtherParametersEncodedOnce) {
  const FormFields params = {
      {"filter", "role='student' AND dateLastModified>'2024-01-01T00:00:00.000Z'"},
      {"limit", "100"},
      {"sort", "familyName"},
      {"OFFSET", "200"},
      {"fields", "sourcedId,givenName"},
      {"x", "50% off & more"}};
  const std::string query =
      "filter=role%3D%27student%27%20AND%20dateLastModified%3E%272024-01-01T00%3A00%3A00.000Z%27"
      "&sort=familyName&fields=sourcedId%2CgivenName&x=50%25%20off%20%26%20more&";
  EXPECT_EQ(BuildLinkHeader(kBase, params, 100, 200, 1000),
            Link(0, "first", 100, query) + ", " + Link(100, "prev", 100, query) + ", " +
                Link(300, "next", 100, query) + ", " + Link(900, "last", 100, query));
}

TEST(LinkHeaderTest, BaseWithQueryGetsAmpersand) {
  EXPECT_EQ(BuildLinkHeader("https://h/u?a=b", {}, 5, 0, 3),
            "<https://h/u?a=b&limit=5&offset=0>; rel=\"first\", "
            "<https://h/u?a=b&limit=5&offset=0>; rel=\"last\"");
}

}  // namespace
}  // namespace muster::oneroster::query
