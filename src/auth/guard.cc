#include "auth/guard.h"

#include "auth/scopes.h"

namespace muster::auth {

http::RouteGuard MakeBearerGuard(const BearerValidator& validator) {
  return [&validator](const http::Route& route, http::Request& req) -> Status {
    std::string_view authz = req.Header("authorization");
    constexpr std::string_view kBearer = "bearer ";
    bool is_bearer = authz.size() > kBearer.size();
    for (size_t i = 0; is_bearer && i < kBearer.size(); ++i) {
      is_bearer = std::tolower(static_cast<unsigned char>(authz[i])) == kBearer[i];
    }
    if (!is_bearer) {
      return MakeError(ErrorCode::kUnauthenticated, "", "A bearer access token is required.",
                       authz.empty() ? "NoAuthorization" : "NotBearer");
    }
    std::string_view token = authz.substr(kBearer.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    MUSTER_ASSIGN_OR_RETURN(http::Principal principal, validator.Validate(token));
    if (!ScopeSatisfied(principal.scopes, route.scope)) {
      return MakeError(ErrorCode::kPermissionDenied, "",
                       "The access token does not carry the scope this resource needs.",
                       "MissingScope:" + route.scope);
    }
    req.principal = std::move(principal);
    return OkStatus();
  };
}

}  // namespace muster::auth
