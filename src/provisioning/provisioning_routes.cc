#include "provisioning/provisioning_routes.h"

#include <memory>
#include <utility>

#include "http/document_route.h"
#include "oneroster/query/link_header.h"
#include "provisioning/provisioning_json.h"
#include "provisioning/provisioning_openapi.h"

namespace muster::provisioning {
namespace {

using http::Request;
using http::Response;

Result<storage::Site> SchoolOf(const ProvisioningDeps& deps, const Request& req) {
  if (!req.principal) {
    return MakeError(ErrorCode::kUnauthenticated, "", "A bearer access token is required.",
                     "NoPrincipal");
  }
  return deps.resolve_site(*req.principal);
}

// School data: never cached by intermediaries.
Response NoStoreJson(std::string body) {
  Response r = Response::Json(200, std::move(body));
  r.Header("Cache-Control", "no-store");
  return r;
}

Result<Response> HandleOrganisation(const ProvisioningDeps& deps, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(storage::Site site, SchoolOf(deps, req));
  MUSTER_ASSIGN_OR_RETURN(storage::Site org,
                          deps.service.Organisation(site, req.Param("OrganisationId")));
  return NoStoreJson(OrganisationJson(org));
}

Result<Response> HandleUsers(const ProvisioningDeps& deps, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(storage::Site site, SchoolOf(deps, req));
  auto params = ParseForm(req.query, 64);
  if (!params.ok()) {
    return MakeError(ErrorCode::kInvalidArgument, "invalid_request",
                     "The query string is malformed.");
  }
  MUSTER_ASSIGN_OR_RETURN(UsersQuery query, ParseUsersQuery(*params));
  MUSTER_ASSIGN_OR_RETURN(UserPage page,
                          deps.service.Users(site, req.Param("OrganisationId"), query));
  const std::string base = deps.public_url + req.path;
  Response r = NoStoreJson(UsersJson(page, NextUsersLink(base, *params, page)));
  r.Header("X-Total-Count", std::to_string(page.total));
  if (page.total > 0) {
    r.Header("Link", oneroster::query::BuildLinkHeader(base, *params, query.limit, query.offset,
                                                       page.total));
  }
  return r;
}

struct Row {
  const char* path;
  const char* help;
  Result<Response> (*handler)(const ProvisioningDeps&, const Request&);
};

constexpr Row kRoutes[] = {
    {"/provisioning/v1/organisation/{OrganisationId}",
     "The token's school: name, unique id, DfE number, URN, LA.", HandleOrganisation},
    {"/provisioning/v1/organisation/{OrganisationId}/users",
     "The school's pupils and staff with groups and age range (never a birth date).", HandleUsers},
};

}  // namespace

Status RegisterProvisioningRoutes(http::Router& router, const ProvisioningDeps& deps) {
  router.SetShapeForPrefix("/provisioning", http::ErrorShape::kPlain);
  auto d = std::make_shared<const ProvisioningDeps>(deps);
  for (const Row& row : kRoutes) {
    http::Route r;
    r.method = http::Method::kGet;
    r.path = row.path;
    r.group = std::string(kProvisioningGroup);
    r.scope = std::string(kScopeOrganisation);
    r.shape = http::ErrorShape::kPlain;
    r.offload = true;  // store work
    r.help = row.help;
    r.handler = [d, fn = row.handler](Request& req) { return fn(*d, req); };
    MUSTER_RETURN_IF_ERROR(router.Add(std::move(r)));
  }
  return http::AddDocumentRoute(router, "/openapi/provisioning.json",
                                "The provisioning API's OpenAPI 3 document.",
                                ProvisioningOpenApiJson());
}

}  // namespace muster::provisioning
