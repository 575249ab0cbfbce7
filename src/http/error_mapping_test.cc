#include "http/error_mapping.h"

#include <gtest/gtest.h>

namespace muster::http {
namespace {

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

TEST(ErrorMapping, OAuth2ShapeAndStatuses) {
  Request req;
  Response r = MapError(
      ErrorShape::kOAuth2,
      MakeError(ErrorCode::kInvalidArgument, "invalid_grant", "pending", "internal detail"), req);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"error":"invalid_grant","error_description":"pending"})");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-store");
  Response denied =
      MapError(ErrorShape::kOAuth2, MakeError(ErrorCode::kPermissionDenied, "", ""), req);
  EXPECT_EQ(denied.status, 400);
  EXPECT_NE(denied.body.find("unauthorized_client"), std::string::npos);
}

TEST(ErrorMapping, BasicChallengeOnlyWhenBasicWasUsed) {
  Request body_auth;
  Response a = MapError(ErrorShape::kOAuth2,
                        MakeError(ErrorCode::kUnauthenticated, "invalid_client", "x"), body_auth);
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(HeaderOf(a, "WWW-Authenticate"), "");
  Request basic;
  basic.headers.emplace_back("authorization", "Basic YTpi");
  Response b = MapError(ErrorShape::kOAuth2,
                        MakeError(ErrorCode::kUnauthenticated, "invalid_client", "x"), basic);
  EXPECT_EQ(HeaderOf(b, "WWW-Authenticate").rfind("Basic", 0), 0u);
}

TEST(ErrorMapping, ImsxAndODataShapes) {
  Request req;
  req.request_id = "req-42";
  Response imsx = MapError(ErrorShape::kImsx, MakeError(ErrorCode::kNotFound, "", "gone"), req);
  EXPECT_EQ(imsx.status, 404);
  EXPECT_NE(imsx.body.find(R"("imsx_codeMinorFieldValue":"unknownobject")"), std::string::npos);
  EXPECT_NE(imsx.body.find(R"("imsx_messageRefIdentifier":")" + req.request_id + "\""),
            std::string::npos)
      << imsx.body;
  // A reason from another vocabulary (the guard's RFC 6750 one) becomes the imsx code's.
  Response foreign = MapError(ErrorShape::kImsx,
                              MakeError(ErrorCode::kUnauthenticated, "invalid_token", "bad"), req);
  EXPECT_NE(foreign.body.find(R"("imsx_codeMinorFieldValue":"unauthorisedrequest")"),
            std::string::npos)
      << foreign.body;
  Response odata =
      MapError(ErrorShape::kOData, MakeError(ErrorCode::kInvalidArgument, "", "bad $filter"), req);
  EXPECT_EQ(odata.body, R"({"error":{"code":"invalid_argument","message":"bad $filter"}})");
  Response bearer =
      MapError(ErrorShape::kImsx, MakeError(ErrorCode::kUnauthenticated, "", ""), req);
  EXPECT_EQ(HeaderOf(bearer, "WWW-Authenticate"), "Bearer realm=\"muster\"");
}

TEST(ErrorMapping, RetryAfterAndNoInternalLeak) {
  Request req;
  Error e = MakeError(ErrorCode::kRateLimited, "", "slow down", "client sas-1 bucket empty");
  e.retry_after_s = 3;
  Response r = MapError(ErrorShape::kOAuth2, e, req);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(HeaderOf(r, "Retry-After"), "3");
  EXPECT_EQ(r.body.find("bucket"), std::string::npos);
}

TEST(ErrorMapping, GatewayRefusalsUseApimsShapeWhateverTheRoutesShape) {
  Request req;
  req.headers.emplace_back("authorization", "Bearer x");
  for (ErrorShape shape :
       {ErrorShape::kPlain, ErrorShape::kOAuth2, ErrorShape::kImsx, ErrorShape::kOData}) {
    Response r = MapError(shape,
                          MakeError(ErrorCode::kUnauthenticated, std::string(kGatewayReason),
                                    "Access denied.", "SubscriptionKeyUnknown"),
                          req);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.body, R"({"statusCode":401,"message":"Access denied."})");
    EXPECT_TRUE(r.headers.empty());
  }
}

TEST(ErrorMapping, BareErrorsAreJustTheMessage) {
  Request req;
  req.headers.emplace_back("authorization", "Bearer x");
  Response r =
      MapError(ErrorShape::kOData,
               MakeError(ErrorCode::kPermissionDenied, std::string(kBareErrorReason),
                         "The Account is not associated with any Organisations", "NoOrganisation"),
               req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body, R"({"error":"The Account is not associated with any Organisations"})");
  EXPECT_TRUE(r.headers.empty());
}

}  // namespace
}  // namespace muster::http
