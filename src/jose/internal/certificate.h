#pragma once

// The self-signed X.509 v3 certificate that carries a signing key's public half (x5c) and
// whose SHA-1 thumbprint is the key's x5t.

#include <cstdint>
#include <string>

#include "core/result.h"
#include "jose/internal/ossl.h"
#include "jose/signing_key.h"

namespace muster::jose::internal {

// Subject = issuer = CN=`subject`, random positive 127-bit serial, valid from `now_unix`
// for `valid_days`, CA:FALSE, keyUsage digitalSignature. Signed by `key` with SHA-256
// (RS256, ES256) or pure Ed25519.
Result<X509Ptr> MakeSelfSignedCertificate(EVP_PKEY* key, JwsAlg alg, const std::string& subject,
                                          int64_t now_unix, int valid_days);

// The DER encoding of `cert` (empty on failure).
std::string CertificateDer(X509* cert);

}  // namespace muster::jose::internal
