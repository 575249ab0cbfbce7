#include "core/base64.h"

#include <gtest/gtest.h>

namespace muster {
namespace {

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(Base64, RoundTripsEveryLength) {
  std::string data;
  for (int i = 0; i < 70; ++i) {
    auto back = Base64UrlDecode(Base64UrlEncode(data));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, data);
    auto back_std = Base64Decode(Base64Encode(data));
    ASSERT_TRUE(back_std.has_value());
    EXPECT_EQ(*back_std, data);
    data.push_back(static_cast<char>(i * 37));
  }
}

TEST(Base64, RejectsBadInput) {
  EXPECT_FALSE(Base64UrlDecode("ab+c").has_value());  // '+' is not base64url
  EXPECT_FALSE(Base64Decode("a").has_value());        // impossible length
  EXPECT_FALSE(Base64UrlDecode("Zh").has_value());    // non-zero trailing bits
  EXPECT_FALSE(Base64UrlDecode("Zm9v\n").has_value());
}

}  // namespace
}  // namespace muster
