// Route-level tests: a real Router with the real guard, real tokens from the real
// TokenService, a real SQLite store. Writes are checked through TokenService::Issue: the
// effect must be immediate (PlatformService's change hook reloads the registry).

#include "partner/partner_routes.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "auth/guard.h"
#include "core/time_format.h"
#include "tests/support/sts_fixture.h"

namespace muster::partner {
namespace {

using http::Method;
using storage::InstallStatus;

std::string HeaderOf(const http::Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

rapidjson::Document Parse(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  EXPECT_FALSE(doc.HasParseError()) << body;
  return doc;
}

std::vector<std::string> Keys(const rapidjson::Value& object) {
  std::vector<std::string> out;
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    out.emplace_back(it->name.GetString());
  }
  return out;
}

class PartnerRoutesTest : public ::testing::Test, public muster::testing::StsFixture {
 protected:
  PartnerRoutesTest() : service_(*store_, *platform_) {
    auto vendor = platform_->CreateVendor("Acme Learning", "test");
    primary_key_ = vendor->primary_key;
    school_ = CreateSchool("a", InstallStatus::kApproved, vendor->vendor.id);
    EXPECT_TRUE(RegisterPartnerRoutes(router_, PartnerDeps{service_}).ok());
    router_.SetGuard(auth::MakeBearerGuard(validator_));
    token_ = TokenFor(school_.management);
    base_ = "/api/v1/partner/" + school_.application_id;
    site_base_ = base_ + "/" + school_.site.organisation_id;
  }

  http::Response Call(Method method, const std::string& target, const std::string& token,
                      std::string body = {}) {
    http::Request req = MakeRequest(method, target, token, std::move(body));
    return router_.Dispatch(req);
  }
  http::Response Get(const std::string& target) { return Call(Method::kGet, target, token_); }
  http::Response Post(const std::string& target, std::string body = {}) {
    return Call(Method::kPost, target, token_, std::move(body));
  }

  // The token endpoint's answer for a client: "ok" or the OAuth 2.0 error.
  std::string TokenOutcome(const std::string& client_id, const std::string& secret) {
    auto issued = Issue(client_id, secret);
    return issued.ok() ? "ok" : issued.error().reason;
  }
  std::string TokenOutcome(const admin::ClientCreated& c) {
    return TokenOutcome(c.client.client_id, c.secret);
  }

  storage::AuditEvent LastAuditOfManagementClient() {
    storage::AuditQuery q;
    q.actor_prefix = "client:" + school_.management.client.client_id;
    q.limit = 1;
    auto events = store_->ListAudit(q);
    return events.ok() && !events->empty() ? events->front() : storage::AuditEvent{};
  }

  PartnerService service_;
  http::Router router_;
  std::string primary_key_;
  muster::testing::SchoolSetup school_;
  std::string token_;
  std::string base_;
  std::string site_base_;
};

TEST_F(PartnerRoutesTest, GetSiteByApplicationHasTheSeedsExactShape) {
  storage::Site draft;
  draft.name = "Ashcombe Academy";
  draft.dfe_code = "3304012";
  draft.deni_number = "1234567";
  storage::Site second = *platform_->CreateSite(draft, "test");
  ASSERT_TRUE(platform_->Install(second.id, school_.application_id, "", "test").ok());  // pending

  http::Response r = Get(base_ + "/GetSiteByApplication");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-store");
  EXPECT_EQ(r.body,
            "[{\"Id\":" + std::to_string(school_.site.id) +
                ",\"Name\":\"School a\",\"OrganisationId\":\"" + school_.site.organisation_id +
                "\",\"DfeCode\":null,\"DeniNumber\":null,\"Authorised\":1},"
                "{\"Id\":" +
                std::to_string(second.id) + ",\"Name\":\"Ashcombe Academy\",\"OrganisationId\":\"" +
                second.organisation_id +
                "\",\"DfeCode\":\"3304012\",\"DeniNumber\":\"1234567\",\"Authorised\":0}]");
  rapidjson::Document doc = Parse(r.body);
  ASSERT_TRUE(doc.IsArray());
  for (const auto& site : doc.GetArray()) {
    EXPECT_EQ(Keys(site), (std::vector<std::string>{"Id", "Name", "OrganisationId", "DfeCode",
                                                    "DeniNumber", "Authorised"}));
    EXPECT_TRUE(site["Id"].IsInt64());
    EXPECT_TRUE(site["Authorised"].IsInt());
  }
}

TEST_F(PartnerRoutesTest, ClientsHasTheSeedsExactShape) {
  http::Response r = Get(site_base_ + "/Clients");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-store");
  rapidjson::Document doc = Parse(r.body);
  ASSERT_TRUE(doc.IsArray());
  ASSERT_EQ(doc.Size(), 2u);
  for (const auto& c : doc.GetArray()) {
    EXPECT_EQ(Keys(c),
              (std::vector<std::string>{"ClientId", "Secret", "OCPAIMKey", "Description"}));
    std::string id = c["ClientId"].GetString();
    const auto& created = id == school_.dex.client.client_id ? school_.dex : school_.oneroster;
    EXPECT_EQ(id, created.client.client_id);
    EXPECT_EQ(std::string(c["Secret"].GetString()), created.secret);
    EXPECT_EQ(std::string(c["OCPAIMKey"].GetString()), primary_key_);
    EXPECT_TRUE(c["Description"].IsString());
  }
  // The harvested credentials work at the token endpoint, as the seed's step 5.
  for (const auto& c : doc.GetArray()) {
    EXPECT_EQ(TokenOutcome(c["ClientId"].GetString(), c["Secret"].GetString()), "ok");
  }
}

TEST_F(PartnerRoutesTest, AnotherVendorsApplicationAnswersExactlyAsAMissingOne) {
  auto other = CreateSchool("b");
  http::Response theirs = Get("/api/v1/partner/" + other.application_id + "/GetSiteByApplication");
  http::Response missing =
      Get("/api/v1/partner/7D0E4C33-5A8B-4F77-9B0A-000000000000/GetSiteByApplication");
  http::Response malformed = Get("/api/v1/partner/42/GetSiteByApplication");
  http::Response their_clients = Get("/api/v1/partner/" + other.application_id + "/" +
                                     other.site.organisation_id + "/Clients");
  for (const auto* r : {&theirs, &missing, &malformed, &their_clients}) {
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(r->body, missing.body);
  }
  EXPECT_EQ(missing.body,
            R"({"error":"not_found","error_description":"The application was not found."})");
  http::Response their_approve = Post("/api/v1/partner/" + other.application_id + "/" +
                                      other.site.organisation_id + "/Disable");
  EXPECT_EQ(their_approve.status, 404);
  EXPECT_EQ(TokenOutcome(other.dex), "ok");
}

TEST_F(PartnerRoutesTest, UnknownOrganisationsAreNotFound) {
  auto other = CreateSchool("b");
  for (const std::string& org :
       {other.site.organisation_id, std::string("7D0E4C33-5A8B-4F77-9B0A-000000000000"),
        std::string("%7Bnot-a-guid%7D")}) {
    http::Response r = Get(base_ + "/" + org + "/Clients");
    EXPECT_EQ(r.status, 404) << org;
    EXPECT_NE(r.body.find("not_found"), std::string::npos);
  }
}

TEST_F(PartnerRoutesTest, TokensAreCheckedByTheGuard) {
  http::Response none = Call(Method::kGet, base_ + "/GetSiteByApplication", "");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(HeaderOf(none, "WWW-Authenticate"), "Bearer realm=\"muster\"");
  EXPECT_EQ(Parse(none.body)["error"].GetString(), std::string("invalid_token"));
  http::Response bad = Call(Method::kGet, base_ + "/GetSiteByApplication", "not.a.jwt");
  EXPECT_EQ(bad.status, 401);
  // A DeX school token of the same vendor has no partner-read.
  http::Response dex = Call(Method::kGet, base_ + "/GetSiteByApplication", TokenFor(school_.dex));
  EXPECT_EQ(dex.status, 403);
  EXPECT_EQ(Parse(dex.body)["error"].GetString(), std::string("insufficient_scope"));
  // A read-only management token cannot write.
  std::string read_only = TokenFor(school_.management, "partner-read");
  ASSERT_FALSE(read_only.empty());
  EXPECT_EQ(Call(Method::kGet, base_ + "/GetSiteByApplication", read_only).status, 200);
  EXPECT_EQ(Call(Method::kPost, site_base_ + "/Disable", read_only).status, 403);
  EXPECT_EQ(TokenOutcome(school_.dex), "ok");
}

TEST_F(PartnerRoutesTest, WrongMethodsAre405) {
  http::Response r = Get(site_base_ + "/Approve");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(HeaderOf(r, "Allow"), "POST");
  EXPECT_EQ(Call(Method::kPost, base_ + "/GetSiteByApplication", token_).status, 405);
  EXPECT_EQ(Call(Method::kGet, "/api/v1/partner/x", token_).status, 404);
}

TEST_F(PartnerRoutesTest, ApproveAndDisableAreAuditedAndImmediatelyEffective) {
  auto pending = CreateSchool("p", InstallStatus::kPending, school_.vendor_id);
  std::string target =
      "/api/v1/partner/" + pending.application_id + "/" + pending.site.organisation_id;
  std::string pending_token = TokenFor(pending.management);
  EXPECT_EQ(TokenOutcome(pending.dex), "invalid_grant");
  http::Response approved = Call(Method::kPost, target + "/Approve", pending_token);
  ASSERT_EQ(approved.status, 200) << approved.body;
  rapidjson::Document doc = Parse(approved.body);
  EXPECT_EQ(doc["Authorised"].GetInt(), 1);
  EXPECT_EQ(std::string(doc["OrganisationId"].GetString()), pending.site.organisation_id);
  EXPECT_EQ(TokenOutcome(pending.dex), "ok");
  EXPECT_EQ(TokenOutcome(pending.oneroster), "ok");

  http::Response disabled = Post(site_base_ + "/Disable");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(Parse(disabled.body)["Authorised"].GetInt(), 0);
  EXPECT_EQ(TokenOutcome(school_.dex), "invalid_grant");
  storage::AuditEvent e = LastAuditOfManagementClient();
  EXPECT_EQ(e.action, "install.disabled");
  EXPECT_EQ(e.target, std::to_string(school_.site.id) + "/" + school_.application_id);
  http::Response sites = Get(base_ + "/GetSiteByApplication");
  EXPECT_NE(sites.body.find("\"Authorised\":0"), std::string::npos);
  ASSERT_EQ(Post(site_base_ + "/Approve").status, 200);
  EXPECT_EQ(LastAuditOfManagementClient().action, "install.approved");
  EXPECT_EQ(TokenOutcome(school_.dex), "ok");
}

TEST_F(PartnerRoutesTest, ARemovedSiteDisappearsWithItsClients) {
  http::Response removed = Call(Method::kDelete, site_base_ + "/Install", token_);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.body, "{\"ApplicationId\":\"" + school_.application_id +
                              "\",\"OrganisationId\":\"" + school_.site.organisation_id +
                              "\",\"Id\":" + std::to_string(school_.site.id) +
                              ",\"Removed\":true,\"ClientsRemoved\":2}");
  EXPECT_EQ(LastAuditOfManagementClient().action, "install.remove");
  EXPECT_EQ(Get(base_ + "/GetSiteByApplication").body, "[]");
  EXPECT_EQ(Get(site_base_ + "/Clients").status, 404);
  EXPECT_EQ(TokenOutcome(school_.dex), "invalid_client");
  EXPECT_EQ(TokenOutcome(school_.oneroster), "invalid_client");
  EXPECT_EQ(Call(Method::kDelete, site_base_ + "/Install", token_).status, 404);
}

TEST_F(PartnerRoutesTest, RotationKeepsTheOldSecretForTheGracePeriodOnly) {
  std::string target = site_base_ + "/Clients/" + school_.dex.client.client_id + "/RotateSecret";
  int64_t now_ms = clock_.NowUnixMillis();
  http::Response r = Post(target + "?graceSeconds=600");
  ASSERT_EQ(r.status, 200) << r.body;
  rapidjson::Document doc = Parse(r.body);
  EXPECT_EQ(Keys(doc), (std::vector<std::string>{"ClientId", "Secret", "PreviousSecretValidUntil",
                                                 "GraceSeconds"}));
  std::string new_secret = doc["Secret"].GetString();
  EXPECT_EQ(std::string(doc["PreviousSecretValidUntil"].GetString()),
            FormatIso8601Millis(now_ms + 600 * 1000));
  EXPECT_EQ(doc["GraceSeconds"].GetInt(), 600);
  EXPECT_EQ(LastAuditOfManagementClient().action, "client.rotate_secret");
  const std::string& id = school_.dex.client.client_id;
  EXPECT_EQ(TokenOutcome(id, school_.dex.secret), "ok");
  EXPECT_EQ(TokenOutcome(id, new_secret), "ok");
  EXPECT_NE(Get(site_base_ + "/Clients").body.find(new_secret), std::string::npos);
  clock_.AdvanceSeconds(599);
  EXPECT_EQ(TokenOutcome(id, school_.dex.secret), "ok");
  clock_.AdvanceSeconds(2);
  EXPECT_EQ(TokenOutcome(id, school_.dex.secret), "invalid_client");
  EXPECT_EQ(TokenOutcome(id, new_secret), "ok");
}

TEST_F(PartnerRoutesTest, RotationGraceComesFromTheBodyOrDefaultsToADay) {
  std::string target =
      site_base_ + "/Clients/" + school_.oneroster.client.client_id + "/RotateSecret";
  http::Response now = Post(target, R"({"graceSeconds": 0})");
  ASSERT_EQ(now.status, 200) << now.body;
  rapidjson::Document doc = Parse(now.body);
  EXPECT_TRUE(doc["PreviousSecretValidUntil"].IsNull());
  EXPECT_EQ(TokenOutcome(school_.oneroster), "invalid_client");
  EXPECT_EQ(TokenOutcome(school_.oneroster.client.client_id, doc["Secret"].GetString()), "ok");
  http::Response by_default = Post(target);
  ASSERT_EQ(by_default.status, 200);
  EXPECT_EQ(Parse(by_default.body)["GraceSeconds"].GetInt(), 86400);
  for (const auto& [query, body] : {std::pair<std::string, std::string>{"?graceSeconds=abc", ""},
                                    {"?graceSeconds=-1", ""},
                                    {"?graceSeconds=2592001", ""},
                                    {"", R"({"graceSeconds": 2592001})"},
                                    {"", R"({"graceSeconds": "60"})"},
                                    {"", "[60]"},
                                    {"", "graceSeconds=60"},
                                    {"?graceSeconds=60", R"({"graceSeconds": 60})"}}) {
    http::Response bad = Post(target + query, body);
    EXPECT_EQ(bad.status, 400) << query << " " << body << " → " << bad.body;
    EXPECT_EQ(Parse(bad.body)["error"].GetString(), std::string("invalid_request"));
  }
  EXPECT_EQ(Post(target + "?graceSeconds=2592000").status, 200);
}

TEST_F(PartnerRoutesTest, RotationAndSuspensionReachOnlyTheSitesClients) {
  auto other = CreateSchool("o", InstallStatus::kApproved, school_.vendor_id);
  for (const std::string& id :
       {other.dex.client.client_id, school_.management.client.client_id, std::string("nobody")}) {
    EXPECT_EQ(Post(site_base_ + "/Clients/" + id + "/RotateSecret").status, 404) << id;
    EXPECT_EQ(Post(site_base_ + "/Clients/" + id + "/Suspend").status, 404) << id;
  }
  EXPECT_EQ(TokenOutcome(other.dex), "ok");
}

TEST_F(PartnerRoutesTest, SuspendAndResumeAreAuditedAndImmediatelyEffective) {
  std::string target = site_base_ + "/Clients/" + school_.oneroster.client.client_id;
  http::Response suspended = Post(target + "/Suspend");
  ASSERT_EQ(suspended.status, 200) << suspended.body;
  EXPECT_EQ(suspended.body, "{\"ClientId\":\"" + school_.oneroster.client.client_id +
                                "\",\"Description\":\"\",\"Suspended\":true}");
  EXPECT_EQ(LastAuditOfManagementClient().action, "client.disable");
  EXPECT_EQ(TokenOutcome(school_.oneroster), "invalid_client");
  EXPECT_EQ(TokenOutcome(school_.dex), "ok");
  http::Response resumed = Post(target + "/Resume");
  ASSERT_EQ(resumed.status, 200);
  EXPECT_EQ(Parse(resumed.body)["Suspended"].GetBool(), false);
  EXPECT_EQ(LastAuditOfManagementClient().action, "client.enable");
  EXPECT_EQ(TokenOutcome(school_.oneroster), "ok");
}

TEST_F(PartnerRoutesTest, ThePartnerGroupCanRequireASubscriptionKey) {
  http::Router keyed;
  ASSERT_TRUE(RegisterPartnerRoutes(keyed, PartnerDeps{service_}).ok());
  keyed.SetGuard(auth::MakeBearerGuard(
      validator_, auth::GatewayPolicy{{std::string(kPartnerGroup)}, *registry_, hasher_}));
  http::Request without = MakeRequest(Method::kGet, base_ + "/GetSiteByApplication", token_);
  http::Response refused = keyed.Dispatch(without);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(Parse(refused.body)["statusCode"].GetInt(), 401);
  http::Request with = MakeRequest(Method::kGet, base_ + "/GetSiteByApplication", token_);
  with.headers.emplace_back("ocp-apim-subscription-key", primary_key_);
  EXPECT_EQ(keyed.Dispatch(with).status, 200);
  // The OpenAPI document has no scope, so it never needs a key.
  http::Request doc = MakeRequest(Method::kGet, "/openapi/partner.json");
  EXPECT_EQ(keyed.Dispatch(doc).status, 200);
}

TEST_F(PartnerRoutesTest, TheOpenApiDocumentDescribesEveryRouteWithItsScope) {
  http::Request req = MakeRequest(Method::kGet, "/openapi/partner.json");
  http::Response r = router_.Dispatch(req);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
  rapidjson::Document doc = Parse(r.body);
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(std::string(doc["openapi"].GetString()).rfind("3.", 0), 0u);
  const rapidjson::Value& paths = doc["paths"];
  int described = 0;
  for (const auto& route : router_.routes()) {
    if (route->group != kPartnerGroup) continue;
    ASSERT_TRUE(paths.HasMember(route->path.c_str())) << route->path;
    std::string method(http::MethodName(route->method));
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const rapidjson::Value& path = paths[route->path.c_str()];
    ASSERT_TRUE(path.HasMember(method.c_str())) << method << " " << route->path;
    const rapidjson::Value& security = path[method.c_str()]["security"][0]["sts"];
    EXPECT_EQ(std::string(security[0].GetString()), route->scope) << route->path;
    ++described;
  }
  EXPECT_EQ(described, 8);
  EXPECT_EQ(static_cast<int>(paths.MemberCount()), 8);
}

}  // namespace
}  // namespace muster::partner
