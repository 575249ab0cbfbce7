#include "oneroster/query/internal/text.h"

#include <gtest/gtest.h>

#include <string>

namespace muster::oneroster::query::internal {
namespace {

TEST(TextTest, FieldNames) {
  EXPECT_TRUE(IsFieldName("sourcedId"));
  EXPECT_TRUE(IsFieldName("metadata.uk_upn2"));
  EXPECT_FALSE(IsFieldName(""));
  EXPECT_FALSE(IsFieldName(".a"));
  EXPECT_FALSE(IsFieldName("a."));
  EXPECT_FALSE(IsFieldName("a..b"));
  EXPECT_FALSE(IsFieldName("a-b"));
}

TEST(TextTest, Utf8) {
  EXPECT_TRUE(IsCleanUtf8(""));
  EXPECT_TRUE(IsCleanUtf8("ascii"));
  EXPECT_TRUE(IsCleanUtf8("M\xC3\xBCller \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsCleanUtf8(std::string("a\0b", 3)));
  EXPECT_FALSE(IsCleanUtf8("\x80"));
  EXPECT_FALSE(IsCleanUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsCleanUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsCleanUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsCleanUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsCleanUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsCleanUtf8("\xF8\x88\x80\x80\x80"));
}

TEST(TextTest, EchoAndTrim) {
  EXPECT_EQ(Echo("abc"), "abc");
  EXPECT_EQ(Echo("a\nb\xC3\xBC"), "a?b??");
  EXPECT_EQ(Echo("abcdef", 3), "abc...");
  EXPECT_EQ(Trim(" \t a b \r\n"), "a b");
  EXPECT_TRUE(EqualsIgnoreCase("orderBy", "ORDERBY"));
  EXPECT_FALSE(EqualsIgnoreCase("orderBy", "orderB"));
}

}  // namespace
}  // namespace muster::oneroster::query::internal
