#pragma once

// KeyManager: the STS's signing keys and their rotation (identity.md §6, Duende's model).
// A new key is published in the JWKS from the moment it is created ("next"), signs only
// once `announce` has passed ("current"), and after it stops signing stays published
// ("retired") until every token it signed has expired. Private keys are stored sealed
// with the master key and decoded once into ready OpenSSL objects.
//
// Thread-safety: Signer(), Find() and Jwks() from any thread (one immutable snapshot,
// swapped atomically); Load(), Tick() and Rotate() serialise among themselves.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/random.h"
#include "core/result.h"
#include "crypto/sealer.h"
#include "jose/signing_key.h"
#include "storage/store.h"

namespace muster::auth {

struct KeyPolicy {
  jose::JwsAlg alg = jose::JwsAlg::kRS256;
  int64_t announce_s = 14 * 86400;  // published before signing
  int64_t lifetime_s = 90 * 86400;  // signs this long before automatic rotation
  int64_t token_lifetime_s = 3600;  // retired keys stay published this long (+ skew)
  int64_t skew_s = 30;
  std::string subject = "Muster STS";  // certificate CN
};

class KeyManager {
 public:
  KeyManager(storage::Store& store, const Clock& clock, const crypto::Sealer& sealer,
             KeyPolicy policy);
  KeyManager(const KeyManager&) = delete;
  KeyManager& operator=(const KeyManager&) = delete;

  // Reads the keys from the store into a new snapshot.
  Status Load();
  // Applies the schedule: promotes a due key, retires the old one, removes expired keys,
  // creates the first key (signing at once) or the next one (when the current is due for
  // rotation). Then reloads.
  Status Tick();
  // Creates a new key for `alg`. Normally it is announced and signs after the policy's
  // announce period; `immediate` makes it current at once (after a compromise), the old
  // key retiring but staying published for its tokens. Returns the new kid.
  Result<std::string> Rotate(jose::JwsAlg alg, bool immediate);

  // The key that signs now; nullptr before the first Tick().
  std::shared_ptr<const jose::SigningKey> Signer() const;
  // A published key by kid (for verification); nullptr when unknown.
  std::shared_ptr<const jose::SigningKey> Find(std::string_view kid) const;
  // {"keys":[…]} of every published key, current first.
  std::string Jwks() const;
  // The certificate subject of keys created from now on (the issuer is known only once the
  // server has bound its port).
  void SetSubject(std::string subject);

 private:
  struct Snapshot {
    std::shared_ptr<const jose::SigningKey> signer;
    std::unordered_map<std::string, std::shared_ptr<const jose::SigningKey>> by_kid;
    std::string jwks;
  };

  // Generates a key; it signs `delay_ms` after it exists (measured after generation, so a
  // slow key generation does not eat into the announce period).
  Result<storage::SigningKey> NewKey(jose::JwsAlg alg, int64_t delay_ms);
  Status LoadLocked();

  storage::Store& store_;
  const Clock& clock_;
  const crypto::Sealer& sealer_;
  SystemRandom random_;
  KeyPolicy policy_;  // guarded by mu_
  std::mutex mu_;
  std::atomic<std::shared_ptr<const Snapshot>> snapshot_;
};

}  // namespace muster::auth
