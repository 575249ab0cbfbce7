#pragma once

// The route guard for bearer-protected routes: a valid access token (BearerValidator)
// whose scopes satisfy the route's scope. 401 without or with a bad token, 403 with a
// valid token that lacks the scope.
//
// With a GatewayPolicy it also plays the API gateway (product.md §3): routes whose group
// is listed need an Ocp-Apim-Subscription-Key of the token's vendor. The order is Azure API
// Management's: the key first (missing → 401, unknown → 401), then the token (401/403),
// then that the key belongs to the token's vendor (401). Gateway refusals carry
// http::kGatewayReason, so error_mapping.cc answers them in APIM's shape whatever the
// route's own. Only routes with a scope reach the guard, so a keyed group's routes must
// have one.
//
// Thread-safety: the returned guard may run on any thread; the referenced validator,
// registry and hasher must outlive it.

#include <set>
#include <string>
#include <string_view>

#include "auth/bearer_validator.h"
#include "auth/client_registry.h"
#include "crypto/secret_hash.h"
#include "http/router.h"

namespace muster::auth {

// The header APIM reads (Request header names are lower case).
inline constexpr std::string_view kSubscriptionKeyHeader = "ocp-apim-subscription-key";

struct GatewayPolicy {
  std::set<std::string> groups;    // route groups that need a subscription key
  const ClientRegistry& registry;  // its snapshot maps key hashes to vendor ids
  const crypto::SecretHasher& hasher;
};

http::RouteGuard MakeBearerGuard(const BearerValidator& validator);
http::RouteGuard MakeBearerGuard(const BearerValidator& validator, GatewayPolicy gateway);

}  // namespace muster::auth
