#include "auth/token_service.h"

#include <gtest/gtest.h>

#include "auth/scopes.h"
#include "jose/jwt.h"
#include "tests/support/platform_fixture.h"

namespace muster::auth {
namespace {

class TokenServiceTest : public ::testing::Test, public muster::testing::PlatformFixture {
 protected:
  TokenServiceTest()
      : keys_(*store_, clock_, sealer_, KeyPolicy{jose::JwsAlg::kES256}),
        limiter_(clock_, 5, 5),
        audit_(*store_, clock_),
        tokens_(*registry_, keys_, limiter_, audit_, clock_, hasher_,
                TokenSettings{"https://sts.example", "https://sts.example/resources", 3600}) {
    EXPECT_TRUE(keys_.Tick().ok());
    school_ = CreateSchool("a");
  }

  TokenRequest Request(const admin::ClientCreated& c) {
    TokenRequest r;
    r.grant_type = "client_credentials";
    r.credentials = {c.client.client_id, c.secret, false};
    return r;
  }

  jose::JwtClaims Verify(const std::string& token) {
    auto claims = jose::VerifyJwt(
        token, [this](std::string_view kid) { return keys_.Find(kid); },
        {"https://sts.example", "https://sts.example/resources", clock_.NowUnixSeconds(), 30});
    EXPECT_TRUE(claims.ok()) << (claims.ok() ? "" : claims.error().internal);
    return claims.ok() ? *claims : jose::JwtClaims{};
  }

  std::string ReasonOf(const TokenRequest& r) {
    auto result = tokens_.Issue(r);
    return result.ok() ? "ok" : result.error().reason;
  }

  KeyManager keys_;
  RateLimiter limiter_;
  AuditSink audit_;
  TokenService tokens_;
  muster::testing::SchoolSetup school_;
};

TEST_F(TokenServiceTest, IssuesTheSeedsClaimsForASchoolClient) {
  TokenRequest r = Request(school_.dex);
  std::string lower_org = school_.site.organisation_id;
  for (char& c : lower_org) c = static_cast<char>(std::tolower(c));
  r.acr_values = "orgselected:" + lower_org;  // GUIDs compare case-insensitively
  r.scope = "partnerserverapplication";
  auto issued = tokens_.Issue(r);
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  EXPECT_EQ(issued->expires_in, 3600);
  EXPECT_EQ(issued->scope, "partnerserverapplication");
  jose::JwtClaims c = Verify(issued->access_token);
  EXPECT_EQ(c.iss, "https://sts.example");
  EXPECT_EQ(c.aud, std::vector<std::string>{"https://sts.example/resources"});
  EXPECT_EQ(c.exp - c.nbf, 3600);
  EXPECT_EQ(c.client_id, school_.dex.client.client_id);
  EXPECT_EQ(c.sub, school_.dex.client.client_id);
  EXPECT_EQ(c.scope, std::vector<std::string>{"partnerserverapplication"});
  EXPECT_EQ(c.userorganisationidentifier, "|" + school_.site.organisation_id + "|S");
  EXPECT_EQ(c.vendorid, school_.vendor_id);
  EXPECT_EQ(c.applicationid, school_.application_id);
  EXPECT_EQ(c.applicationname, "App a");
  EXPECT_EQ(c.jti.size(), 32u);
}

TEST_F(TokenServiceTest, ImpliesTheBoundOrganisationAndGrantsEverythingWithoutScope) {
  auto issued = tokens_.Issue(Request(school_.oneroster));
  ASSERT_TRUE(issued.ok());
  jose::JwtClaims c = Verify(issued->access_token);
  EXPECT_EQ(c.userorganisationidentifier, "|" + school_.site.organisation_id + "|S");
  EXPECT_EQ(c.scope, SplitScopes(DefaultOneRosterScopes()));
  auto again = tokens_.Issue(Request(school_.oneroster));
  ASSERT_TRUE(again.ok());
  EXPECT_NE(Verify(again->access_token).jti, c.jti);
}

TEST_F(TokenServiceTest, RefusesBadClientsWithInvalidClient) {
  TokenRequest unknown = Request(school_.dex);
  unknown.credentials.client_id = "sas-nobody";
  EXPECT_EQ(ReasonOf(unknown), "invalid_client");
  TokenRequest wrong = Request(school_.dex);
  wrong.credentials.client_secret = "not-the-secret";
  EXPECT_EQ(ReasonOf(wrong), "invalid_client");
  ASSERT_TRUE(platform_->SetClientEnabled(school_.dex.client.client_id, false, "t").ok());
  EXPECT_EQ(ReasonOf(Request(school_.dex)), "invalid_client");
  auto result = tokens_.Issue(unknown);
  EXPECT_EQ(result.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(TokenServiceTest, RefusesOtherGrantsAndUngrantedScopes) {
  TokenRequest password = Request(school_.dex);
  password.grant_type = "password";
  EXPECT_EQ(ReasonOf(password), "unsupported_grant_type");
  TokenRequest scope = Request(school_.dex);
  scope.scope = "partnerserverapplication partner-write";
  EXPECT_EQ(ReasonOf(scope), "invalid_scope");
  TokenRequest empty_scope = Request(school_.dex);
  empty_scope.scope = "";
  EXPECT_EQ(ReasonOf(empty_scope), "ok");
}

TEST_F(TokenServiceTest, RefusesOrganisationsTheClientIsNotApprovedFor) {
  auto other = CreateSchool("b");
  TokenRequest r = Request(school_.dex);
  r.acr_values = "orgselected:" + other.site.organisation_id;
  EXPECT_EQ(ReasonOf(r), "invalid_grant");
  r.acr_values = "orgselected:00000000-0000-0000-0000-000000000000";
  auto unknown = tokens_.Issue(r);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().reason, "invalid_grant");
  EXPECT_NE(unknown.error().message.find("Unknown organisation"), std::string::npos);
  r.acr_values = "orgselected:";
  EXPECT_EQ(ReasonOf(r), "invalid_request");
}

TEST_F(TokenServiceTest, PendingAndDisabledInstallsAreRefusedAtOnce) {
  auto pending = CreateSchool("p", storage::InstallStatus::kPending);
  auto refused = tokens_.Issue(Request(pending.dex));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "invalid_grant");
  EXPECT_NE(refused.error().message.find("awaiting approval"), std::string::npos);
  ASSERT_TRUE(platform_
                  ->SetInstallStatus(pending.site.id, pending.application_id,
                                     storage::InstallStatus::kApproved, "t")
                  .ok());
  EXPECT_EQ(ReasonOf(Request(pending.dex)), "ok");  // no stale cache
  ASSERT_TRUE(platform_
                  ->SetInstallStatus(pending.site.id, pending.application_id,
                                     storage::InstallStatus::kDisabled, "t")
                  .ok());
  auto disabled = tokens_.Issue(Request(pending.dex));
  ASSERT_FALSE(disabled.ok());
  EXPECT_NE(disabled.error().message.find("disabled"), std::string::npos);
}

TEST_F(TokenServiceTest, ManagementTokensCarryNoOrganisation) {
  auto issued = tokens_.Issue(Request(school_.management));
  ASSERT_TRUE(issued.ok());
  jose::JwtClaims c = Verify(issued->access_token);
  EXPECT_TRUE(c.userorganisationidentifier.empty());
  EXPECT_TRUE(c.applicationid.empty());
  EXPECT_EQ(c.vendorid, school_.vendor_id);
  EXPECT_EQ(c.scope, SplitScopes(DefaultManagementScopes()));
}

TEST_F(TokenServiceTest, RateLimitsPerClientWithRetryAfter) {
  for (int i = 0; i < 5; ++i) ASSERT_EQ(ReasonOf(Request(school_.dex)), "ok");
  auto limited = tokens_.Issue(Request(school_.dex));
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().code, ErrorCode::kRateLimited);
  EXPECT_GE(limited.error().retry_after_s, 1);
  EXPECT_EQ(ReasonOf(Request(school_.oneroster)), "ok");  // another client is unaffected
  clock_.AdvanceSeconds(1);
  EXPECT_EQ(ReasonOf(Request(school_.dex)), "ok");
}

TEST_F(TokenServiceTest, RotatedSecretKeepsWorkingDuringGraceOnly) {
  auto rotated = platform_->RotateClientSecret(school_.dex.client.client_id, 60, "t");
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(ReasonOf(Request(school_.dex)), "ok");  // old secret, within grace
  TokenRequest fresh = Request(school_.dex);
  fresh.credentials.client_secret = rotated->secret;
  EXPECT_EQ(ReasonOf(fresh), "ok");
  clock_.AdvanceSeconds(61);
  EXPECT_EQ(ReasonOf(Request(school_.dex)), "invalid_client");
  EXPECT_EQ(ReasonOf(fresh), "ok");
}

TEST_F(TokenServiceTest, RefusalsAreAuditedWithoutSecrets) {
  TokenRequest wrong = Request(school_.dex);
  wrong.credentials.client_secret = "super-secret-guess";
  wrong.request_id = "req-1";
  ASSERT_FALSE(tokens_.Issue(wrong).ok());
  audit_.Flush();
  auto events = store_->ListAudit({});
  ASSERT_TRUE(events.ok());
  bool found = false;
  for (const auto& e : *events) {
    if (e.action != "token.refuse") continue;
    found = true;
    EXPECT_EQ(e.outcome, "invalid_client");
    EXPECT_EQ(e.request_id, "req-1");
    EXPECT_EQ(e.actor, "client:" + school_.dex.client.client_id);
    EXPECT_EQ(e.detail.find("super-secret-guess"), std::string::npos);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace muster::auth
