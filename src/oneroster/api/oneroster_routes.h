#pragma once

// The OneRoster 1.1 API's route table (oneroster.md §1.3–§1.4): the 41 rostering and 4
// resources read operations under /ims/oneroster/v1p1, each with its 1.1 scope
// (roster-core.readonly for the plain collections and objects, roster.readonly for the
// nested collections, roster-demographics.readonly and resource.readonly for theirs), and
// the API's OpenAPI document at /openapi/oneroster.json. Errors are imsx_StatusInfo objects
// (http::ErrorShape::kImsx).
//
// Which school a request reads is the token's organisation, never the request's: the
// composition root supplies `resolve_site`, which maps the guard's Principal to the site
// (RosterScope) its organisation is; a token with no organisation is refused (403).

#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/request.h"
#include "http/router.h"
#include "oneroster/api/roster_reader.h"
#include "roster/roster_store.h"

namespace muster::oneroster::api {

// Route group of every OneRoster route (metrics; gateway.subscription_key_groups).
inline constexpr std::string_view kOneRosterGroup = "oneroster";
inline constexpr std::string_view kOneRosterBase = "/ims/oneroster/v1p1";

using SiteResolver = std::function<Result<roster::RosterScope>(const http::Principal&)>;

struct OneRosterDeps {
  const RosterReader& reader;
  SiteResolver resolve_site;
  std::string public_url;  // "https://muster.example": hrefs and Link URLs are absolute
};

Status RegisterOneRosterRoutes(http::Router& router, const OneRosterDeps& deps);

}  // namespace muster::oneroster::api
