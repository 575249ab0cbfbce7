#pragma once

// SecretHasher: how client secrets and subscription keys are stored. Secrets are 256-bit
// random values, so a keyed hash (HMAC-SHA256 with a server pepper derived from the master
// key) compared in constant time is the right check; no slow KDF on the token path.
// Thread-safe (immutable after construction).

#include <string>
#include <string_view>

#include "core/random.h"

namespace muster::crypto {

class SecretHasher {
 public:
  explicit SecretHasher(std::string pepper);  // 32 bytes

  // Lower-case hex HMAC-SHA256(pepper, secret).
  std::string Hash(std::string_view secret) const;
  // Constant-time comparison of Hash(secret) with `hex_hash`. False for a malformed hash.
  bool Verify(std::string_view secret, std::string_view hex_hash) const;

 private:
  std::string pepper_;
};

// A new secret: `bytes` random bytes, base64url (43 characters for 32 bytes).
std::string GenerateSecret(Random& random, size_t bytes = 32);

}  // namespace muster::crypto
