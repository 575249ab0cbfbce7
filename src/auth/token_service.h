#pragma once

// TokenService: OAuth 2.0 client_credentials (RFC 6749 §4.4) as SIMS ID's STS answers it
// (the Hello World seed; product.md §2). Pure: no HTTP; the handler in sts_routes.cc
// parses the form and maps the Result. Decisions come from the in-memory ClientRegistry;
// the only per-request costs are an HMAC compare and one signature.
//
// Thread-safety: Issue() and Authenticate() from any thread.

#include <optional>
#include <string>

#include "auth/audit_sink.h"
#include "auth/client_registry.h"
#include "auth/key_manager.h"
#include "auth/rate_limiter.h"
#include "core/clock.h"
#include "core/random.h"
#include "core/result.h"
#include "crypto/secret_hash.h"

namespace muster::auth {

struct TokenSettings {
  std::string issuer;
  std::string audience;
  int64_t lifetime_s = 3600;
};

struct ClientCredentials {
  std::string client_id;
  std::string client_secret;
  bool via_basic = false;  // from the Authorization header
};

struct TokenRequest {
  std::string grant_type;
  ClientCredentials credentials;
  std::optional<std::string> scope;
  std::optional<std::string> acr_values;
  std::string request_id;
};

struct IssuedToken {
  std::string access_token;
  int64_t expires_in = 0;
  std::string scope;  // space separated
  std::string jti;
  std::string alg;
  std::string client_id;
};

class TokenService {
 public:
  TokenService(const ClientRegistry& registry, const KeyManager& keys, RateLimiter& limiter,
               AuditSink& audit, const Clock& clock, const crypto::SecretHasher& hasher,
               TokenSettings settings);

  // Errors carry the RFC 6749 §5.2 word in `reason` (invalid_client → kUnauthenticated,
  // the others kInvalidArgument; slow_down → kRateLimited with retry_after_s).
  Result<IssuedToken> Issue(const TokenRequest& request) const;

  // Checks a client's id and secret (current, or previous within its grace period) in
  // constant time. Used by introspection and revocation too.
  Result<ClientEntry> Authenticate(const ClientCredentials& credentials) const;

  const TokenSettings& settings() const { return settings_; }

 private:
  Error Refuse(const TokenRequest& request, Error error, const std::string& target) const;
  std::string BuildClaims(const ClientEntry& entry, const std::string& scope_json,
                          const std::string& jti, int64_t now) const;

  const ClientRegistry& registry_;
  const KeyManager& keys_;
  RateLimiter& limiter_;
  AuditSink& audit_;
  const Clock& clock_;
  const crypto::SecretHasher& hasher_;
  const TokenSettings settings_;
};

}  // namespace muster::auth
