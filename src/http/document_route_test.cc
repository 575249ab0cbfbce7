#include "http/document_route.h"

#include <gtest/gtest.h>

namespace muster::http {
namespace {

TEST(DocumentRoute, ServesTheDocumentCacheableInTheDocsGroup) {
  Router router;
  ASSERT_TRUE(AddDocumentRoute(router, "/openapi/x.json", "X's document.", R"({"x":1})").ok());
  ASSERT_EQ(router.routes().size(), 1u);
  const Route& route = *router.routes().front();
  EXPECT_EQ(route.method, Method::kGet);
  EXPECT_EQ(route.group, "docs");
  EXPECT_EQ(route.help, "X's document.");
  EXPECT_TRUE(route.scope.empty());
  EXPECT_FALSE(route.mutates);

  Request req;
  req.method = Method::kGet;
  req.path = "/openapi/x.json";
  Response r = router.Dispatch(req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(r.body, R"({"x":1})");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Cache-Control");
  EXPECT_EQ(r.headers[0].second, "public, max-age=3600");
}

TEST(DocumentRoute, ADuplicatePathFailsAsRouterAddDoes) {
  Router router;
  ASSERT_TRUE(AddDocumentRoute(router, "/openapi/x.json", "", "{}").ok());
  Status dup = AddDocumentRoute(router, "/openapi/x.json", "", "{}");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace muster::http
