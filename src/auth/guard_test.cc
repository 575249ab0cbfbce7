// The route guard with the API gateway's subscription-key check (product.md §3), through a
// real Router, real tokens and the registry's real key hashes. There are no DeX routes yet,
// so a test-only route in the group "dex" stands in for them.

#include "auth/guard.h"

#include <gtest/gtest.h>

#include "auth/scopes.h"
#include "tests/support/sts_fixture.h"

namespace muster::auth {
namespace {

constexpr char kMissing[] =
    R"({"statusCode":401,"message":"Access denied due to missing subscription key. Make sure )"
    R"(to include subscription key when making requests to an API."})";
constexpr char kInvalid[] =
    R"({"statusCode":401,"message":"Access denied due to invalid subscription key. Make sure )"
    R"(to provide a valid key for an active subscription."})";
constexpr char kOtherVendor[] =
    R"({"statusCode":401,"message":"Access denied because the subscription key does not )"
    R"(belong to the vendor of the access token. Use your own vendor's subscription key."})";

std::string HeaderOf(const http::Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

http::Route TestRoute(std::string path, std::string group, std::string scope) {
  http::Route r;
  r.path = std::move(path);
  r.group = std::move(group);
  r.scope = std::move(scope);
  r.shape = http::ErrorShape::kOData;  // the gateway's shape wins over the route's
  r.handler = [](http::Request& req) -> Result<http::Response> {
    return http::Response::Json(200, "{\"client\":\"" + req.principal->client_id + "\"}");
  };
  return r;
}

class GatewayGuardTest : public ::testing::Test, public muster::testing::StsFixture {
 protected:
  GatewayGuardTest() {
    auto a = platform_->CreateVendor("Vendor A", "test");
    auto b = platform_->CreateVendor("Vendor B", "test");
    primary_a_ = a->primary_key;
    secondary_a_ = a->secondary_key;
    primary_b_ = b->primary_key;
    school_ = CreateSchool("a", storage::InstallStatus::kApproved, a->vendor.id);
    EXPECT_TRUE(router_
                    .Add(TestRoute("/dex/Learner/odata/v3/LearnerPersonals", "dex",
                                   "partnerserverapplication"))
                    .ok());
    EXPECT_TRUE(router_.Add(TestRoute("/open/group", "partner", "partnerserverapplication")).ok());
    router_.SetGuard(MakeBearerGuard(validator_, GatewayPolicy{{"dex"}, *registry_, hasher_}));
    dex_token_ = TokenFor(school_.dex, "partnerserverapplication");
  }

  http::Response Call(const std::string& path, const std::string& token,
                      const std::optional<std::string>& key) {
    http::Request req = MakeRequest(http::Method::kGet, path, token);
    if (key) req.headers.emplace_back(std::string(kSubscriptionKeyHeader), *key);
    return router_.Dispatch(req);
  }
  http::Response Dex(const std::optional<std::string>& key) {
    return Call("/dex/Learner/odata/v3/LearnerPersonals", dex_token_, key);
  }

  http::Router router_;
  std::string primary_a_, secondary_a_, primary_b_;
  muster::testing::SchoolSetup school_;
  std::string dex_token_;
};

TEST_F(GatewayGuardTest, BothSlotsOfTheTokensVendorAreAccepted) {
  for (const std::string& key : {primary_a_, secondary_a_}) {
    http::Response r = Dex(key);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.body, "{\"client\":\"" + school_.dex.client.client_id + "\"}");
  }
}

TEST_F(GatewayGuardTest, MissingWrongAndOtherVendorsKeysAreRefusedInApimShape) {
  http::Response missing = Dex(std::nullopt);
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(missing.content_type, "application/json");
  EXPECT_EQ(missing.body, kMissing);
  EXPECT_EQ(HeaderOf(missing, "WWW-Authenticate"), "");
  EXPECT_EQ(Dex(std::string()).body, kMissing);
  http::Response wrong = Dex(std::string("0123456789abcdef0123456789abcdef"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body, kInvalid);
  http::Response other = Dex(primary_b_);
  EXPECT_EQ(other.status, 401);
  EXPECT_EQ(other.body, kOtherVendor);
}

TEST_F(GatewayGuardTest, TheKeyIsCheckedBeforeTheToken) {
  // No key and no token: the gateway answers first, as APIM does.
  EXPECT_EQ(Call("/dex/Learner/odata/v3/LearnerPersonals", "", std::nullopt).body, kMissing);
  EXPECT_EQ(Call("/dex/Learner/odata/v3/LearnerPersonals", "", std::string("nope")).body, kInvalid);
  // A good key without a token: the API's own 401, in the route's shape.
  http::Response no_token = Call("/dex/Learner/odata/v3/LearnerPersonals", "", primary_a_);
  EXPECT_EQ(no_token.status, 401);
  EXPECT_NE(no_token.body.find("\"error\":{\"code\":"), std::string::npos) << no_token.body;
  EXPECT_EQ(HeaderOf(no_token, "WWW-Authenticate"), "Bearer realm=\"muster\"");
  // A good key with the same vendor's token that lacks the scope: 403.
  http::Response management =
      Call("/dex/Learner/odata/v3/LearnerPersonals", TokenFor(school_.management), primary_a_);
  EXPECT_EQ(management.status, 403);
}

TEST_F(GatewayGuardTest, RotatingOneSlotInvalidatesOnlyThatSlotsOldKeyAtOnce) {
  auto rotated = platform_->RotateSubscriptionKey(school_.vendor_id, "primary", "cli");
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(Dex(primary_a_).body, kInvalid);
  EXPECT_EQ(Dex(*rotated).status, 200);
  EXPECT_EQ(Dex(secondary_a_).status, 200);
  auto rotated_secondary = platform_->RotateSubscriptionKey(school_.vendor_id, "secondary", "cli");
  EXPECT_EQ(Dex(secondary_a_).body, kInvalid);
  EXPECT_EQ(Dex(*rotated_secondary).status, 200);
  EXPECT_EQ(Dex(*rotated).status, 200);
}

TEST_F(GatewayGuardTest, OnlyTheConfiguredGroupsNeedAKey) {
  EXPECT_EQ(Call("/open/group", dex_token_, std::nullopt).status, 200);
  http::Router plain;
  ASSERT_TRUE(plain
                  .Add(TestRoute("/dex/Learner/odata/v3/LearnerPersonals", "dex",
                                 "partnerserverapplication"))
                  .ok());
  plain.SetGuard(MakeBearerGuard(validator_));  // no gateway policy at all
  http::Request req =
      MakeRequest(http::Method::kGet, "/dex/Learner/odata/v3/LearnerPersonals", dex_token_);
  EXPECT_EQ(plain.Dispatch(req).status, 200);
}

}  // namespace
}  // namespace muster::auth
