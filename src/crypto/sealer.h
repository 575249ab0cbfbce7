#pragma once

// Sealer: authenticated encryption of secrets at rest (client secrets the partner API may
// show again, subscription keys, private signing keys) under the deployment's master key.
// XChaCha20-Poly1305 (libsodium secretbox); sealed text is "v1." + base64url(nonce||box).
// Thread-safe (immutable after construction).

#include <string>
#include <string_view>

#include "core/random.h"
#include "core/result.h"

namespace muster::crypto {

// The 32-byte master key and the subkeys derived from it (libsodium crypto_kdf), so the
// sealing key and the secret-hash pepper are never the same bytes.
struct MasterKey {
  std::string bytes;  // 32 bytes

  std::string SealingKey() const;  // subkey 1
  std::string Pepper() const;      // subkey 2
};

// Reads a master key from `path` (64 hex characters, optional trailing newline). If the
// file does not exist and `create` is set, writes a new random one with mode 0600.
Result<MasterKey> LoadOrCreateMasterKey(const std::string& path, bool create, Random& random);
// Parses 64 hex characters (as the MUSTER_MASTER_KEY environment variable carries it).
Result<MasterKey> MasterKeyFromHex(std::string_view hex);

class Sealer {
 public:
  explicit Sealer(std::string key);  // 32 bytes

  std::string Seal(std::string_view plaintext, Random& random) const;
  // kInternal when the text was not sealed by this key or was altered.
  Result<std::string> Open(std::string_view sealed) const;

 private:
  std::string key_;
};

}  // namespace muster::crypto
