#include "auth/key_manager.h"

#include <gtest/gtest.h>

#include "tests/support/platform_fixture.h"

namespace muster::auth {
namespace {

class KeyManagerTest : public ::testing::Test, public muster::testing::PlatformFixture {
 protected:
  KeyPolicy Policy() {
    KeyPolicy p;
    p.alg = jose::JwsAlg::kES256;
    p.announce_s = 600;
    p.lifetime_s = 86400;
    p.token_lifetime_s = 3600;
    p.skew_s = 30;
    return p;
  }
  size_t JwksKeys(const KeyManager& k) {
    std::string jwks = k.Jwks();
    size_t n = 0;
    for (size_t pos = 0; (pos = jwks.find("\"kid\"", pos)) != std::string::npos; ++pos) ++n;
    return n;
  }
};

TEST_F(KeyManagerTest, FirstTickCreatesASigningKey) {
  KeyManager keys(*store_, clock_, sealer_, Policy());
  EXPECT_EQ(keys.Signer(), nullptr);
  ASSERT_TRUE(keys.Tick().ok());
  ASSERT_NE(keys.Signer(), nullptr);
  EXPECT_EQ(keys.Signer()->alg(), jose::JwsAlg::kES256);
  EXPECT_EQ(JwksKeys(keys), 1u);
  // A second manager over the same store (a restart, another node) loads the same key.
  KeyManager other(*store_, clock_, sealer_, Policy());
  ASSERT_TRUE(other.Load().ok());
  EXPECT_EQ(other.Signer()->kid(), keys.Signer()->kid());
}

TEST_F(KeyManagerTest, RotationPublishesFirstSignsLaterAndRetiresAfterTokensExpire) {
  KeyManager keys(*store_, clock_, sealer_, Policy());
  ASSERT_TRUE(keys.Tick().ok());
  std::string old_kid = keys.Signer()->kid();
  auto kid = keys.Rotate(jose::JwsAlg::kRS256, false);
  ASSERT_TRUE(kid.ok());
  EXPECT_EQ(keys.Signer()->kid(), old_kid);  // announced, not yet signing
  EXPECT_EQ(JwksKeys(keys), 2u);
  ASSERT_NE(keys.Find(*kid), nullptr);
  clock_.AdvanceSeconds(601);
  ASSERT_TRUE(keys.Tick().ok());
  EXPECT_EQ(keys.Signer()->kid(), *kid);
  EXPECT_EQ(keys.Signer()->alg(), jose::JwsAlg::kRS256);
  ASSERT_NE(keys.Find(old_kid), nullptr);  // retired, still verifying its tokens
  std::string jwks = keys.Jwks();          // the signer is listed first
  EXPECT_LT(jwks.find("\"kid\":\"" + *kid + "\""), jwks.find("\"kid\":\"" + old_kid + "\""));
  clock_.AdvanceSeconds(3600 + 31);
  ASSERT_TRUE(keys.Tick().ok());
  EXPECT_EQ(keys.Find(old_kid), nullptr);
  EXPECT_EQ(JwksKeys(keys), 1u);
}

TEST_F(KeyManagerTest, ImmediateRotationSignsAtOnceAndKeepsTheOldKeyPublished) {
  KeyManager keys(*store_, clock_, sealer_, Policy());
  ASSERT_TRUE(keys.Tick().ok());
  std::string old_kid = keys.Signer()->kid();
  auto kid = keys.Rotate(jose::JwsAlg::kEdDSA, true);
  ASSERT_TRUE(kid.ok());
  EXPECT_EQ(keys.Signer()->kid(), *kid);
  EXPECT_NE(keys.Find(old_kid), nullptr);
}

TEST_F(KeyManagerTest, AnnouncesTheNextKeyBeforeTheCurrentOneIsDue) {
  KeyManager keys(*store_, clock_, sealer_, Policy());
  ASSERT_TRUE(keys.Tick().ok());
  std::string first = keys.Signer()->kid();
  clock_.AdvanceSeconds(86400 - 600);  // lifetime minus announce
  ASSERT_TRUE(keys.Tick().ok());
  EXPECT_EQ(keys.Signer()->kid(), first);
  EXPECT_EQ(JwksKeys(keys), 2u);
  clock_.AdvanceSeconds(601);
  ASSERT_TRUE(keys.Tick().ok());
  EXPECT_NE(keys.Signer()->kid(), first);
}

}  // namespace
}  // namespace muster::auth
