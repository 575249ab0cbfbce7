#pragma once

// The STS's route table: token, discovery, JWKS, introspection and revocation, at
// IdentityServer's paths (product.md §2), and its OpenAPI document at /openapi/sts.json
// (group "docs", no scope).

#include <string>

#include "auth/bearer_validator.h"
#include "auth/key_manager.h"
#include "auth/revocation_list.h"
#include "auth/token_service.h"
#include "core/result.h"
#include "http/metrics.h"
#include "http/router.h"

namespace muster::auth {

struct StsDeps {
  const TokenService& tokens;
  const BearerValidator& validator;
  RevocationList& revocations;
  const KeyManager& keys;
  AuditSink& audit;
  http::Metrics& metrics;
  std::string public_url;  // base of the endpoint URLs in discovery
  int jwks_max_age_s = 3600;
};

Status RegisterStsRoutes(http::Router& router, const StsDeps& deps);

}  // namespace muster::auth
