#include "auth/token_service.h"

#include <sodium.h>

#include "auth/scopes.h"
#include "core/hex.h"
#include "core/json_writer.h"
#include "core/text.h"
#include "jose/jwt.h"

namespace muster::auth {
namespace {

Error OAuth(ErrorCode code, const char* reason, std::string message, std::string internal = {}) {
  return MakeError(code, reason, std::move(message), std::move(internal));
}

// "orgselected:{id}" among space-separated acr values; nullopt when absent.
std::optional<std::string> SelectedOrganisation(const std::optional<std::string>& acr) {
  if (!acr) return std::nullopt;
  for (const auto& value : SplitScopes(*acr)) {
    constexpr std::string_view kPrefix = "orgselected:";
    if (StartsWithIgnoreCase(value, kPrefix)) {
      return NormalizeOrganisationId(std::string_view(value).substr(kPrefix.size()));
    }
  }
  return std::nullopt;
}

std::string NewJti() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

}  // namespace

TokenService::TokenService(const ClientRegistry& registry, const KeyManager& keys,
                           RateLimiter& limiter, AuditSink& audit, const Clock& clock,
                           const crypto::SecretHasher& hasher, TokenSettings settings)
    : registry_(registry),
      keys_(keys),
      limiter_(limiter),
      audit_(audit),
      clock_(clock),
      hasher_(hasher),
      settings_(std::move(settings)) {}

Result<ClientEntry> TokenService::Authenticate(const ClientCredentials& credentials) const {
  auto snapshot = registry_.Get();
  auto it = snapshot->clients.find(credentials.client_id);
  if (it == snapshot->clients.end()) {
    // Spend the same HMAC as a known client, so timing does not reveal which ids exist.
    (void)hasher_.Verify(credentials.client_secret, std::string(64, '0'));
    return OAuth(ErrorCode::kUnauthenticated, "invalid_client", "Client authentication failed.",
                 "UnknownClient");
  }
  const ClientEntry& entry = it->second;
  bool ok = hasher_.Verify(credentials.client_secret, entry.client.secret_hash);
  if (!ok && !entry.client.previous_secret_hash.empty() &&
      entry.client.previous_secret_expires_ms > clock_.NowUnixMillis()) {
    ok = hasher_.Verify(credentials.client_secret, entry.client.previous_secret_hash);
  }
  if (!ok) {
    return OAuth(ErrorCode::kUnauthenticated, "invalid_client", "Client authentication failed.",
                 "BadSecret");
  }
  if (!entry.client.enabled) {
    return OAuth(ErrorCode::kUnauthenticated, "invalid_client", "The client is disabled.",
                 "ClientDisabled");
  }
  return entry;
}

Error TokenService::Refuse(const TokenRequest& request, Error error,
                           const std::string& target) const {
  storage::AuditEvent e;
  e.actor = "client:" + request.credentials.client_id.substr(0, 128);
  e.action = "token.refuse";
  e.target = target;
  e.outcome = error.reason;
  e.detail = error.internal;
  e.request_id = request.request_id;
  audit_.Record(std::move(e));
  return error;
}

Result<IssuedToken> TokenService::Issue(const TokenRequest& request) const {
  auto client = Authenticate(request.credentials);
  if (!client.ok()) return Refuse(request, client.error(), "");
  const ClientEntry& entry = *client;
  if (request.grant_type != "client_credentials") {
    return Refuse(request,
                  OAuth(ErrorCode::kInvalidArgument, "unsupported_grant_type",
                        "Only the client_credentials grant is supported.",
                        "GrantType:" + request.grant_type.substr(0, 64)),
                  "");
  }
  if (int wait = limiter_.Take(entry.client.client_id); wait > 0) {
    Error e = OAuth(ErrorCode::kRateLimited, "slow_down",
                    "Too many token requests for this client; retry later.", "RateLimited");
    e.retry_after_s = wait;
    return Refuse(request, std::move(e), "");
  }

  // Scopes: absent (or empty) = everything granted; otherwise a subset of it.
  std::vector<std::string> scopes = entry.granted_scopes;
  if (request.scope && !request.scope->empty()) {
    scopes = SplitScopes(*request.scope);
    for (const auto& s : scopes) {
      if (!ScopeSatisfied(entry.granted_scopes, s)) {
        return Refuse(request,
                      OAuth(ErrorCode::kInvalidArgument, "invalid_scope",
                            "The scope '" + s.substr(0, 200) + "' is not granted to this client.",
                            "ScopeNotGranted"),
                      "");
      }
    }
  }

  // The organisation: named by acr_values, or implied by the client's one binding.
  std::optional<std::string> selected = SelectedOrganisation(request.acr_values);
  bool school_client = entry.client.kind != storage::ClientKind::kManagement;
  if (selected && selected->empty()) {
    return Refuse(request,
                  OAuth(ErrorCode::kInvalidArgument, "invalid_request",
                        "acr_values orgselected: names no organisation."),
                  "");
  }
  if (school_client) {
    if (selected) {
      auto snapshot = registry_.Get();
      if (!snapshot->sites_by_org.count(*selected)) {
        return Refuse(
            request,
            OAuth(ErrorCode::kInvalidArgument, "invalid_grant",
                  "Unknown organisation " + selected->substr(0, 64) + ".", "UnknownOrganisation"),
            *selected);
      }
      if (*selected != entry.organisation_id) {
        return Refuse(request,
                      OAuth(ErrorCode::kInvalidArgument, "invalid_grant",
                            "The client is not approved for organisation " + *selected + ".",
                            "OrganisationNotBound"),
                      *selected);
      }
    }
    if (entry.client.site_id != 0 && !entry.site_known) {
      return Refuse(request,
                    OAuth(ErrorCode::kInvalidArgument, "invalid_grant",
                          "The client's organisation no longer exists.", "SiteRemoved"),
                    "");
    }
    if (!entry.organisation_id.empty()) {
      if (!entry.install_exists || entry.install_status == storage::InstallStatus::kPending) {
        return Refuse(request,
                      OAuth(ErrorCode::kInvalidArgument, "invalid_grant",
                            "The application's installation at organisation " +
                                entry.organisation_id + " is awaiting approval.",
                            "InstallPending"),
                      entry.organisation_id);
      }
      if (entry.install_status == storage::InstallStatus::kDisabled) {
        return Refuse(request,
                      OAuth(ErrorCode::kInvalidArgument, "invalid_grant",
                            "The application's installation at organisation " +
                                entry.organisation_id + " is disabled.",
                            "InstallDisabled"),
                      entry.organisation_id);
      }
    }
  } else if (selected && !registry_.Get()->sites_by_org.count(*selected)) {
    return Refuse(
        request,
        OAuth(ErrorCode::kInvalidArgument, "invalid_grant",
              "Unknown organisation " + selected->substr(0, 64) + ".", "UnknownOrganisation"),
        *selected);
  }

  auto signer = keys_.Signer();
  if (!signer) {
    return Refuse(request,
                  OAuth(ErrorCode::kUnavailable, "temporarily_unavailable",
                        "No signing key is available.", "NoSigningKey"),
                  "");
  }
  int64_t now = clock_.NowUnixSeconds();
  std::string scope_json;
  JsonWriter sw(scope_json);
  sw.BeginArray();
  for (const auto& s : scopes) sw.String(s);
  sw.EndArray();
  IssuedToken out;
  out.jti = NewJti();
  MUSTER_ASSIGN_OR_RETURN(out.access_token,
                          jose::SignJwt(*signer, BuildClaims(entry, scope_json, out.jti, now)));
  out.expires_in = settings_.lifetime_s;
  out.scope = JoinScopes(scopes);
  out.alg = jose::ToString(signer->alg());
  out.client_id = entry.client.client_id;
  return out;
}

std::string TokenService::BuildClaims(const ClientEntry& entry, const std::string& scope_json,
                                      const std::string& jti, int64_t now) const {
  std::string out;
  out.reserve(512);
  JsonWriter w(out);
  w.BeginObject()
      .Member("iss", settings_.issuer)
      .Member("aud", settings_.audience)
      .Member("exp", now + settings_.lifetime_s)
      .Member("nbf", now)
      .Member("iat", now)
      .Member("jti", jti)
      .Member("client_id", entry.client.client_id);
  w.Key("scope").Raw(scope_json);
  w.Member("sub", entry.client.client_id);
  if (!entry.organisation_id.empty()) {
    w.Member("userorganisationidentifier", "|" + entry.organisation_id + "|S");
  }
  w.Member("vendorid", entry.client.vendor_id);
  if (!entry.client.application_id.empty()) {
    w.Member("applicationid", entry.client.application_id)
        .Member("applicationname", entry.application_name);
  }
  w.EndObject();
  return out;
}

}  // namespace muster::auth
