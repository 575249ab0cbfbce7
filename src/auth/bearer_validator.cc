#include "auth/bearer_validator.h"

#include "crypto/digest.h"
#include "jose/jwt.h"

namespace muster::auth {
namespace {

Error Refuse(std::string internal) {
  return MakeError(ErrorCode::kUnauthenticated, "invalid_token",
                   "The access token is invalid or has expired.", std::move(internal));
}

}  // namespace

std::string OrganisationFromClaim(std::string_view v) {
  if (v.size() < 4 || v.front() != '|' || v.substr(v.size() - 2) != "|S") return {};
  return std::string(v.substr(1, v.size() - 3));
}

BearerValidator::BearerValidator(const KeyManager& keys, const RevocationList& revocations,
                                 const Clock& clock, ValidatorSettings settings,
                                 const ClientRegistry* registry)
    : keys_(keys),
      revocations_(revocations),
      clock_(clock),
      settings_(std::move(settings)),
      registry_(registry) {}

Status BearerValidator::CheckClientStillAllowed(const http::Principal& p) const {
  if (!registry_) return OkStatus();
  auto snapshot = registry_->Get();
  auto it = snapshot->clients.find(p.client_id);
  if (it == snapshot->clients.end() || !it->second.client.enabled) {
    return Refuse("ClientDisabledOrRemoved");
  }
  const ClientEntry& e = it->second;
  if (e.client.site_id != 0 &&
      (!e.install_exists || e.install_status != storage::InstallStatus::kApproved)) {
    return Refuse("InstallNotApproved");
  }
  return OkStatus();
}

Result<http::Principal> BearerValidator::Validate(std::string_view token) const {
  if (token.empty() || token.size() > 16384) return Refuse("JwtMalformed");
  int64_t now = clock_.NowUnixSeconds();
  std::string digest = crypto::Sha256(token);
  Shard& shard = shards_[static_cast<unsigned char>(digest[0]) % shards_.size()];
  {
    std::lock_guard lock(shard.mu);
    auto it = shard.entries.find(digest);
    if (it != shard.entries.end()) {
      if (it->second.expires_unix + settings_.skew_s <= now) {
        shard.entries.erase(it);
        return Refuse("JwtExpired");
      }
      if (revocations_.IsRevoked(it->second.jti)) return Refuse("JwtRevoked");
      MUSTER_RETURN_IF_ERROR(CheckClientStillAllowed(it->second));
      return it->second;
    }
  }
  jose::VerifyOptions options{settings_.issuer, settings_.audience, now, settings_.skew_s};
  auto lookup = [this](std::string_view kid) { return keys_.Find(kid); };
  MUSTER_ASSIGN_OR_RETURN(jose::JwtClaims claims, jose::VerifyJwt(token, lookup, options));
  if (claims.jti.empty()) return Refuse("JwtMissingJti");
  if (revocations_.IsRevoked(claims.jti)) return Refuse("JwtRevoked");
  http::Principal p;
  p.client_id = claims.client_id.empty() ? claims.sub : claims.client_id;
  p.organisation_id = OrganisationFromClaim(claims.userorganisationidentifier);
  p.vendor_id = claims.vendorid;
  p.application_id = claims.applicationid;
  p.scopes = std::move(claims.scope);
  p.jti = std::move(claims.jti);
  p.expires_unix = claims.exp;
  MUSTER_RETURN_IF_ERROR(CheckClientStillAllowed(p));
  {
    std::lock_guard lock(shard.mu);
    if (shard.entries.size() >= settings_.cache_capacity / shards_.size()) {
      shard.entries.clear();  // crude but bounded; a full cache is rare and refills itself
    }
    shard.entries.emplace(std::move(digest), p);
  }
  return p;
}

}  // namespace muster::auth
