#pragma once

// The DeX learner API's route table (product.md §4.2; docs/api/dex.md), under
// /dex/Learner/odata/v3 as seed 000 calls it:
//
//   GET  /                                   the OData service document
//   GET  /$metadata                          CSDL (dex_metadata.h)
//   GET  /LearnerPersonals, /LearnerIdentifiers, /LearnerGroups        collections
//   GET  /{Entity}          LearnerPersonals(…), LearnerIdentifiers(…), LearnerGroups(…)
//   GET  /{Entity}/{Navigation}  LearnerGroups(…)/LearnerIdentifiers and /LearnerPersonals
//
// and the API's OpenAPI document at /openapi/dex.json. Every DeX route needs the scope
// partnerserverapplication and is in route group "dex", which gateway.subscription_key_groups
// lists by default, so the guard also demands the vendor's Ocp-Apim-Subscription-Key.
// Errors are OData JSON (http::ErrorShape::kOData), except the seed's refusal of a token
// whose client has no organisation, answered exactly as DeX does (see dex_routes.cc).
//
// Handlers are thin: the school from the token (resolve_site), the query parameters and the
// key in, DexService out, OData JSON from dex_json.h.

#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "dex/dex_service.h"
#include "http/request.h"
#include "http/router.h"

namespace muster::dex {

// The route group of every DeX route (metrics; gateway.subscription_key_groups).
inline constexpr std::string_view kDexGroup = "dex";
// The service root, as seed 000 calls it.
inline constexpr std::string_view kDexRoot = "/dex/Learner/odata/v3";
// The same service as published DeX material spells it (".../odata/V3/..."): every route is
// answered under both roots. @odata.context always uses kDexRoot; a next link keeps the
// caller's spelling.
inline constexpr std::string_view kDexRootUpperCase = "/dex/Learner/odata/V3";

// The school a token reads (its organisation's site); an error when it names none.
using SiteResolver = std::function<Result<learner::RosterScope>(const http::Principal&)>;

struct DexDeps {
  const DexService& service;
  SiteResolver resolve_site;
  std::string public_url;  // "https://muster.example": contexts and next links are absolute
};

Status RegisterDexRoutes(http::Router& router, const DexDeps& deps);

}  // namespace muster::dex
