#pragma once

// The partner (RAP) API's route table (product.md §4.4; docs/api/partner.md): the seed's
// two reads under partner-read, Muster's writes under partner-write, and the API's OpenAPI
// document at /openapi/partner.json. Handlers are thin: path parameters and the token's
// principal in, PartnerService out, JSON from partner_json.h. Errors are plain JSON
// ({"error","error_description"}); the route guard answers 401/403 (and, when the
// "partner" group is listed in gateway.subscription_key_groups, the subscription key).

#include <string_view>

#include "core/result.h"
#include "http/router.h"
#include "partner/partner_service.h"

namespace muster::partner {

// The route group of every partner API route (metrics; gateway.subscription_key_groups).
inline constexpr std::string_view kPartnerGroup = "partner";

struct PartnerDeps {
  PartnerService& service;
};

Status RegisterPartnerRoutes(http::Router& router, const PartnerDeps& deps);

}  // namespace muster::partner
