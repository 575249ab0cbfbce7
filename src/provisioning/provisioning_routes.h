#pragma once

// The provisioning API's route table (product.md §4.3; docs/api/provisioning.md):
//
//   GET /provisioning/v1/organisation/{OrganisationId}         the school
//   GET /provisioning/v1/organisation/{OrganisationId}/users   its users, paged
//
// and the API's OpenAPI document at /openapi/provisioning.json. Scope `organisation`: the
// RAP "organisation APIs" scope a OneRoster/RAP school client is granted by default
// (sims-platform.md §2; auth::DefaultOneRosterScopes), which is what SIMS ID's provisioning
// API is called with; a DeX client (partner partnerserverapplication) cannot call it. Route
// group "provisioning" (not keyed by default; gateway.subscription_key_groups can add it).
// Errors are plain JSON ({"error","error_description"}).

#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/request.h"
#include "http/router.h"
#include "provisioning/provisioning_service.h"
#include "storage/model.h"

namespace muster::provisioning {

inline constexpr std::string_view kProvisioningGroup = "provisioning";
inline constexpr std::string_view kScopeOrganisation = "organisation";

// The school a token reads; an error (kPermissionDenied) when it names none.
using SiteResolver = std::function<Result<storage::Site>(const http::Principal&)>;

struct ProvisioningDeps {
  const ProvisioningService& service;
  SiteResolver resolve_site;
  std::string public_url;  // "https://muster.example": next links are absolute
};

Status RegisterProvisioningRoutes(http::Router& router, const ProvisioningDeps& deps);

}  // namespace muster::provisioning
