#pragma once

// SigningKey: one JWS key pair held ready for signing: an OpenSSL EVP_PKEY decoded once,
// with a self-signed X.509 certificate whose SHA-1 thumbprint is the key's `x5t`. As in
// IdentityServer's tokens (the Hello World seed), `kid` equals `x5t`.
// The JWS header for the key is precomputed (base64url of
// {"alg":…,"kid":…,"typ":"JWT","x5t":…}).
// Thread-safe: Sign() may be called concurrently from every I/O thread.

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace muster::jose {

enum class JwsAlg { kRS256, kES256, kEdDSA };

const char* ToString(JwsAlg alg);  // "RS256" | "ES256" | "EdDSA"
Result<JwsAlg> ParseJwsAlg(std::string_view name);

class SigningKey {
 public:
  virtual ~SigningKey() = default;

  // A fresh key (RSA 2048, P-256 or Ed25519) with a self-signed certificate valid for
  // `valid_days` from `now_unix`, subject CN=`subject`.
  static Result<std::unique_ptr<SigningKey>> Generate(JwsAlg alg, const std::string& subject,
                                                      int64_t now_unix, int valid_days);
  // Loads a key from its PKCS#8 PEM private key and PEM certificate; fails if they do not
  // match each other or `alg`.
  static Result<std::unique_ptr<SigningKey>> FromPem(JwsAlg alg, std::string_view private_pem,
                                                     std::string_view certificate_pem);

  virtual JwsAlg alg() const = 0;
  virtual const std::string& kid() const = 0;
  virtual const std::string& x5t() const = 0;
  // base64url(header JSON), ready to be followed by '.' + payload.
  virtual const std::string& EncodedHeader() const = 0;
  virtual std::string PrivateKeyPem() const = 0;
  virtual std::string CertificatePem() const = 0;
  // The public JWK as one JSON object: kty, use "sig", alg, kid, x5t, x5c, and n/e
  // (RSA), crv/x/y (EC) or crv/x (OKP).
  virtual std::string PublicJwkJson() const = 0;
  // The raw JWS signature of `signing_input` (RS256: PKCS#1 v1.5 SHA-256; ES256: R||S,
  // 64 bytes; EdDSA: Ed25519, 64 bytes).
  virtual Result<std::string> Sign(std::string_view signing_input) const = 0;
  // Verifies a raw JWS signature made by this key.
  virtual bool Verify(std::string_view signing_input, std::string_view signature) const = 0;
};

}  // namespace muster::jose
