#include "partner/partner_routes.h"

#include <rapidjson/document.h>

#include <charconv>
#include <optional>

#include "auth/scopes.h"
#include "http/document_route.h"
#include "partner/partner_json.h"
#include "partner/partner_openapi.h"

namespace muster::partner {
namespace {

using http::Request;
using http::Response;

constexpr int64_t kBodyLimit = 4096;

Error BadRequest(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_request", std::move(message));
}

// The guard filled the principal; a route reached without one is a wiring mistake.
Result<Caller> CallerOf(const Request& req) {
  if (!req.principal) {
    return MakeError(ErrorCode::kUnauthenticated, "", "A bearer access token is required.",
                     "NoPrincipal");
  }
  return Caller{req.principal->client_id, req.principal->vendor_id, req.principal->organisation_id};
}

// Partner answers carry credentials: never cached.
Response NoStoreJson(std::string body) {
  Response r = Response::Json(200, std::move(body));
  r.Header("Cache-Control", "no-store");
  return r;
}

Result<int64_t> ParseSeconds(std::string_view text) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto parsed = std::from_chars(text.data(), end, value);
  if (text.empty() || parsed.ec != std::errc() || parsed.ptr != end) {
    return BadRequest("graceSeconds is a whole number.");
  }
  return value;  // the range is checked by PlatformService
}

// graceSeconds from the query or from a JSON body {"graceSeconds": N}; absent → the default.
// The range (0 to 30 days) is PlatformService's rule.
Result<int64_t> GraceSeconds(const Request& req) {
  std::optional<int64_t> from_body;
  if (req.body.find_first_not_of(" \t\r\n") != std::string::npos) {
    rapidjson::Document doc;
    doc.Parse(req.body.data(), req.body.size());
    if (doc.HasParseError() || !doc.IsObject()) {
      return BadRequest("The body is a JSON object such as {\"graceSeconds\": 86400}.");
    }
    if (auto it = doc.FindMember("graceSeconds"); it != doc.MemberEnd()) {
      if (!it->value.IsInt64()) return BadRequest("graceSeconds is a whole number.");
      from_body = it->value.GetInt64();
    }
  }
  std::optional<std::string_view> from_query = req.QueryParam("graceSeconds");
  if (from_query && from_body) {
    return BadRequest("Give graceSeconds once: in the query or in the body.");
  }
  if (from_query) return ParseSeconds(*from_query);
  return from_body.value_or(kDefaultGraceSeconds);
}

Result<Response> HandleSites(PartnerService& service, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(Caller caller, CallerOf(req));
  MUSTER_ASSIGN_OR_RETURN(auto sites, service.ListSites(caller, req.Param("ApplicationId")));
  return NoStoreJson(SitesJson(sites));
}

Result<Response> HandleClients(PartnerService& service, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(Caller caller, CallerOf(req));
  MUSTER_ASSIGN_OR_RETURN(auto clients, service.ListClients(caller, req.Param("ApplicationId"),
                                                            req.Param("OrganisationId")));
  return NoStoreJson(ClientsJson(clients));
}

Result<Response> SetAuthorised(PartnerService& service, const Request& req, bool authorised) {
  MUSTER_ASSIGN_OR_RETURN(Caller caller, CallerOf(req));
  MUSTER_ASSIGN_OR_RETURN(auto site,
                          service.SetAuthorised(caller, req.Param("ApplicationId"),
                                                req.Param("OrganisationId"), authorised));
  return NoStoreJson(SiteJson(site));
}

Result<Response> HandleApprove(PartnerService& service, const Request& req) {
  return SetAuthorised(service, req, true);
}

Result<Response> HandleDisable(PartnerService& service, const Request& req) {
  return SetAuthorised(service, req, false);
}

Result<Response> HandleRemove(PartnerService& service, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(Caller caller, CallerOf(req));
  MUSTER_ASSIGN_OR_RETURN(auto removed, service.RemoveSite(caller, req.Param("ApplicationId"),
                                                           req.Param("OrganisationId")));
  return NoStoreJson(RemovedJson(removed));
}

Result<Response> HandleRotate(PartnerService& service, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(Caller caller, CallerOf(req));
  MUSTER_ASSIGN_OR_RETURN(int64_t grace_s, GraceSeconds(req));
  MUSTER_ASSIGN_OR_RETURN(auto rotated, service.RotateSecret(caller, req.Param("ApplicationId"),
                                                             req.Param("OrganisationId"),
                                                             req.Param("ClientId"), grace_s));
  return NoStoreJson(RotatedJson(rotated, grace_s));
}

Result<Response> SetEnabled(PartnerService& service, const Request& req, bool enabled) {
  MUSTER_ASSIGN_OR_RETURN(Caller caller, CallerOf(req));
  MUSTER_ASSIGN_OR_RETURN(auto client, service.SetClientEnabled(caller, req.Param("ApplicationId"),
                                                                req.Param("OrganisationId"),
                                                                req.Param("ClientId"), enabled));
  return NoStoreJson(ClientStateJson(client));
}

Result<Response> HandleSuspend(PartnerService& service, const Request& req) {
  return SetEnabled(service, req, false);
}

Result<Response> HandleResume(PartnerService& service, const Request& req) {
  return SetEnabled(service, req, true);
}

struct Row {
  http::Method method;
  const char* path;
  std::string_view scope;
  const char* help;
  Result<Response> (*handler)(PartnerService&, const Request&);
};

// The partner API, one row per operation (the seed's two reads first).
constexpr Row kRoutes[] = {
    {http::Method::kGet, "/api/v1/partner/{ApplicationId}/GetSiteByApplication",
     auth::kScopePartnerRead, "The sites where the application is installed (seed 001).",
     HandleSites},
    {http::Method::kGet, "/api/v1/partner/{ApplicationId}/{OrganisationId}/Clients",
     auth::kScopePartnerRead, "The application's school clients at a site, secrets in clear.",
     HandleClients},
    {http::Method::kPost, "/api/v1/partner/{ApplicationId}/{OrganisationId}/Approve",
     auth::kScopePartnerWrite, "Approve the install: its clients get tokens.", HandleApprove},
    {http::Method::kPost, "/api/v1/partner/{ApplicationId}/{OrganisationId}/Disable",
     auth::kScopePartnerWrite, "Disable the install: its clients get no tokens.", HandleDisable},
    {http::Method::kDelete, "/api/v1/partner/{ApplicationId}/{OrganisationId}/Install",
     auth::kScopePartnerWrite, "Remove the application from the site, with its clients.",
     HandleRemove},
    {http::Method::kPost,
     "/api/v1/partner/{ApplicationId}/{OrganisationId}/Clients/{ClientId}/RotateSecret",
     auth::kScopePartnerWrite, "New client secret; the old one works for graceSeconds.",
     HandleRotate},
    {http::Method::kPost,
     "/api/v1/partner/{ApplicationId}/{OrganisationId}/Clients/{ClientId}/Suspend",
     auth::kScopePartnerWrite, "Suspend a client: it gets no tokens.", HandleSuspend},
    {http::Method::kPost,
     "/api/v1/partner/{ApplicationId}/{OrganisationId}/Clients/{ClientId}/Resume",
     auth::kScopePartnerWrite, "Resume a suspended client.", HandleResume},
};

}  // namespace

Status RegisterPartnerRoutes(http::Router& router, const PartnerDeps& deps) {
  router.SetShapeForPrefix("/api/v1/partner", http::ErrorShape::kPlain);
  PartnerService* service = &deps.service;
  for (const Row& row : kRoutes) {
    http::Route r;
    r.method = row.method;
    r.path = row.path;
    r.group = std::string(kPartnerGroup);
    r.scope = std::string(row.scope);
    r.mutates = row.method != http::Method::kGet;
    r.shape = http::ErrorShape::kPlain;
    r.body_limit = kBodyLimit;
    r.offload = true;  // store work
    r.help = row.help;
    r.handler = [service, fn = row.handler](Request& req) { return fn(*service, req); };
    MUSTER_RETURN_IF_ERROR(router.Add(std::move(r)));
  }
  return http::AddDocumentRoute(router, "/openapi/partner.json",
                                "The partner API's OpenAPI 3 document.", PartnerOpenApiJson());
}

}  // namespace muster::partner
