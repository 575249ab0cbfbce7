#include "jose/internal/jwk.h"

#include <openssl/core_names.h>

#include "core/base64.h"
#include "core/json_writer.h"
#include "jose/internal/ossl.h"

namespace muster::jose::internal {
namespace {

constexpr int kP256CoordinateBytes = 32;

// base64url of a big-endian integer parameter; `width` > 0 left-pads to that many bytes.
std::optional<std::string> BignumParam(EVP_PKEY* key, const char* name, int width) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) return std::nullopt;
  BignumPtr bn(raw);
  int size = width > 0 ? width : BN_num_bytes(bn.get());
  std::string bytes(static_cast<size_t>(size), '\0');
  if (BN_bn2binpad(bn.get(), Uchars(bytes), size) != size) return std::nullopt;
  return Base64UrlEncode(bytes);
}

std::optional<std::string> RawPublicKey(EVP_PKEY* key) {
  size_t size = 0;
  if (EVP_PKEY_get_raw_public_key(key, nullptr, &size) != 1) return std::nullopt;
  std::string bytes(size, '\0');
  if (EVP_PKEY_get_raw_public_key(key, Uchars(bytes), &size) != 1) return std::nullopt;
  bytes.resize(size);
  return Base64UrlEncode(bytes);
}

}  // namespace

Result<std::string> PublicJwkJson(EVP_PKEY* key, JwsAlg alg, std::string_view kid,
                                  std::string_view x5t, std::string_view certificate_der) {
  std::optional<std::string> a, b;
  const char* kty = "RSA";
  switch (alg) {
    case JwsAlg::kRS256:
      a = BignumParam(key, OSSL_PKEY_PARAM_RSA_N, 0);
      b = BignumParam(key, OSSL_PKEY_PARAM_RSA_E, 0);
      break;
    case JwsAlg::kES256:
      kty = "EC";
      a = BignumParam(key, OSSL_PKEY_PARAM_EC_PUB_X, kP256CoordinateBytes);
      b = BignumParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, kP256CoordinateBytes);
      break;
    case JwsAlg::kEdDSA:
      kty = "OKP";
      a = RawPublicKey(key);
      b = std::string();
      break;
  }
  if (!a || !b) {
    return MakeError(ErrorCode::kInternal, "internal_error", "Could not export a public key.",
                     "PublicJwkJson: " + TakeOpenSslErrors());
  }
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Member("kty", kty).Member("use", "sig").Member("alg", ToString(alg));
  w.Member("kid", kid).Member("x5t", x5t);
  w.Key("x5c").BeginArray().String(Base64Encode(certificate_der)).EndArray();
  switch (alg) {
    case JwsAlg::kRS256:
      w.Member("n", *a).Member("e", *b);
      break;
    case JwsAlg::kES256:
      w.Member("crv", "P-256").Member("x", *a).Member("y", *b);
      break;
    case JwsAlg::kEdDSA:
      w.Member("crv", "Ed25519").Member("x", *a);
      break;
  }
  w.EndObject();
  return out;
}

}  // namespace muster::jose::internal
