#include "jose/internal/certificate.h"

#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <ctime>

namespace muster::jose::internal {
namespace {

constexpr int kMaxValidDays = 100 * 366;

Error CertError(std::string what) {
  return MakeError(ErrorCode::kInternal, "internal_error", "Could not create a certificate.",
                   std::move(what) + ": " + TakeOpenSslErrors());
}

bool SetRandomSerial(X509* cert) {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return false;
  bytes[0] &= 0x7f;  // positive
  bytes[0] |= 0x40;  // and never zero or short
  BignumPtr serial(BN_bin2bn(bytes, sizeof bytes, nullptr));
  return serial && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) != nullptr;
}

bool AddExtension(X509* cert, X509V3_CTX* ctx, int nid, const char* value) {
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, ctx, nid, value);
  if (ext == nullptr) return false;
  bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

}  // namespace

Result<X509Ptr> MakeSelfSignedCertificate(EVP_PKEY* key, JwsAlg alg, const std::string& subject,
                                          int64_t now_unix, int valid_days) {
  if (valid_days <= 0 || valid_days > kMaxValidDays) {
    return MakeError(ErrorCode::kInvalidArgument, "invalid_request",
                     "Certificate validity must be 1 to 36600 days.",
                     "valid_days=" + std::to_string(valid_days));
  }
  X509Ptr cert(X509_new());
  if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1 || !SetRandomSerial(cert.get())) {
    return CertError("X509_new/serial");
  }
  if (ASN1_TIME_set(X509_getm_notBefore(cert.get()), static_cast<time_t>(now_unix)) == nullptr ||
      ASN1_TIME_adj(X509_getm_notAfter(cert.get()), static_cast<time_t>(now_unix), valid_days, 0) ==
          nullptr) {
    return CertError("validity");
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(subject.data()),
                                 static_cast<int>(subject.size()), -1, 0) != 1 ||
      X509_set_issuer_name(cert.get(), name) != 1 || X509_set_pubkey(cert.get(), key) != 1) {
    return CertError("subject \"" + subject + "\"");
  }
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  if (!AddExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE") ||
      !AddExtension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature") ||
      !AddExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash")) {
    return CertError("extensions");
  }
  const EVP_MD* md = alg == JwsAlg::kEdDSA ? nullptr : EVP_sha256();
  if (X509_sign(cert.get(), key, md) <= 0) return CertError("X509_sign");
  return cert;
}

std::string CertificateDer(X509* cert) {
  int size = i2d_X509(cert, nullptr);
  if (size <= 0) return {};
  std::string der(static_cast<size_t>(size), '\0');
  unsigned char* p = Uchars(der);
  if (i2d_X509(cert, &p) != size) return {};
  return der;
}

}  // namespace muster::jose::internal
