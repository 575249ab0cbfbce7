#include "provisioning/provisioning_routes.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <regex>

#include "tests/support/learner_fixture.h"

namespace muster::provisioning {
namespace {

using http::Request;
using http::Response;

class ProvisioningRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ProvisioningDeps deps{service_,
                          [this](const http::Principal& p) -> Result<storage::Site> {
                            if (p.organisation_id.empty()) {
                              return MakeError(ErrorCode::kPermissionDenied, "", "no school");
                            }
                            return f_.site(0);
                          },
                          "https://muster.example"};
    ASSERT_TRUE(RegisterProvisioningRoutes(router_, deps).ok());
    router_.SetGuard([this](const http::Route& route, Request& req) -> Status {
      EXPECT_EQ(route.scope, "organisation");
      EXPECT_EQ(route.group, "provisioning");
      http::Principal p;
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
  std::string Base() const { return "/provisioning/v1/organisation/" + f_.site(0).organisation_id; }

  // Generating two schools takes a second or two: once per suite (the tests only read).
  static void SetUpTestSuite() { fixture_ = new muster::testing::LearnerFixture(); }
  static void TearDownTestSuite() {
    delete fixture_;
    fixture_ = nullptr;
  }
  static muster::testing::LearnerFixture* fixture_;
  muster::testing::LearnerFixture& f_ = *fixture_;
  ProvisioningService service_{f_.store(), f_.clock()};
  http::Router router_;
  std::string org_ = f_.site(0).organisation_id;
};

muster::testing::LearnerFixture* ProvisioningRoutesTest::fixture_ = nullptr;

TEST_F(ProvisioningRoutesTest, TheOrganisation) {
  Response r = Get(Base());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "{\"OrganisationId\":\"" + f_.site(0).organisation_id +
                        "\",\"Name\":\"Millbrook Primary School\",\"DfeNumber\":\"9192431\","
                        "\"Urn\":\"990101\",\"LaCode\":\"919\"}");
}

TEST_F(ProvisioningRoutesTest, UsersArePagedAndNeverCarryABirthDate) {
  Response r = Get(Base() + "/users?limit=10&offset=5&role=student");
  ASSERT_EQ(r.status, 200) << r.body;
  rapidjson::Document d;
  d.Parse(r.body.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(d["Users"].Size(), 10u);
  const int total = d["TotalCount"].GetInt();
  EXPECT_GT(total, 200);
  EXPECT_EQ(std::string(d["NextLink"].GetString()),
            "https://muster.example" + Base() + "/users?role=student&limit=10&offset=15");
  EXPECT_NE(r.body.find("\"AgeRange\":\"<13\""), std::string::npos);
  EXPECT_FALSE(std::regex_search(r.body, std::regex(R"(\d{4}-\d{2}-\d{2})"))) << r.body;
  bool has_total = false, has_link = false;
  for (const auto& [k, v] : r.headers) {
    has_total |= k == "X-Total-Count" && v == std::to_string(total);
    has_link |= k == "Link" && v.find("rel=\"next\"") != std::string::npos;
  }
  EXPECT_TRUE(has_total && has_link);
  Response last = Get(Base() + "/users?offset=" + std::to_string(total - 1));
  rapidjson::Document l;
  l.Parse(last.body.c_str());
  EXPECT_TRUE(l["NextLink"].IsNull());
}

TEST_F(ProvisioningRoutesTest, RefusalsArePlainJson) {
  Response other = Get("/provisioning/v1/organisation/" + f_.site(1).organisation_id + "/users");
  EXPECT_EQ(other.status, 404);
  EXPECT_NE(other.body.find("\"error\":\"not_found\""), std::string::npos) << other.body;
  EXPECT_EQ(Get(Base() + "/users?limit=0").status, 400);
  org_ = "";
  Response none = Get(Base());
  EXPECT_EQ(none.status, 403);
  EXPECT_NE(none.body.find("\"error\":"), std::string::npos);
  EXPECT_EQ(Get("/openapi/provisioning.json").status, 200);
}

}  // namespace
}  // namespace muster::provisioning
