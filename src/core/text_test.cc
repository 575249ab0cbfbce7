#include "core/text.h"

#include <gtest/gtest.h>

namespace muster {
namespace {

TEST(Text, EqualsIgnoreCaseFoldsAsciiOnly) {
  EXPECT_TRUE(EqualsIgnoreCase("Bearer", "bEARER"));
  EXPECT_FALSE(EqualsIgnoreCase("Bearer", "Bearer "));
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\x89", "\xC3\xA9"));  // É and é: not ASCII
  EXPECT_TRUE(EqualsIgnoreCase("", ""));
}

TEST(Text, StartsWithIgnoreCase) {
  EXPECT_TRUE(StartsWithIgnoreCase("Basic dXNlcg==", "basic "));
  EXPECT_TRUE(StartsWithIgnoreCase("BEARER x", "bearer "));
  EXPECT_TRUE(StartsWithIgnoreCase("orgSelected:ABC", "orgselected:"));
  EXPECT_TRUE(StartsWithIgnoreCase("anything", ""));
  EXPECT_TRUE(StartsWithIgnoreCase("bearer ", "bearer "));
  EXPECT_FALSE(StartsWithIgnoreCase("bearer", "bearer "));  // shorter than the prefix
  EXPECT_FALSE(StartsWithIgnoreCase("Basic", "bearer"));
  EXPECT_FALSE(StartsWithIgnoreCase("", "b"));
  EXPECT_FALSE(StartsWithIgnoreCase("[earer x", "{earer "));  // '[' is not 'A'..'Z'
}

TEST(Text, AsciiLowerLowersOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("5C030578-1832-4C66-80C4-0E5DEB68D3FE"),
            "5c030578-1832-4c66-80c4-0e5deb68d3fe");
  EXPECT_EQ(AsciiLower("O'Brien-SMITH @[Z]"), "o'brien-smith @[z]");
  EXPECT_EQ(AsciiLower("\xC3\x89t\xC3\xA9"), "\xC3\x89t\xC3\xA9");  // "Été": bytes kept
  EXPECT_EQ(AsciiLower(""), "");
}

TEST(Text, ParseDecimalSaturating) {
  bool overflow = true;
  EXPECT_EQ(ParseDecimalSaturating("0", &overflow), 0);
  EXPECT_FALSE(overflow);
  EXPECT_EQ(ParseDecimalSaturating("007", &overflow), 7);
  EXPECT_EQ(ParseDecimalSaturating("9223372036854775807", &overflow), INT64_MAX);
  EXPECT_FALSE(overflow);
  EXPECT_EQ(ParseDecimalSaturating("9223372036854775808", &overflow), INT64_MAX);
  EXPECT_TRUE(overflow);
  EXPECT_EQ(ParseDecimalSaturating("99999999999999999999999", &overflow), INT64_MAX);
  EXPECT_TRUE(overflow);
  EXPECT_EQ(ParseDecimalSaturating("5", &overflow), 5);
  EXPECT_FALSE(overflow);  // cleared on every call
  for (const char* bad : {"", "-1", "+1", " 1", "1 ", "1e3", "0x10", "1.0"}) {
    EXPECT_FALSE(ParseDecimalSaturating(bad, &overflow).has_value()) << bad;
  }
}

}  // namespace
}  // namespace muster
