#pragma once

// BearerValidator: the one validator of Muster's access tokens, shared by every API.
// Checks the JWS signature against the published keys (only each key's own algorithm),
// iss, aud, exp/nbf with the configured skew, and the revocation list. A verified token's
// principal is cached by the SHA-256 of the token until it expires (bounded), so a busy
// client pays for verification once; revocation and expiry are still checked on each hit.
//
// Thread-safety: Validate() from any thread.

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "auth/client_registry.h"
#include "auth/key_manager.h"
#include "auth/revocation_list.h"
#include "core/clock.h"
#include "core/result.h"
#include "http/request.h"

namespace muster::auth {

struct ValidatorSettings {
  std::string issuer;
  std::string audience;
  int64_t skew_s = 30;
  size_t cache_capacity = 20000;
};

class BearerValidator {
 public:
  // With a registry, a token also stops working as soon as its client is disabled or
  // removed, or its school's install is no longer approved.
  BearerValidator(const KeyManager& keys, const RevocationList& revocations, const Clock& clock,
                  ValidatorSettings settings, const ClientRegistry* registry = nullptr);

  // kUnauthenticated (reason "invalid_token") for any defect; `internal` names it.
  Result<http::Principal> Validate(std::string_view token) const;
  const ValidatorSettings& settings() const { return settings_; }

 private:
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, http::Principal> entries;  // key: SHA-256 of the token
  };

  const KeyManager& keys_;
  const RevocationList& revocations_;
  const Clock& clock_;
  const ValidatorSettings settings_;
  const ClientRegistry* const registry_;
  // kUnauthenticated when the registry says the token's client may no longer act.
  Status CheckClientStillAllowed(const http::Principal& principal) const;
  mutable std::array<Shard, 8> shards_;
};

// The organisation id inside "|{ORG}|S", or empty.
std::string OrganisationFromClaim(std::string_view userorganisationidentifier);

}  // namespace muster::auth
