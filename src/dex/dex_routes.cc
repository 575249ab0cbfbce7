#include "dex/dex_routes.h"

#include <memory>
#include <string>
#include <utility>

#include "auth/scopes.h"
#include "core/json_writer.h"
#include "dex/dex_json.h"
#include "dex/dex_metadata.h"
#include "dex/dex_openapi.h"
#include "http/document_route.h"
#include "http/error_mapping.h"
#include "odata/query/next_link.h"

namespace muster::dex {
namespace {

using http::Request;
using http::Response;
using learner::EntitySet;

// Seed 000's answer to a token whose client is associated with no organisation (a
// vendor-management token given the DeX scope, or a school client bound to no site). The
// seed shows the body but not the status. It is 403, not 401: the token is valid (signature,
// lifetime, scope, and the subscription key matched its vendor), so asking for a new one
// cannot help, and SIMS ID's conventions keep 401 for a bad or invalid token and 403 for a
// valid token without permission (sims-platform.md §3.3).
constexpr char kNoOrganisation[] = "The Account is not associated with any Organisations";

Result<learner::RosterScope> SchoolOf(const DexDeps& deps, const Request& req) {
  if (!req.principal) {
    return MakeError(ErrorCode::kUnauthenticated, "", "A bearer access token is required.",
                     "NoPrincipal");
  }
  auto scope = deps.resolve_site(*req.principal);
  if (!scope.ok()) {
    return MakeError(ErrorCode::kPermissionDenied, std::string(http::kBareErrorReason),
                     kNoOrganisation, scope.error().internal);
  }
  return scope;
}

Result<FormFields> Params(const Request& req) {
  auto fields = ParseForm(req.query, 64);
  if (!fields.ok()) {
    return MakeError(ErrorCode::kInvalidArgument, odata::query::kInvalidQueryOption,
                     "The query string is malformed (a bad %-escape, or too many options).");
  }
  return std::move(fields).value();
}

Response ODataJson(std::string body) {
  Response r = Response::Json(200, std::move(body));
  r.content_type = "application/json; odata.metadata=minimal";
  r.Header("OData-Version", "4.0");
  r.Header("Cache-Control", "no-store");  // school data about children
  return r;
}

std::string Root(const DexDeps& deps) { return deps.public_url + std::string(kDexRoot); }

std::string NextLink(const DexDeps& deps, const Request& req, const FormFields& params,
                     const odata::query::Query& query, bool more) {
  return odata::query::BuildNextLink(deps.public_url + req.path, params, query, more);
}

Result<Response> HandleServiceDocument(const DexDeps& deps, const Request& req) {
  MUSTER_RETURN_IF_ERROR(SchoolOf(deps, req));
  std::string body;
  JsonWriter w(body);
  w.BeginObject().Member("@odata.context", Root(deps) + "/$metadata").Key("value").BeginArray();
  for (EntitySet set : learner::kAllEntitySets) {
    w.BeginObject().Member("name", learner::ToString(set)).Member("kind", "EntitySet");
    w.Member("url", learner::ToString(set)).EndObject();
  }
  w.EndArray().EndObject();
  return ODataJson(std::move(body));
}

Result<Response> HandleMetadata(const DexDeps& deps, const Request& req) {
  MUSTER_RETURN_IF_ERROR(SchoolOf(deps, req));
  Response r = Response::Text(200, std::string(MetadataXml()), "application/xml");
  r.Header("OData-Version", "4.0");
  return r;
}

Result<Response> HandleCollection(const DexDeps& deps, EntitySet set, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(learner::RosterScope scope, SchoolOf(deps, req));
  MUSTER_ASSIGN_OR_RETURN(FormFields params, Params(req));
  if (set == EntitySet::kLearnerGroups) {
    MUSTER_ASSIGN_OR_RETURN(auto r, deps.service.ListGroups(scope, params));
    MUSTER_ASSIGN_OR_RETURN(
        std::string body,
        GroupsJson(Root(deps), r.query, r.page, NextLink(deps, req, params, r.query, r.page.more)));
    return ODataJson(std::move(body));
  }
  MUSTER_ASSIGN_OR_RETURN(auto r, deps.service.ListLearners(scope, set, params));
  MUSTER_ASSIGN_OR_RETURN(std::string body,
                          LearnersJson(Root(deps), set, r.query, r.page, deps.service.Today(),
                                       NextLink(deps, req, params, r.query, r.page.more)));
  return ODataJson(std::move(body));
}

// LearnerPersonals(…), LearnerIdentifiers(…), LearnerGroups(…).
Result<Response> HandleEntity(const DexDeps& deps, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(learner::RosterScope scope, SchoolOf(deps, req));
  MUSTER_ASSIGN_OR_RETURN(FormFields params, Params(req));
  MUSTER_ASSIGN_OR_RETURN(EntityKey key, ParseEntityKey(req.Param("Entity")));
  if (key.set == EntitySet::kLearnerGroups) {
    MUSTER_ASSIGN_OR_RETURN(auto r, deps.service.GetGroup(scope, key, params));
    return ODataJson(GroupJson(Root(deps), r.query, r.entity));
  }
  MUSTER_ASSIGN_OR_RETURN(auto r, deps.service.GetLearner(scope, key, params));
  return ODataJson(LearnerJson(Root(deps), key.set, r.query, r.entity, deps.service.Today()));
}

// LearnerGroups(…)/LearnerIdentifiers and LearnerGroups(…)/LearnerPersonals.
Result<Response> HandleMembers(const DexDeps& deps, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(learner::RosterScope scope, SchoolOf(deps, req));
  MUSTER_ASSIGN_OR_RETURN(FormFields params, Params(req));
  MUSTER_ASSIGN_OR_RETURN(EntityKey key, ParseEntityKey(req.Param("Entity")));
  auto set = learner::ParseEntitySet(req.Param("Navigation"));
  if (key.set != EntitySet::kLearnerGroups || !set || *set == EntitySet::kLearnerGroups) {
    return MakeError(ErrorCode::kNotFound, "NotFound", "No resource at this path.");
  }
  MUSTER_ASSIGN_OR_RETURN(auto r, deps.service.ListMembers(scope, key, *set, params));
  MUSTER_ASSIGN_OR_RETURN(std::string body,
                          LearnersJson(Root(deps), *set, r.query, r.page, deps.service.Today(),
                                       NextLink(deps, req, params, r.query, r.page.more)));
  return ODataJson(std::move(body));
}

using Fn = Result<Response> (*)(const DexDeps&, const Request&);

struct Row {
  const char* path;  // under kDexRoot
  const char* help;
  Fn handler;
};

constexpr Row kRoutes[] = {
    {"", "The OData service document: the entity sets.", HandleServiceDocument},
    {"/$metadata", "The CSDL document of the learner service.", HandleMetadata},
    {"/LearnerPersonals", "Pupils: the full record (names, date of birth, UPN, groups).",
     [](const DexDeps& d, const Request& r) {
       return HandleCollection(d, EntitySet::kLearnerPersonals, r);
     }},
    {"/LearnerIdentifiers", "Pupils, the lighter browse (AgeMonths, no date of birth).",
     [](const DexDeps& d, const Request& r) {
       return HandleCollection(d, EntitySet::kLearnerIdentifiers, r);
     }},
    {"/LearnerGroups", "Year groups, registration groups, primary classes, houses, classes.",
     [](const DexDeps& d, const Request& r) {
       return HandleCollection(d, EntitySet::kLearnerGroups, r);
     }},
    {"/{Entity}", "One learner or group by key: LearnerPersonals(ExternalID), ….", HandleEntity},
    {"/{Entity}/{Navigation}", "A group's members: LearnerGroups(…)/LearnerIdentifiers.",
     HandleMembers},
};

Status AddRoute(http::Router& router, const std::shared_ptr<const DexDeps>& d,
                std::string_view root, const Row& row) {
  http::Route r;
  r.method = http::Method::kGet;
  r.path = std::string(root) + row.path;
  r.group = std::string(kDexGroup);
  r.scope = std::string(auth::kScopeDex);
  r.shape = http::ErrorShape::kOData;
  r.offload = true;  // store work
  r.help = row.help;
  r.handler = [d, fn = row.handler](Request& req) { return fn(*d, req); };
  return router.Add(std::move(r));
}

}  // namespace

Status RegisterDexRoutes(http::Router& router, const DexDeps& deps) {
  router.SetShapeForPrefix("/dex", http::ErrorShape::kOData);
  // The handlers share one copy of the deps (the router keeps them for its lifetime).
  auto d = std::make_shared<const DexDeps>(deps);
  for (const std::string_view root : {kDexRoot, kDexRootUpperCase}) {
    for (const Row& row : kRoutes) {
      MUSTER_RETURN_IF_ERROR(AddRoute(router, d, root, row));
    }
  }
  return http::AddDocumentRoute(router, "/openapi/dex.json",
                                "The DeX learner API's OpenAPI 3 document.", DexOpenApiJson());
}

}  // namespace muster::dex
