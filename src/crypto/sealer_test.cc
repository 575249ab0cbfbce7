#include "crypto/sealer.h"

#include <gtest/gtest.h>

#include "core/base64.h"
#include "crypto/internal/test_random.h"

namespace muster::crypto {
namespace {

const std::string kKey(32, 'k');

TEST(Sealer, RoundTrip) {
  internal::CountingRandom random;
  Sealer sealer(kKey);
  for (std::string plaintext : {std::string(), std::string("client secret"), std::string(5000, 'x'),
                                std::string("\0binary\xff", 8)}) {
    std::string sealed = sealer.Seal(plaintext, random);
    EXPECT_EQ(sealed.rfind("v1.", 0), 0u);
    Result<std::string> opened = sealer.Open(sealed);
    ASSERT_TRUE(opened.ok()) << opened.error().internal;
    EXPECT_EQ(*opened, plaintext);
  }
}

TEST(Sealer, FormatIsNonceThenBox) {
  internal::CountingRandom random;
  std::string sealed = Sealer(kKey).Seal("abc", random);
  auto raw = Base64UrlDecode(sealed.substr(3));
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->size(), 24u + 16u + 3u);
  EXPECT_EQ(static_cast<uint8_t>((*raw)[0]), 1);  // first nonce byte from the counter
  EXPECT_EQ(sealed.find('='), std::string::npos);
}

TEST(Sealer, FreshNonceEachTime) {
  internal::CountingRandom random;
  Sealer sealer(kKey);
  EXPECT_NE(sealer.Seal("same", random), sealer.Seal("same", random));
}

TEST(Sealer, DetectsTampering) {
  internal::CountingRandom random;
  Sealer sealer(kKey);
  std::string sealed = sealer.Seal("the secret", random);
  std::string raw = *Base64UrlDecode(sealed.substr(3));
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string flipped = raw;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
    Result<std::string> opened = sealer.Open("v1." + Base64UrlEncode(flipped));
    ASSERT_FALSE(opened.ok()) << "byte " << i;
    EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
  }
  EXPECT_FALSE(sealer.Open("v1." + Base64UrlEncode(raw.substr(0, raw.size() - 1))).ok());
}

TEST(Sealer, RejectsWrongKey) {
  internal::CountingRandom random;
  std::string sealed = Sealer(kKey).Seal("the secret", random);
  Result<std::string> opened = Sealer(std::string(32, 'K')).Open(sealed);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().internal.find("SealedAuthenticationFailed"), std::string::npos);
}

TEST(Sealer, RejectsMalformedText) {
  Sealer sealer(kKey);
  for (std::string_view text :
       {"", "v1.", "v1.AAAA", "v2.AAAA", "V1.AAAA", "v1.!!!!",
        "v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
    EXPECT_FALSE(sealer.Open(text).ok()) << text;
  }
}

TEST(SealerDeathTest, WrongKeySizeIsABug) {
  EXPECT_DEATH(Sealer(std::string(31, 'k')), "32 bytes");
}

}  // namespace
}  // namespace muster::crypto
