// The STS route table's OpenAPI document: served without a token, cacheable, and naming
// every STS route with its method (the token endpoint's behaviour is covered end to end by
// tests/integration; the document's validity by tests/integration/js/openapi.test.mjs).

#include "auth/sts_routes.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cctype>

#include "auth/sts_openapi.h"
#include "tests/support/sts_fixture.h"

namespace muster::auth {
namespace {

using http::Method;

class StsRoutesTest : public ::testing::Test, public muster::testing::StsFixture {
 protected:
  StsRoutesTest()
      : deps_{tokens_, validator_, revocations_, keys_, audit_, metrics_, "https://sts.example"} {
    EXPECT_TRUE(RegisterStsRoutes(router_, deps_).ok());
  }

  http::Metrics metrics_;
  StsDeps deps_;
  http::Router router_;
};

std::string HeaderOf(const http::Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

TEST_F(StsRoutesTest, ServesTheEmbeddedOpenApiDocumentWithoutAToken) {
  http::Request req = MakeRequest(Method::kGet, "/openapi/sts.json");
  http::Response r = router_.Dispatch(req);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(r.body, StsOpenApiJson());
}

TEST_F(StsRoutesTest, TheOpenApiDocumentDescribesEveryStsRoute) {
  rapidjson::Document doc;
  doc.Parse(StsOpenApiJson().data(), StsOpenApiJson().size());
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_EQ(std::string(doc["openapi"].GetString()).rfind("3.", 0), 0u);
  const rapidjson::Value& paths = doc["paths"];
  int described = 0;
  for (const auto& route : router_.routes()) {
    if (route->group != "sts") continue;
    ASSERT_TRUE(paths.HasMember(route->path.c_str())) << route->path;
    std::string method(http::MethodName(route->method));
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(paths[route->path.c_str()].HasMember(method.c_str()))
        << method << " " << route->path;
    ++described;
  }
  EXPECT_EQ(described, 5);
  EXPECT_EQ(static_cast<int>(paths.MemberCount()), described);
}

}  // namespace
}  // namespace muster::auth
