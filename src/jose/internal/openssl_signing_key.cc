#include "jose/internal/openssl_signing_key.h"

#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>
#include <openssl/sha.h>

#include <cstring>
#include <utility>

#include "core/base64.h"
#include "core/json_writer.h"
#include "crypto/digest.h"
#include "jose/internal/certificate.h"
#include "jose/internal/ecdsa_signature.h"
#include "jose/internal/jwk.h"

namespace muster::jose::internal {
namespace {

constexpr size_t kP256ComponentBytes = 32;
constexpr size_t kRawEcSignatureBytes = 2 * kP256ComponentBytes;
constexpr size_t kEd25519SignatureBytes = 64;
constexpr int kMinRsaBits = 2048;

Error KeyError(std::string internal) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_key",
                   "The signing key does not fit its algorithm.", std::move(internal));
}

bool IsP256(EVP_PKEY* key) {
  char name[64];
  size_t len = 0;
  if (EVP_PKEY_get_group_name(key, name, sizeof name, &len) != 1) return false;
  return std::strcmp(name, "prime256v1") == 0 || std::strcmp(name, "P-256") == 0;
}

std::string EncodeHeader(JwsAlg alg, const std::string& kid, const std::string& x5t) {
  std::string json;
  JsonWriter(json)
      .BeginObject()
      .Member("alg", ToString(alg))
      .Member("kid", kid)
      .Member("typ", "JWT")
      .Member("x5t", x5t)
      .EndObject();
  return Base64UrlEncode(json);
}

}  // namespace

Status CheckKeyFitsAlg(EVP_PKEY* key, JwsAlg alg) {
  switch (alg) {
    case JwsAlg::kRS256:
      if (!EVP_PKEY_is_a(key, "RSA")) return KeyError("RS256 needs an RSA key");
      if (EVP_PKEY_get_bits(key) < kMinRsaBits) return KeyError("RSA key shorter than 2048 bits");
      return OkStatus();
    case JwsAlg::kES256:
      if (!EVP_PKEY_is_a(key, "EC") || !IsP256(key)) return KeyError("ES256 needs a P-256 key");
      return OkStatus();
    case JwsAlg::kEdDSA:
      if (!EVP_PKEY_is_a(key, "ED25519")) return KeyError("EdDSA needs an Ed25519 key");
      return OkStatus();
  }
  return KeyError("unknown alg");
}

Result<std::unique_ptr<SigningKey>> OpenSslSigningKey::Create(JwsAlg alg, EvpPkeyPtr key,
                                                              X509Ptr cert) {
  MUSTER_RETURN_IF_ERROR(CheckKeyFitsAlg(key.get(), alg));
  EVP_PKEY* cert_key = X509_get0_pubkey(cert.get());
  if (cert_key == nullptr || EVP_PKEY_eq(cert_key, key.get()) != 1) {
    ERR_clear_error();
    return KeyError("the certificate does not carry this key's public key");
  }
  std::string der = CertificateDer(cert.get());
  if (der.empty()) return KeyError("certificate DER: " + TakeOpenSslErrors());
  std::string x5t = Base64UrlEncode(crypto::Sha1(der));
  MUSTER_ASSIGN_OR_RETURN(std::string jwk, internal::PublicJwkJson(key.get(), alg, x5t, x5t, der));
  std::string header = EncodeHeader(alg, x5t, x5t);
  return std::unique_ptr<SigningKey>(new OpenSslSigningKey(
      alg, std::move(key), std::move(cert), std::move(x5t), std::move(header), std::move(jwk)));
}

OpenSslSigningKey::OpenSslSigningKey(JwsAlg alg, EvpPkeyPtr key, X509Ptr cert, std::string x5t,
                                     std::string encoded_header, std::string jwk)
    : alg_(alg),
      key_(std::move(key)),
      cert_(std::move(cert)),
      x5t_(std::move(x5t)),
      encoded_header_(std::move(encoded_header)),
      jwk_(std::move(jwk)),
      max_signature_bytes_(static_cast<size_t>(EVP_PKEY_get_size(key_.get()))),
      sign_pool_(key_.get(), alg != JwsAlg::kEdDSA, KeyOp::kSign),
      verify_pool_(key_.get(), alg != JwsAlg::kEdDSA, KeyOp::kVerify) {}

std::string OpenSslSigningKey::PrivateKeyPem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PKCS8PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr,
                                            nullptr) != 1) {
    ERR_clear_error();
    return {};
  }
  return BioContents(bio.get());
}

std::string OpenSslSigningKey::CertificatePem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), cert_.get()) != 1) {
    ERR_clear_error();
    return {};
  }
  return BioContents(bio.get());
}

Result<std::string> OpenSslSigningKey::SignFailed(const char* what) const {
  return MakeError(ErrorCode::kInternal, "internal_error", "Could not sign the token.",
                   std::string(what) + " kid=" + x5t_ + ": " + TakeOpenSslErrors());
}

Result<std::string> OpenSslSigningKey::Sign(std::string_view signing_input) const {
  ContextPool::Lease lease = sign_pool_.Acquire();
  if (lease.get() == nullptr) return SignFailed("prepare");
  std::string signature(max_signature_bytes_, '\0');
  size_t size = signature.size();
  if (alg_ == JwsAlg::kEdDSA) {
    if (EVP_DigestSign(lease.get()->md_ctx.get(), Uchars(signature), &size, Uchars(signing_input),
                       signing_input.size()) != 1) {
      lease.Discard();
      return SignFailed("EVP_DigestSign");
    }
    signature.resize(size);
    return signature;
  }
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(Uchars(signing_input), signing_input.size(), digest);
  if (EVP_PKEY_sign(lease.get()->pkey_ctx.get(), Uchars(signature), &size, digest, sizeof digest) !=
      1) {
    lease.Discard();
    return SignFailed("EVP_PKEY_sign");
  }
  signature.resize(size);
  if (alg_ == JwsAlg::kRS256) return signature;
  std::optional<std::string> raw = EcdsaDerToRaw(signature, kP256ComponentBytes);
  if (!raw) return SignFailed("ECDSA DER to R||S");
  return std::move(*raw);
}

bool OpenSslSigningKey::Verify(std::string_view signing_input, std::string_view signature) const {
  std::optional<std::string> der;
  switch (alg_) {
    case JwsAlg::kRS256:
      if (signature.size() != max_signature_bytes_) return false;
      break;
    case JwsAlg::kES256:
      if (signature.size() != kRawEcSignatureBytes) return false;
      der = EcdsaRawToDer(signature);
      if (!der) return false;
      signature = *der;
      break;
    case JwsAlg::kEdDSA:
      if (signature.size() != kEd25519SignatureBytes) return false;
      break;
  }
  ContextPool::Lease lease = verify_pool_.Acquire();
  if (lease.get() == nullptr) {
    ERR_clear_error();
    return false;
  }
  int rc;
  if (alg_ == JwsAlg::kEdDSA) {
    rc = EVP_DigestVerify(lease.get()->md_ctx.get(), Uchars(signature), signature.size(),
                          Uchars(signing_input), signing_input.size());
  } else {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(Uchars(signing_input), signing_input.size(), digest);
    rc = EVP_PKEY_verify(lease.get()->pkey_ctx.get(), Uchars(signature), signature.size(), digest,
                         sizeof digest);
  }
  if (rc != 1) {
    ERR_clear_error();            // a bad signature leaves errors on this thread's queue
    if (rc < 0) lease.Discard();  // an error, not just a mismatch
  }
  return rc == 1;
}

}  // namespace muster::jose::internal
