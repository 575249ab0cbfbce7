#include "http/router.h"

#include <gtest/gtest.h>

namespace muster::http {
namespace {

Route Make(Method m, std::string path, std::string body) {
  Route r;
  r.method = m;
  r.path = std::move(path);
  r.handler = [body](Request& req) -> Result<Response> {
    std::string out = body;
    for (const auto& [k, v] : req.path_params) out += "|" + std::string(k) + "=" + v;
    return Response::Text(200, out);
  };
  return r;
}

Request Req(Method m, std::string path) {
  Request r;
  r.method = m;
  r.path = std::move(path);
  return r;
}

TEST(Router, MatchesLiteralAndTemplatedPaths) {
  Router router;
  ASSERT_TRUE(router.Add(Make(Method::kGet, "/a/b", "ab")).ok());
  ASSERT_TRUE(router.Add(Make(Method::kGet, "/users/{id}", "user")).ok());
  ASSERT_TRUE(router.Add(Make(Method::kGet, "/p/{app}/{org}/Clients", "clients")).ok());
  auto r1 = Req(Method::kGet, "/a/b");
  EXPECT_EQ(router.Dispatch(r1).body, "ab");
  auto r2 = Req(Method::kGet, "/users/x%20y");
  EXPECT_EQ(router.Dispatch(r2).body, "user|id=x y");
  auto r3 = Req(Method::kGet, "/p/A1/O2/Clients");
  EXPECT_EQ(router.Dispatch(r3).body, "clients|app=A1|org=O2");
  EXPECT_EQ(r3.route_template, "/p/{app}/{org}/Clients");
}

TEST(Router, Distinguishes404From405) {
  Router router;
  ASSERT_TRUE(router.Add(Make(Method::kPost, "/connect/token", "t")).ok());
  ASSERT_TRUE(router.Add(Make(Method::kGet, "/users/{id}", "u")).ok());
  auto get_token = Req(Method::kGet, "/connect/token");
  Response r = router.Dispatch(get_token);
  EXPECT_EQ(r.status, 405);
  bool has_allow = false;
  for (auto& [k, v] : r.headers) has_allow |= (k == "Allow" && v == "POST");
  EXPECT_TRUE(has_allow);
  auto del_user = Req(Method::kDelete, "/users/1");
  EXPECT_EQ(router.Dispatch(del_user).status, 405);
  auto missing = Req(Method::kGet, "/nothing");
  EXPECT_EQ(router.Dispatch(missing).status, 404);
  auto head = Req(Method::kHead, "/users/1");
  EXPECT_EQ(router.Dispatch(head).status, 200);
}

TEST(Router, RejectsDuplicatesAtStartup) {
  Router router;
  ASSERT_TRUE(router.Add(Make(Method::kGet, "/users/{id}", "u")).ok());
  Status dup = router.Add(Make(Method::kGet, "/users/{sourcedId}", "v"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(router.Add(Make(Method::kPut, "/users/{id}", "w")).ok());
  EXPECT_FALSE(router.Add(Make(Method::kGet, "no-slash", "x")).ok());
}

TEST(Router, GuardRunsOnlyForScopedRoutesAndErrorsUseTheRouteShape) {
  Router router;
  Route open = Make(Method::kGet, "/open", "open");
  Route closed = Make(Method::kGet, "/closed", "closed");
  closed.scope = "needed";
  closed.shape = ErrorShape::kImsx;
  ASSERT_TRUE(router.Add(std::move(open)).ok());
  ASSERT_TRUE(router.Add(std::move(closed)).ok());
  int calls = 0;
  router.SetGuard([&](const Route& route, Request&) -> Status {
    ++calls;
    EXPECT_EQ(route.scope, "needed");
    return MakeError(ErrorCode::kUnauthenticated, "", "no token");
  });
  auto a = Req(Method::kGet, "/open");
  EXPECT_EQ(router.Dispatch(a).status, 200);
  auto b = Req(Method::kGet, "/closed");
  Response r = router.Dispatch(b);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("unauthorisedrequest"), std::string::npos);
  EXPECT_EQ(calls, 1);
}

TEST(Router, HandlerExceptionsBecome500WithoutDetail) {
  Router router;
  Route r = Make(Method::kGet, "/boom", "");
  r.handler = [](Request&) -> Result<Response> { throw std::runtime_error("secret detail"); };
  ASSERT_TRUE(router.Add(std::move(r)).ok());
  auto req = Req(Method::kGet, "/boom");
  Response resp = router.Dispatch(req);
  EXPECT_EQ(resp.status, 500);
  EXPECT_EQ(resp.body.find("secret detail"), std::string::npos);
}

TEST(Router, UnmatchedPathsUseThePrefixShape) {
  Router router;
  router.SetShapeForPrefix("/ims/oneroster", ErrorShape::kImsx);
  router.SetShapeForPrefix("/dex", ErrorShape::kOData);
  auto a = Req(Method::kGet, "/ims/oneroster/v1p1/nope");
  EXPECT_NE(router.Dispatch(a).body.find("unknownobject"), std::string::npos);
  auto b = Req(Method::kGet, "/dex/nope");
  EXPECT_NE(router.Dispatch(b).body.find("\"error\":{\"code\""), std::string::npos);
}

}  // namespace
}  // namespace muster::http
