#include "auth/sts_routes.h"

#include "auth/scopes.h"
#include "auth/sts_openapi.h"
#include "core/json_writer.h"
#include "core/text.h"
#include "http/basic_auth.h"
#include "http/document_route.h"
#include "jose/signing_key.h"

namespace muster::auth {
namespace {

using http::Request;
using http::Response;

constexpr int64_t kFormBodyLimit = 16 * 1024;

Error InvalidRequest(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_request", std::move(message));
}

bool IsFormEncoded(const Request& req) {
  std::string_view ct = req.Header("content-type");
  constexpr std::string_view kForm = "application/x-www-form-urlencoded";
  if (!StartsWithIgnoreCase(ct, kForm)) return false;
  return ct.size() == kForm.size() || ct[kForm.size()] == ';' || ct[kForm.size()] == ' ';
}

// The request's form, with every parameter at most once (RFC 6749 §3.2).
Result<FormFields> ReadForm(const Request& req) {
  if (!IsFormEncoded(req)) {
    return InvalidRequest("The body must be application/x-www-form-urlencoded.");
  }
  MUSTER_ASSIGN_OR_RETURN(FormFields fields, ParseForm(req.body, 32));
  for (size_t i = 0; i < fields.size(); ++i) {
    for (size_t j = i + 1; j < fields.size(); ++j) {
      if (fields[i].first == fields[j].first) {
        return InvalidRequest("The parameter '" + fields[i].first.substr(0, 64) + "' is repeated.");
      }
    }
  }
  return fields;
}

std::string Field(const FormFields& fields, std::string_view name) {
  auto v = FindField(fields, name);
  return v ? std::string(*v) : std::string();
}

// Client authentication by HTTP Basic or by client_id/client_secret in the body; using
// both is an error (RFC 6749 §2.3.1).
Result<ClientCredentials> ReadCredentials(const Request& req, const FormFields& fields) {
  ClientCredentials c;
  auto body_id = FindField(fields, "client_id");
  auto body_secret = FindField(fields, "client_secret");
  std::string_view authz = req.Header("authorization");
  if (!authz.empty()) {
    auto basic = http::ParseBasicAuth(authz);
    if (!basic) {
      return MakeError(ErrorCode::kUnauthenticated, "invalid_client",
                       "The Authorization header is not valid HTTP Basic credentials.",
                       "BadBasicHeader");
    }
    if (body_secret) {
      return InvalidRequest("Use one client authentication method, not two.");
    }
    if (body_id && *body_id != basic->user) {
      return InvalidRequest("client_id does not match the authenticated client.");
    }
    c.client_id = std::move(basic->user);
    c.client_secret = std::move(basic->password);
    c.via_basic = true;
    return c;
  }
  if (!body_id || body_id->empty() || !body_secret) {
    return MakeError(ErrorCode::kUnauthenticated, "invalid_client",
                     "Client authentication is required.", "NoCredentials");
  }
  c.client_id = std::string(*body_id);
  c.client_secret = std::string(*body_secret);
  return c;
}

Response NoStoreJson(std::string body) {
  Response r = Response::Json(200, std::move(body));
  r.Header("Cache-Control", "no-store");
  r.Header("Pragma", "no-cache");
  return r;
}

struct Counters {
  http::CounterFamily& issued;
  http::CounterFamily& refused;
};

Result<Response> HandleToken(const StsDeps& deps, Counters& counters, Request& req) {
  auto fields = ReadForm(req);
  if (!fields.ok()) {
    counters.refused.Inc(fields.error().reason);
    return fields.error();
  }
  TokenRequest tr;
  tr.grant_type = Field(*fields, "grant_type");
  tr.request_id = req.request_id;
  if (auto scope = FindField(*fields, "scope")) tr.scope = std::string(*scope);
  if (auto acr = FindField(*fields, "acr_values")) tr.acr_values = std::string(*acr);
  auto creds = ReadCredentials(req, *fields);
  if (!creds.ok()) {
    counters.refused.Inc(creds.error().reason);
    return creds.error();
  }
  if (tr.grant_type.empty()) {
    counters.refused.Inc("invalid_request");
    return InvalidRequest("grant_type is required.");
  }
  tr.credentials = std::move(creds).value();
  auto issued = deps.tokens.Issue(tr);
  if (!issued.ok()) {
    counters.refused.Inc(issued.error().reason);
    return issued.error();
  }
  counters.issued.Inc(issued->alg);
  http::Principal p;
  p.client_id = issued->client_id;
  req.principal = std::move(p);  // for the access log
  std::string body;
  body.reserve(issued->access_token.size() + 128);
  JsonWriter w(body);
  w.BeginObject()
      .Member("access_token", issued->access_token)
      .Member("expires_in", issued->expires_in)
      .Member("token_type", "Bearer")
      .Member("scope", issued->scope)
      .EndObject();
  return NoStoreJson(std::move(body));
}

Result<Response> HandleDiscovery(const StsDeps& deps, const Request&) {
  const std::string& base = deps.public_url;
  std::string body;
  JsonWriter w(body);
  w.BeginObject()
      .Member("issuer", deps.tokens.settings().issuer)
      .Member("jwks_uri", base + "/.well-known/openid-configuration/jwks")
      .Member("token_endpoint", base + "/connect/token")
      .Member("introspection_endpoint", base + "/connect/introspect")
      .Member("revocation_endpoint", base + "/connect/revocation");
  w.Key("grant_types_supported").BeginArray().String("client_credentials").EndArray();
  w.Key("response_types_supported").BeginArray().String("token").EndArray();
  w.Key("token_endpoint_auth_methods_supported")
      .BeginArray()
      .String("client_secret_basic")
      .String("client_secret_post")
      .EndArray();
  w.Key("introspection_endpoint_auth_methods_supported")
      .BeginArray()
      .String("client_secret_basic")
      .String("client_secret_post")
      .EndArray();
  w.Key("revocation_endpoint_auth_methods_supported")
      .BeginArray()
      .String("client_secret_basic")
      .String("client_secret_post")
      .EndArray();
  w.Key("scopes_supported").BeginArray();
  std::vector<std::string> all = SplitScopes(DefaultManagementScopes() + " " + DefaultDexScopes() +
                                             " " + DefaultOneRosterScopes());
  for (const auto& s : all) w.String(s);
  w.EndArray();
  auto signer = deps.keys.Signer();
  w.Key("id_token_signing_alg_values_supported").BeginArray();
  for (const char* alg : {"RS256", "ES256", "EdDSA"}) w.String(alg);
  w.EndArray();
  w.Key("claims_supported").BeginArray();
  for (const char* c :
       {"iss", "aud", "exp", "nbf", "iat", "jti", "client_id", "scope", "sub",
        "userorganisationidentifier", "vendorid", "applicationid", "applicationname"}) {
    w.String(c);
  }
  w.EndArray();
  w.Key("acr_values_supported").BeginArray().String("orgselected:{OrganisationId}").EndArray();
  w.EndObject();
  Response r = Response::Json(200, std::move(body));
  r.Header("Cache-Control", "public, max-age=" + std::to_string(deps.jwks_max_age_s));
  return r;
}

Result<Response> HandleJwks(const StsDeps& deps, const Request&) {
  Response r = Response::Json(200, deps.keys.Jwks());
  r.Header("Cache-Control", "public, max-age=" + std::to_string(deps.jwks_max_age_s));
  return r;
}

Result<ClientEntry> AuthenticateCaller(const StsDeps& deps, const Request& req,
                                       const FormFields& fields) {
  MUSTER_ASSIGN_OR_RETURN(ClientCredentials creds, ReadCredentials(req, fields));
  auto entry = deps.tokens.Authenticate(creds);
  if (!entry.ok()) {
    storage::AuditEvent e;
    e.actor = "client:" + creds.client_id.substr(0, 128);
    e.action = req.path == "/connect/introspect" ? "token.introspect" : "token.revoke";
    e.outcome = entry.error().reason;
    e.detail = entry.error().internal;
    e.request_id = req.request_id;
    deps.audit.Record(std::move(e));
  }
  return entry;
}

Result<Response> HandleIntrospect(const StsDeps& deps, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(FormFields fields, ReadForm(req));
  MUSTER_ASSIGN_OR_RETURN(ClientEntry caller, AuthenticateCaller(deps, req, fields));
  auto token = FindField(fields, "token");
  if (!token) return InvalidRequest("token is required.");
  auto principal = deps.validator.Validate(*token);
  // A client learns about its own vendor's tokens only; anything else is inactive.
  if (!principal.ok() || principal->vendor_id != caller.client.vendor_id) {
    return NoStoreJson(R"({"active":false})");
  }
  std::string body;
  JsonWriter w(body);
  w.BeginObject()
      .Member("active", true)
      .Member("client_id", principal->client_id)
      .Member("sub", principal->client_id)
      .Member("scope", JoinScopes(principal->scopes))
      .Member("token_type", "Bearer")
      .Member("exp", principal->expires_unix)
      .Member("iss", deps.tokens.settings().issuer)
      .Member("aud", deps.tokens.settings().audience)
      .Member("jti", principal->jti)
      .Member("vendorid", principal->vendor_id);
  if (!principal->application_id.empty()) w.Member("applicationid", principal->application_id);
  if (!principal->organisation_id.empty()) {
    w.Member("userorganisationidentifier", "|" + principal->organisation_id + "|S");
  }
  w.EndObject();
  return NoStoreJson(std::move(body));
}

Result<Response> HandleRevoke(const StsDeps& deps, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(FormFields fields, ReadForm(req));
  MUSTER_ASSIGN_OR_RETURN(ClientEntry caller, AuthenticateCaller(deps, req, fields));
  auto token = FindField(fields, "token");
  if (!token) return InvalidRequest("token is required.");
  auto principal = deps.validator.Validate(*token);
  // RFC 7009 §2.2: an invalid or unknown token is answered 200 as well.
  if (principal.ok()) {
    if (principal->client_id != caller.client.client_id) {
      return MakeError(ErrorCode::kPermissionDenied, "unauthorized_client",
                       "A client may revoke only its own tokens.", "RevokeOtherClient");
    }
    MUSTER_RETURN_IF_ERROR(deps.revocations.Revoke(principal->jti, principal->expires_unix));
    storage::AuditEvent e;
    e.actor = "client:" + caller.client.client_id;
    e.action = "token.revoke";
    e.target = principal->jti;
    e.outcome = "ok";
    e.request_id = req.request_id;
    deps.audit.Record(std::move(e));
  }
  Response r = Response::Text(200, "", "");
  r.Header("Cache-Control", "no-store");
  return r;
}

http::Route StsRoute(http::Method method, std::string path, std::string help,
                     http::Handler handler) {
  http::Route r;
  r.method = method;
  r.path = std::move(path);
  r.group = "sts";
  r.shape = http::ErrorShape::kOAuth2;
  r.mutates = method == http::Method::kPost;
  r.body_limit = kFormBodyLimit;
  r.help = std::move(help);
  r.handler = std::move(handler);
  return r;
}

}  // namespace

Status RegisterStsRoutes(http::Router& router, const StsDeps& deps) {
  auto counters = std::make_shared<Counters>(
      Counters{deps.metrics.AddCounter("muster_tokens_issued_total",
                                       "Access tokens issued, by algorithm.", "alg"),
               deps.metrics.AddCounter("muster_tokens_refused_total",
                                       "Token requests refused, by OAuth 2.0 error.", "reason")});
  router.SetShapeForPrefix("/connect", http::ErrorShape::kOAuth2);
  const StsDeps* d = &deps;
  MUSTER_RETURN_IF_ERROR(router.Add(StsRoute(
      http::Method::kPost, "/connect/token", "OAuth 2.0 client_credentials token endpoint.",
      [d, counters](Request& r) { return HandleToken(*d, *counters, r); })));
  MUSTER_RETURN_IF_ERROR(router.Add(
      StsRoute(http::Method::kGet, "/.well-known/openid-configuration", "Discovery document.",
               [d](Request& r) { return HandleDiscovery(*d, r); })));
  MUSTER_RETURN_IF_ERROR(router.Add(
      StsRoute(http::Method::kGet, "/.well-known/openid-configuration/jwks",
               "Published signing keys.", [d](Request& r) { return HandleJwks(*d, r); })));
  MUSTER_RETURN_IF_ERROR(router.Add(StsRoute(http::Method::kPost, "/connect/introspect",
                                             "RFC 7662 token introspection.",
                                             [d](Request& r) { return HandleIntrospect(*d, r); })));
  MUSTER_RETURN_IF_ERROR(
      router.Add(StsRoute(http::Method::kPost, "/connect/revocation", "RFC 7009 token revocation.",
                          [d](Request& r) { return HandleRevoke(*d, r); })));
  return http::AddDocumentRoute(router, "/openapi/sts.json", "The STS's OpenAPI 3 document.",
                                StsOpenApiJson());
}

}  // namespace muster::auth
