#include "dex/dex_routes.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/support/learner_fixture.h"

namespace muster::dex {
namespace {

using http::Request;
using http::Response;

// The router with the DeX table; a guard that trusts the test's principal (the real guard
// has its own tests), and a resolver over the fixture's two sites.
class DexRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    deps_ = std::make_unique<DexDeps>(DexDeps{
        service_,
        [this](const http::Principal& p) -> Result<learner::RosterScope> {
          for (size_t i = 0; i < 2; ++i) {
            if (!p.organisation_id.empty() && p.organisation_id == f_.site(i).organisation_id) {
              return f_.scope(i);
            }
          }
          return MakeError(ErrorCode::kPermissionDenied, "", "no school", "NoOrganisation");
        },
        "https://muster.example"});
    ASSERT_TRUE(RegisterDexRoutes(router_, *deps_).ok());
    router_.SetGuard([this](const http::Route& route, Request& req) -> Status {
      EXPECT_EQ(route.scope, "partnerserverapplication");
      EXPECT_EQ(route.group, "dex");
      http::Principal p;
      p.client_id = "c";
      p.organisation_id = org_;
      req.principal = std::move(p);
      return OkStatus();
    });
  }

  Response Get(const std::string& target) {
    Request req;
    req.target = target;
    const size_t q = target.find('?');
    req.path = target.substr(0, q);
    req.query = q == std::string::npos ? "" : target.substr(q + 1);
    return router_.Dispatch(req);
  }

  // Generating two schools takes a second or two: once per suite (the tests only read).
  static void SetUpTestSuite() { fixture_ = new muster::testing::LearnerFixture(); }
  static void TearDownTestSuite() {
    delete fixture_;
    fixture_ = nullptr;
  }
  static muster::testing::LearnerFixture* fixture_;
  muster::testing::LearnerFixture& f_ = *fixture_;
  DexService service_{f_.store(), f_.clock(), {.max_page_size = 2}};
  std::unique_ptr<DexDeps> deps_;
  http::Router router_;
  std::string org_ = f_.site(0).organisation_id;
};

muster::testing::LearnerFixture* DexRoutesTest::fixture_ = nullptr;

TEST_F(DexRoutesTest, LearnerPersonalsAsTheSeedCallsIt) {
  Response r = Get("/dex/Learner/odata/v3/LearnerPersonals?$top=5&$count=true");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json; odata.metadata=minimal");
  rapidjson::Document d;
  d.Parse(r.body.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_STREQ(d["@odata.context"].GetString(),
               "https://muster.example/dex/Learner/odata/v3/$metadata#LearnerPersonals");
  EXPECT_EQ(d["value"].Size(), 2u);
  EXPECT_GT(d["@odata.count"].GetInt(), 200);
  EXPECT_STREQ(d["@odata.nextLink"].GetString(),
               "https://muster.example/dex/Learner/odata/v3/LearnerPersonals?$count=true&$top=3&"
               "$skip=2");
}

TEST_F(DexRoutesTest, ThePublishedUpperCaseV3RootAnswersTheSame) {
  for (const char* tail :
       {"/LearnerPersonals?$top=5&$count=true", "/$metadata", "", "/LearnerGroups?$top=3"}) {
    Response lower = Get(std::string("/dex/Learner/odata/v3") + tail);
    Response upper = Get(std::string("/dex/Learner/odata/V3") + tail);
    ASSERT_EQ(upper.status, 200) << tail << upper.body;
    ASSERT_EQ(lower.status, 200) << tail;
    rapidjson::Document l, u;
    l.Parse(lower.body.c_str());
    u.Parse(upper.body.c_str());
    if (!l.HasParseError() && l.IsObject() && l.HasMember("@odata.nextLink")) {
      // The next link follows the caller's spelling; everything else is identical.
      EXPECT_NE(std::string(u["@odata.nextLink"].GetString()).find("/odata/V3/"),
                std::string::npos);
      l.RemoveMember("@odata.nextLink");
      u.RemoveMember("@odata.nextLink");
    }
    if (!l.HasParseError()) {
      EXPECT_TRUE(l == u) << tail;
    } else {
      EXPECT_EQ(lower.body, upper.body) << tail;  // $metadata is XML
    }
  }
  EXPECT_EQ(Get("/dex/Learner/OData/v3/LearnerPersonals").status, 404);
}

TEST_F(DexRoutesTest, ATokenWithoutAnOrganisationGetsTheSeedsAnswer) {
  org_ = "";
  for (const char* path :
       {"/dex/Learner/odata/v3/LearnerPersonals", "/dex/Learner/odata/v3/$metadata",
        "/dex/Learner/odata/v3/LearnerGroups(x)"}) {
    Response r = Get(path);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(r.body, R"({"error":"The Account is not associated with any Organisations"})");
  }
}

TEST_F(DexRoutesTest, ErrorsAreODataJson) {
  Response bad = Get("/dex/Learner/odata/v3/LearnerIdentifiers?$filter=Nope%20eq%201");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find(R"({"error":{"code":"UnknownProperty","message":)"), std::string::npos)
      << bad.body;
  Response missing =
      Get("/dex/Learner/odata/v3/LearnerPersonals(5C030578-1832-4C66-80C4-0E5DEB68D3FE)");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find(R"("code":"NotFound")"), std::string::npos) << missing.body;
  EXPECT_EQ(Get("/dex/Learner/odata/v3/Nothing").status, 404);
  EXPECT_EQ(Get("/dex/Learner/odata/v3/LearnerPersonals(nope)").status, 400);
  EXPECT_EQ(Get("/dex/Learner/odata/v3/LearnerPersonals?$filter=%zz").status, 400);
  Response nav = Get(
      "/dex/Learner/odata/v3/LearnerPersonals(5C030578-1832-4C66-80C4-0E5DEB68D3FE)/LearnerGroups");
  EXPECT_EQ(nav.status, 404);
}

TEST_F(DexRoutesTest, MetadataAndServiceDocument) {
  Response m = Get("/dex/Learner/odata/v3/$metadata");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.content_type, "application/xml");
  for (const char* want :
       {"<EntitySet Name=\"LearnerPersonals\"", "<EnumType Name=\"GroupTypeEnum\">",
        "<Member Name=\"TeachingClass\"", "<Property Name=\"UPN\" Type=\"Edm.String\"/>",
        "<Property Name=\"CurrentYearGroup\" Type=\"SIMS.Lookup\"/>",
        "<EntityType Name=\"YearGroup\" BaseType=\"SIMS.LearnerGroup\"/>"}) {
    EXPECT_NE(m.body.find(want), std::string::npos) << want;
  }
  Response s = Get("/dex/Learner/odata/v3");
  ASSERT_EQ(s.status, 200);
  EXPECT_NE(s.body.find(R"({"name":"LearnerGroups","kind":"EntitySet","url":"LearnerGroups"})"),
            std::string::npos);
  Response doc = Get("/openapi/dex.json");
  EXPECT_EQ(doc.status, 200);
}

}  // namespace
}  // namespace muster::dex
