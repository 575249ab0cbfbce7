#include "http/basic_auth.h"

#include <gtest/gtest.h>

#include "core/base64.h"

namespace muster::http {
namespace {

TEST(BasicAuth, ParsesAndDecodesFormEncoding) {
  auto c = ParseBasicAuth("Basic " + Base64Encode("sas-oneroster-1:a%2Bb%3Ac"));
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->user, "sas-oneroster-1");
  EXPECT_EQ(c->password, "a+b:c");
  EXPECT_TRUE(ParseBasicAuth("basic " + Base64Encode("u:p")).has_value());
}

TEST(BasicAuth, RejectsMalformedHeaders) {
  EXPECT_FALSE(ParseBasicAuth("Bearer abc").has_value());
  EXPECT_FALSE(ParseBasicAuth("Basic").has_value());
  EXPECT_FALSE(ParseBasicAuth("Basic !!!").has_value());
  EXPECT_FALSE(ParseBasicAuth("Basic " + Base64Encode("nocolon")).has_value());
  EXPECT_FALSE(ParseBasicAuth("Basic " + Base64Encode(":empty-user")).has_value());
  EXPECT_FALSE(ParseBasicAuth("Basic " + Base64Encode("u:%zz")).has_value());
}

}  // namespace
}  // namespace muster::http
