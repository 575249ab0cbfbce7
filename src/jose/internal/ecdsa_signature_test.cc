#include "jose/internal/ecdsa_signature.h"

#include <gtest/gtest.h>

namespace muster::jose::internal {
namespace {

TEST(EcdsaSignature, SmallComponentsArePaddedAndRoundTrip) {
  std::string raw(64, '\0');
  raw[31] = 0x05;        // r = 5
  raw[32] = char(0x80);  // s has its top bit set: DER needs a leading zero byte
  raw[63] = 0x01;
  std::optional<std::string> der = EcdsaRawToDer(raw);
  ASSERT_TRUE(der.has_value());
  EXPECT_EQ(static_cast<uint8_t>((*der)[0]), 0x30);  // SEQUENCE
  std::optional<std::string> back = EcdsaDerToRaw(*der, 32);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, raw);
}

TEST(EcdsaSignature, RejectsMalformedDer) {
  std::string raw(64, '\x11');
  std::string der = *EcdsaRawToDer(raw);
  EXPECT_FALSE(EcdsaDerToRaw(der + "x", 32).has_value());  // trailing bytes
  EXPECT_FALSE(EcdsaDerToRaw(der.substr(0, der.size() - 1), 32).has_value());
  EXPECT_FALSE(EcdsaDerToRaw("", 32).has_value());
  EXPECT_FALSE(EcdsaDerToRaw(der, 16).has_value());  // components do not fit
}

TEST(EcdsaSignature, RejectsOddRaw) {
  EXPECT_FALSE(EcdsaRawToDer("").has_value());
  EXPECT_FALSE(EcdsaRawToDer(std::string(63, '\x01')).has_value());
}

}  // namespace
}  // namespace muster::jose::internal
