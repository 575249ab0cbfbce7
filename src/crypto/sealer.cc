#include "crypto/sealer.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/base64.h"
#include "crypto/internal/sodium.h"

namespace muster::crypto {
namespace {

constexpr std::string_view kPrefix = "v1.";
constexpr size_t kNonceBytes = crypto_secretbox_xchacha20poly1305_NONCEBYTES;
constexpr size_t kMacBytes = crypto_secretbox_xchacha20poly1305_MACBYTES;
static_assert(crypto_secretbox_xchacha20poly1305_KEYBYTES == 32);

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

Error OpenFailed(std::string internal) {
  return MakeError(ErrorCode::kInternal, "internal_error", "A stored secret could not be read.",
                   std::move(internal));
}

}  // namespace

Sealer::Sealer(std::string key) : key_(std::move(key)) {
  if (key_.size() != crypto_secretbox_xchacha20poly1305_KEYBYTES) {
    // A broken invariant (keys come from MasterKey::SealingKey()), not a runtime condition.
    std::fprintf(stderr, "muster: Sealer key must be 32 bytes, got %zu\n", key_.size());
    std::abort();
  }
  internal::EnsureSodiumInitialized();
}

std::string Sealer::Seal(std::string_view plaintext, Random& random) const {
  std::string raw(kNonceBytes + kMacBytes + plaintext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  random.Fill(out, kNonceBytes);
  crypto_secretbox_xchacha20poly1305_easy(out + kNonceBytes, Bytes(plaintext), plaintext.size(),
                                          out, Bytes(key_));
  std::string sealed(kPrefix);
  sealed += Base64UrlEncode(raw);
  sodium_memzero(raw.data(), raw.size());
  return sealed;
}

Result<std::string> Sealer::Open(std::string_view sealed) const {
  if (sealed.substr(0, kPrefix.size()) != kPrefix) return OpenFailed("SealedBadVersion");
  std::string_view body = sealed.substr(kPrefix.size());
  if (body.find('=') != std::string_view::npos) return OpenFailed("SealedBadEncoding");
  std::optional<std::string> raw = Base64UrlDecode(body);
  if (!raw) return OpenFailed("SealedBadEncoding");
  if (raw->size() < kNonceBytes + kMacBytes) return OpenFailed("SealedTooShort");
  const auto* in = Bytes(*raw);
  std::string plaintext(raw->size() - kNonceBytes - kMacBytes, '\0');
  if (crypto_secretbox_xchacha20poly1305_open_easy(
          reinterpret_cast<unsigned char*>(plaintext.data()), in + kNonceBytes,
          raw->size() - kNonceBytes, in, Bytes(key_)) != 0) {
    return OpenFailed("SealedAuthenticationFailed (wrong key or altered)");
  }
  return plaintext;
}

}  // namespace muster::crypto
