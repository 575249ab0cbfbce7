#include "crypto/password.h"

#include <gtest/gtest.h>

namespace muster::crypto {
namespace {

TEST(Password, HashThenVerify) {
  Result<std::string> hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash.ok()) << hash.error().internal;
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", *hash));
  EXPECT_FALSE(VerifyPassword("correct horse battery stapler", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
}

TEST(Password, SaltedSoHashesDiffer) {
  Result<std::string> a = HashPassword("pw");
  Result<std::string> b = HashPassword("pw");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
}

TEST(Password, MalformedHashesAreRejected) {
  EXPECT_FALSE(VerifyPassword("pw", ""));
  EXPECT_FALSE(VerifyPassword("pw", "not a hash"));
  EXPECT_FALSE(VerifyPassword("pw", std::string("$argon2id$\0x", 12)));
  EXPECT_FALSE(VerifyPassword("pw", std::string(1000, 'a')));
}

}  // namespace
}  // namespace muster::crypto
