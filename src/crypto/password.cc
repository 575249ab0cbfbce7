#include "crypto/password.h"

#include <sodium.h>

#include "crypto/internal/sodium.h"

namespace muster::crypto {

Result<std::string> HashPassword(std::string_view password) {
  internal::EnsureSodiumInitialized();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return MakeError(ErrorCode::kInternal, "internal_error", "Could not hash the password.",
                     "crypto_pwhash_str failed (out of memory?)");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  internal::EnsureSodiumInitialized();
  // crypto_pwhash_str_verify reads a C string: reject what it would silently truncate.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES ||
      hash.find('\0') != std::string::npos) {
    return false;
  }
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace muster::crypto
