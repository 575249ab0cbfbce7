#include "jose/internal/ecdsa_signature.h"

#include "jose/internal/ossl.h"

namespace muster::jose::internal {

std::optional<std::string> EcdsaDerToRaw(std::string_view der, size_t component_bytes) {
  const unsigned char* p = Uchars(der);
  EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (!sig || p != Uchars(der) + der.size()) return std::nullopt;
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  std::string raw(2 * component_bytes, '\0');
  int width = static_cast<int>(component_bytes);
  if (BN_bn2binpad(r, Uchars(raw), width) != width ||
      BN_bn2binpad(s, Uchars(raw) + component_bytes, width) != width) {
    return std::nullopt;
  }
  return raw;
}

std::optional<std::string> EcdsaRawToDer(std::string_view raw) {
  if (raw.empty() || raw.size() % 2 != 0) return std::nullopt;
  int half = static_cast<int>(raw.size() / 2);
  BignumPtr r(BN_bin2bn(Uchars(raw), half, nullptr));
  BignumPtr s(BN_bin2bn(Uchars(raw) + half, half, nullptr));
  EcdsaSigPtr sig(ECDSA_SIG_new());
  if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) return std::nullopt;
  r.release();  // now owned by sig
  s.release();
  int size = i2d_ECDSA_SIG(sig.get(), nullptr);
  if (size <= 0) return std::nullopt;
  std::string der(static_cast<size_t>(size), '\0');
  unsigned char* p = Uchars(der);
  if (i2d_ECDSA_SIG(sig.get(), &p) != size) return std::nullopt;
  return der;
}

}  // namespace muster::jose::internal
