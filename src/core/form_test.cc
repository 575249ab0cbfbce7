#include "core/form.h"

#include <gtest/gtest.h>

namespace muster {
namespace {

TEST(Form, ParsesTheSeedTokenRequest) {
  auto r = ParseForm(
      "grant_type=client_credentials&client_id=sas-x&client_secret=a%2Bb&scope=a+b&"
      "acr_values=orgselected%3A5C030578-1832-4C66-80C4-0E5DEB68D3FE");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FindField(*r, "grant_type").value(), "client_credentials");
  EXPECT_EQ(FindField(*r, "client_secret").value(), "a+b");
  EXPECT_EQ(FindField(*r, "scope").value(), "a b");
  EXPECT_EQ(FindField(*r, "acr_values").value(),
            "orgselected:5C030578-1832-4C66-80C4-0E5DEB68D3FE");
  EXPECT_FALSE(FindField(*r, "missing").has_value());
}

TEST(Form, EmptyPartsAndValuesAreTolerated) {
  auto r = ParseForm("&a=&&b&");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(FindField(*r, "a").value(), "");
  EXPECT_EQ(FindField(*r, "b").value(), "");
}

TEST(Form, ReportsDuplicates) {
  auto r = ParseForm("scope=a&scope=b");
  ASSERT_TRUE(r.ok());
  bool dup = false;
  EXPECT_EQ(FindField(*r, "scope", &dup).value(), "a");
  EXPECT_TRUE(dup);
}

TEST(Form, RejectsBadEscapesAndTooManyFields) {
  EXPECT_FALSE(ParseForm("a=%").ok());
  EXPECT_FALSE(ParseForm("a=%4").ok());
  EXPECT_FALSE(ParseForm("a=%zz").ok());
  EXPECT_FALSE(ParseForm("a=1&b=2&c=3", 2).ok());
  EXPECT_TRUE(ParseForm("a=%41").ok());
}

TEST(Form, PercentEncodeRoundTrips) {
  std::string s = "orgselected:{x} a+b/é";
  EXPECT_EQ(PercentDecode(PercentEncode(s), false).value(), s);
}

}  // namespace
}  // namespace muster
