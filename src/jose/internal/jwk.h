#pragma once

// The public JWK (RFC 7517) of a signing key, as published in the JWKS.

#include <openssl/types.h>

#include <string>
#include <string_view>

#include "core/result.h"
#include "jose/signing_key.h"

namespace muster::jose::internal {

// {"kty","use":"sig","alg","kid","x5t","x5c":[base64 DER],…} followed by "n","e" (RSA),
// "crv":"P-256","x","y" (EC, 32 bytes each) or "crv":"Ed25519","x" (OKP).
Result<std::string> PublicJwkJson(EVP_PKEY* key, JwsAlg alg, std::string_view kid,
                                  std::string_view x5t, std::string_view certificate_der);

}  // namespace muster::jose::internal
