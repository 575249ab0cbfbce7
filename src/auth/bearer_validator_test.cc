#include "auth/bearer_validator.h"

#include <gtest/gtest.h>

#include "auth/token_service.h"
#include "core/base64.h"
#include "jose/jwt.h"
#include "tests/support/platform_fixture.h"

namespace muster::auth {
namespace {

class BearerValidatorTest : public ::testing::Test, public muster::testing::PlatformFixture {
 protected:
  BearerValidatorTest()
      : keys_(*store_, clock_, sealer_, KeyPolicy{jose::JwsAlg::kRS256}),
        revocations_(*store_, clock_),
        limiter_(clock_, 0, 1),
        audit_(*store_, clock_),
        tokens_(*registry_, keys_, limiter_, audit_, clock_, hasher_,
                TokenSettings{"https://sts.example", "https://sts.example/resources", 3600}),
        validator_(
            keys_, revocations_, clock_,
            ValidatorSettings{"https://sts.example", "https://sts.example/resources", 30, 100}) {
    EXPECT_TRUE(keys_.Tick().ok());
    school_ = CreateSchool("v");
  }

  std::string Token() {
    TokenRequest r;
    r.grant_type = "client_credentials";
    r.credentials = {school_.oneroster.client.client_id, school_.oneroster.secret, false};
    return tokens_.Issue(r)->access_token;
  }

  std::string InternalOf(std::string_view token) {
    auto r = validator_.Validate(token);
    return r.ok() ? "ok" : r.error().internal.substr(0, r.error().internal.find(':'));
  }

  KeyManager keys_;
  RevocationList revocations_;
  RateLimiter limiter_;
  AuditSink audit_;
  TokenService tokens_;
  BearerValidator validator_;
  muster::testing::SchoolSetup school_;
};

TEST_F(BearerValidatorTest, AcceptsAValidTokenAndFillsThePrincipal) {
  auto p = validator_.Validate(Token());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->client_id, school_.oneroster.client.client_id);
  EXPECT_EQ(p->organisation_id, school_.site.organisation_id);
  EXPECT_EQ(p->vendor_id, school_.vendor_id);
  EXPECT_TRUE(p->HasScope("onerosterapi"));
}

TEST_F(BearerValidatorTest, RefusesRevokedTokensEvenWhenCached) {
  std::string token = Token();
  auto p = validator_.Validate(token);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(revocations_.Revoke(p->jti, p->expires_unix).ok());
  EXPECT_EQ(InternalOf(token), "JwtRevoked");
  RevocationList reloaded(*store_, clock_);  // persisted for other nodes and restarts
  ASSERT_TRUE(reloaded.Load().ok());
  EXPECT_TRUE(reloaded.IsRevoked(p->jti));
}

TEST_F(BearerValidatorTest, RefusesExpiredTokensEvenWhenCached) {
  std::string token = Token();
  ASSERT_TRUE(validator_.Validate(token).ok());
  clock_.AdvanceSeconds(3600 + 31);
  EXPECT_EQ(InternalOf(token), "JwtExpired");
}

TEST_F(BearerValidatorTest, RefusesTamperedAndForeignTokens) {
  std::string token = Token();
  size_t dot1 = token.find('.'), dot2 = token.rfind('.');
  std::string header = *Base64UrlDecode(token.substr(0, dot1));
  std::string payload = *Base64UrlDecode(token.substr(dot1 + 1, dot2 - dot1 - 1));
  // alg none, with and without a signature.
  std::string none = Base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." +
                     token.substr(dot1 + 1, dot2 - dot1 - 1) + ".";
  EXPECT_NE(InternalOf(none), "ok");
  // A changed claim under the old signature.
  std::string forged_payload = payload;
  forged_payload.replace(forged_payload.find("|S"), 2, "|X");
  std::string forged =
      token.substr(0, dot1) + "." + Base64UrlEncode(forged_payload) + token.substr(dot2);
  EXPECT_EQ(InternalOf(forged), "JwtBadSignature");
  EXPECT_NE(InternalOf(token.substr(0, token.size() - 5)), "ok");
  EXPECT_NE(InternalOf(token.substr(0, token.size() - 4)), "ok");
  EXPECT_NE(InternalOf("garbage"), "ok");
  EXPECT_NE(InternalOf(""), "ok");
  // A token for another audience is refused by this validator.
  BearerValidator other(keys_, revocations_, clock_,
                        ValidatorSettings{"https://sts.example", "https://elsewhere", 30, 10});
  auto r = other.Validate(token);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().internal.substr(0, 21), "JwtAudienceNotAllowed");
  EXPECT_NE(header.find("\"kid\""), std::string::npos);
}

TEST_F(BearerValidatorTest, OrganisationClaimParsing) {
  EXPECT_EQ(OrganisationFromClaim("|ABC|S"), "ABC");
  EXPECT_EQ(OrganisationFromClaim("ABC"), "");
  EXPECT_EQ(OrganisationFromClaim("|ABC|T"), "");
  EXPECT_EQ(OrganisationFromClaim(""), "");
}

}  // namespace
}  // namespace muster::auth
