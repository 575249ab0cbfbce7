#pragma once

// OpenSslSigningKey: the SigningKey implementation. Holds the decoded EVP_PKEY and the
// certificate for its whole life, the precomputed header and JWK, and pools of prepared
// sign/verify contexts (context_pool.h). Immutable after construction apart from the
// pools, which are internally synchronized; safe to use from any number of threads.

#include <memory>
#include <string>

#include "jose/internal/context_pool.h"
#include "jose/internal/ossl.h"
#include "jose/signing_key.h"

namespace muster::jose::internal {

class OpenSslSigningKey final : public SigningKey {
 public:
  // Checks that `key` fits `alg` (RSA ≥ 2048 bits, EC P-256, Ed25519) and that `cert`
  // carries its public half, then precomputes x5t/kid, the header and the JWK.
  static Result<std::unique_ptr<SigningKey>> Create(JwsAlg alg, EvpPkeyPtr key, X509Ptr cert);

  JwsAlg alg() const override { return alg_; }
  const std::string& kid() const override { return x5t_; }
  const std::string& x5t() const override { return x5t_; }
  const std::string& EncodedHeader() const override { return encoded_header_; }
  std::string PrivateKeyPem() const override;
  std::string CertificatePem() const override;
  std::string PublicJwkJson() const override { return jwk_; }
  Result<std::string> Sign(std::string_view signing_input) const override;
  bool Verify(std::string_view signing_input, std::string_view signature) const override;

 private:
  OpenSslSigningKey(JwsAlg alg, EvpPkeyPtr key, X509Ptr cert, std::string x5t,
                    std::string encoded_header, std::string jwk);

  Result<std::string> SignFailed(const char* what) const;

  const JwsAlg alg_;
  const EvpPkeyPtr key_;
  const X509Ptr cert_;
  const std::string x5t_;  // also the kid
  const std::string encoded_header_;
  const std::string jwk_;
  const size_t max_signature_bytes_;  // EVP_PKEY_get_size: modulus bytes, or DER ECDSA max

  mutable ContextPool sign_pool_;
  mutable ContextPool verify_pool_;
};

// kInvalidArgument unless `key` is usable for `alg`.
Status CheckKeyFitsAlg(EVP_PKEY* key, JwsAlg alg);

}  // namespace muster::jose::internal
