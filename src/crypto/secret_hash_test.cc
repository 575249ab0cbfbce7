#include "crypto/secret_hash.h"

#include <gtest/gtest.h>

#include "core/base64.h"
#include "core/hex.h"
#include "crypto/digest.h"
#include "crypto/internal/test_random.h"

namespace muster::crypto {
namespace {

const std::string kPepper(32, 'p');

TEST(SecretHasher, HashIsLowerHexHmac) {
  SecretHasher hasher(kPepper);
  std::string hash = hasher.Hash("s3cret");
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash, HexEncode(HmacSha256(kPepper, "s3cret")));
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(SecretHasher, VerifyAcceptsOnlyTheRightSecret) {
  SecretHasher hasher(kPepper);
  std::string hash = hasher.Hash("s3cret");
  EXPECT_TRUE(hasher.Verify("s3cret", hash));
  EXPECT_FALSE(hasher.Verify("s3cret ", hash));
  EXPECT_FALSE(hasher.Verify("", hash));
  EXPECT_FALSE(SecretHasher(std::string(32, 'q')).Verify("s3cret", hash));  // other pepper
}

TEST(SecretHasher, VerifyRejectsMalformedHashes) {
  SecretHasher hasher(kPepper);
  std::string hash = hasher.Hash("s3cret");
  EXPECT_FALSE(hasher.Verify("s3cret", ""));
  EXPECT_FALSE(hasher.Verify("s3cret", hash.substr(0, 62)));
  EXPECT_FALSE(hasher.Verify("s3cret", hash + "00"));
  std::string bad = hash;
  bad[10] = 'g';
  EXPECT_FALSE(hasher.Verify("s3cret", bad));
}

TEST(GenerateSecret, Is43Base64UrlCharactersFor32Bytes) {
  internal::CountingRandom random;
  std::string a = GenerateSecret(random);
  std::string b = GenerateSecret(random);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  auto decoded = Base64UrlDecode(a);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->size(), 32u);
  EXPECT_EQ(GenerateSecret(random, 16).size(), 22u);
}

}  // namespace
}  // namespace muster::crypto
