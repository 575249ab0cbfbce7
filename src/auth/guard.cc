#include "auth/guard.h"

#include <optional>

#include "auth/scopes.h"
#include "core/text.h"
#include "http/error_mapping.h"

namespace muster::auth {
namespace {

Error GatewayRefusal(std::string message, std::string internal) {
  return MakeError(ErrorCode::kUnauthenticated, std::string(http::kGatewayReason),
                   std::move(message), std::move(internal));
}

// The vendor whose subscription key the request carries (APIM's checks, in its order).
Result<std::string> SubscriptionKeyVendor(const GatewayPolicy& gateway, const http::Request& req) {
  std::string_view key = req.Header(kSubscriptionKeyHeader);
  if (key.empty()) {
    return GatewayRefusal(
        "Access denied due to missing subscription key. Make sure to include subscription key "
        "when making requests to an API.",
        "SubscriptionKeyMissing");
  }
  auto snapshot = gateway.registry.Get();
  auto it = snapshot->subscription_keys.find(gateway.hasher.Hash(key));
  if (it == snapshot->subscription_keys.end()) {
    return GatewayRefusal(
        "Access denied due to invalid subscription key. Make sure to provide a valid key for an "
        "active subscription.",
        "SubscriptionKeyUnknown");
  }
  return it->second;
}

Result<http::Principal> ValidateBearer(const BearerValidator& validator, const http::Request& req) {
  std::string_view authz = req.Header("authorization");
  constexpr std::string_view kBearer = "bearer ";
  if (authz.size() <= kBearer.size() || !StartsWithIgnoreCase(authz, kBearer)) {
    return MakeError(ErrorCode::kUnauthenticated, "", "A bearer access token is required.",
                     authz.empty() ? "NoAuthorization" : "NotBearer");
  }
  std::string_view token = authz.substr(kBearer.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  return validator.Validate(token);
}

Status Check(const BearerValidator& validator, const GatewayPolicy* gateway,
             const http::Route& route, http::Request& req) {
  std::optional<std::string> key_vendor;
  if (gateway != nullptr && gateway->groups.count(route.group) != 0) {
    MUSTER_ASSIGN_OR_RETURN(key_vendor, SubscriptionKeyVendor(*gateway, req));
  }
  MUSTER_ASSIGN_OR_RETURN(http::Principal principal, ValidateBearer(validator, req));
  if (key_vendor && *key_vendor != principal.vendor_id) {
    return GatewayRefusal(
        "Access denied because the subscription key does not belong to the vendor of the "
        "access token. Use your own vendor's subscription key.",
        "SubscriptionKeyOtherVendor:" + *key_vendor);
  }
  if (!ScopeSatisfied(principal.scopes, route.scope)) {
    return MakeError(ErrorCode::kPermissionDenied, "",
                     "The access token does not carry the scope this resource needs.",
                     "MissingScope:" + route.scope);
  }
  req.principal = std::move(principal);
  return OkStatus();
}

}  // namespace

http::RouteGuard MakeBearerGuard(const BearerValidator& validator) {
  return [&validator](const http::Route& route, http::Request& req) -> Status {
    return Check(validator, nullptr, route, req);
  };
}

http::RouteGuard MakeBearerGuard(const BearerValidator& validator, GatewayPolicy gateway) {
  return [&validator, gateway = std::move(gateway)](const http::Route& route,
                                                    http::Request& req) -> Status {
    return Check(validator, &gateway, route, req);
  };
}

}  // namespace muster::auth
