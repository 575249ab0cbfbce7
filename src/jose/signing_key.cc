#include "jose/signing_key.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <utility>

#include "jose/internal/certificate.h"
#include "jose/internal/openssl_signing_key.h"
#include "jose/internal/ossl.h"

namespace muster::jose {
namespace {

using internal::BioPtr;
using internal::EvpPkeyPtr;
using internal::X509Ptr;

constexpr size_t kRsaBits = 2048;

// Refuses encrypted PEM instead of letting OpenSSL prompt on the terminal.
int NoPassphrase(char*, int, int, void*) { return -1; }

Error PemError(const char* what) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_key", "The signing key PEM is invalid.",
                   std::string(what) + ": " + internal::TakeOpenSslErrors());
}

EvpPkeyPtr GenerateKey(JwsAlg alg) {
  switch (alg) {
    case JwsAlg::kRS256:
      return EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", kRsaBits));  // e = 65537
    case JwsAlg::kES256:
      return EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    case JwsAlg::kEdDSA:
      return EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  }
  return nullptr;
}

BioPtr MemoryBio(std::string_view text) {
  return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

}  // namespace

const char* ToString(JwsAlg alg) {
  switch (alg) {
    case JwsAlg::kRS256:
      return "RS256";
    case JwsAlg::kES256:
      return "ES256";
    case JwsAlg::kEdDSA:
      return "EdDSA";
  }
  return "unknown";
}

Result<JwsAlg> ParseJwsAlg(std::string_view name) {
  if (name == "RS256") return JwsAlg::kRS256;
  if (name == "ES256") return JwsAlg::kES256;
  if (name == "EdDSA") return JwsAlg::kEdDSA;
  return MakeError(ErrorCode::kInvalidArgument, "invalid_request", "Unsupported signing algorithm.",
                   "alg not supported");
}

Result<std::unique_ptr<SigningKey>> SigningKey::Generate(JwsAlg alg, const std::string& subject,
                                                         int64_t now_unix, int valid_days) {
  EvpPkeyPtr key = GenerateKey(alg);
  if (!key) {
    return MakeError(ErrorCode::kInternal, "internal_error", "Could not generate a key.",
                     std::string("keygen ") + ToString(alg) + ": " + internal::TakeOpenSslErrors());
  }
  MUSTER_ASSIGN_OR_RETURN(X509Ptr cert, internal::MakeSelfSignedCertificate(key.get(), alg, subject,
                                                                            now_unix, valid_days));
  return internal::OpenSslSigningKey::Create(alg, std::move(key), std::move(cert));
}

Result<std::unique_ptr<SigningKey>> SigningKey::FromPem(JwsAlg alg, std::string_view private_pem,
                                                        std::string_view certificate_pem) {
  if (private_pem.size() > INT32_MAX || certificate_pem.size() > INT32_MAX) {
    return PemError("PEM too large");
  }
  BioPtr key_bio = MemoryBio(private_pem);
  EvpPkeyPtr key(key_bio ? PEM_read_bio_PrivateKey(key_bio.get(), nullptr, NoPassphrase, nullptr)
                         : nullptr);
  if (!key) return PemError("private key");
  BioPtr cert_bio = MemoryBio(certificate_pem);
  X509Ptr cert(cert_bio ? PEM_read_bio_X509(cert_bio.get(), nullptr, NoPassphrase, nullptr)
                        : nullptr);
  if (!cert) return PemError("certificate");
  ERR_clear_error();
  return internal::OpenSslSigningKey::Create(alg, std::move(key), std::move(cert));
}

}  // namespace muster::jose
