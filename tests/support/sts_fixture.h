#pragma once

// StsFixture: PlatformFixture plus the real token path — a key manager (ES256, signing at
// once), the token service (rate limit off) and the bearer validator — so route-level tests
// dispatch real requests carrying real tokens through the real guard.

#include <cstdlib>
#include <string>
#include <utility>

#include "auth/audit_sink.h"
#include "auth/bearer_validator.h"
#include "auth/key_manager.h"
#include "auth/rate_limiter.h"
#include "auth/revocation_list.h"
#include "auth/token_service.h"
#include "http/request.h"
#include "tests/support/platform_fixture.h"

namespace muster::testing {

inline constexpr char kTestIssuer[] = "https://sts.example";
inline constexpr char kTestAudience[] = "https://sts.example/resources";

class StsFixture : public PlatformFixture {
 public:
  StsFixture()
      : keys_(*store_, clock_, sealer_, auth::KeyPolicy{jose::JwsAlg::kES256}),
        revocations_(*store_, clock_),
        limiter_(clock_, 0, 1),
        audit_(*store_, clock_),
        tokens_(*registry_, keys_, limiter_, audit_, clock_, hasher_,
                auth::TokenSettings{kTestIssuer, kTestAudience, 3600}),
        validator_(keys_, revocations_, clock_,
                   auth::ValidatorSettings{kTestIssuer, kTestAudience, 30, 1000}) {
    if (!keys_.Tick().ok()) std::abort();
  }

  // A token for a client (by id and secret); `scope` empty = everything granted.
  Result<auth::IssuedToken> Issue(const std::string& client_id, const std::string& secret,
                                  const std::string& scope = {}) {
    auth::TokenRequest r;
    r.grant_type = "client_credentials";
    r.credentials = {client_id, secret, false};
    if (!scope.empty()) r.scope = scope;
    return tokens_.Issue(r);
  }
  Result<auth::IssuedToken> Issue(const admin::ClientCreated& client,
                                  const std::string& scope = {}) {
    return Issue(client.client.client_id, client.secret, scope);
  }
  // The access token, or "" (and the test fails on use) when refused.
  std::string TokenFor(const admin::ClientCreated& client, const std::string& scope = {}) {
    auto issued = Issue(client, scope);
    return issued.ok() ? issued->access_token : std::string();
  }

  // A request as the session builds it: method, path (+ query), lower-case headers.
  static http::Request MakeRequest(http::Method method, const std::string& target,
                                   const std::string& token = {}, std::string body = {}) {
    http::Request r;
    r.method = method;
    r.target = target;
    auto q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) r.query = target.substr(q + 1);
    if (!token.empty()) r.headers.emplace_back("authorization", "Bearer " + token);
    r.body = std::move(body);
    r.request_id = "test";
    return r;
  }

  auth::KeyManager keys_;
  auth::RevocationList revocations_;
  auth::RateLimiter limiter_;
  auth::AuditSink audit_;
  auth::TokenService tokens_;
  auth::BearerValidator validator_;
};

}  // namespace muster::testing
