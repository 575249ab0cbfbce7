#pragma once

// Runtime: the composition root's shared part. From a validated Config it opens the data
// directory, the store (migrated), the master key and what derives from it, and the
// platform's services. `muster serve` adds the HTTP side (serve.cc); the CLI's admin
// commands use the Runtime alone. No other file constructs these objects.
//
// Ownership: owns everything it builds; members are destroyed in reverse order.

#include <memory>
#include <string>

#include "admin/platform_service.h"
#include "auth/audit_sink.h"
#include "auth/client_registry.h"
#include "auth/key_manager.h"
#include "auth/revocation_list.h"
#include "config/config.h"
#include "core/clock.h"
#include "core/random.h"
#include "core/result.h"
#include "crypto/sealer.h"
#include "crypto/secret_hash.h"
#include "learner/learner_store.h"
#include "roster/roster_store.h"
#include "storage/store.h"

namespace muster::app {

struct OpenOptions {
  // Create a master key when none exists. Allowed for a new data directory (no database
  // yet) and for demo runs; otherwise a missing key is an error rather than a silent new
  // key that could not open what is already sealed.
  bool allow_new_master_key = false;
};

class Runtime {
 public:
  static Result<std::unique_ptr<Runtime>> Open(config::Config config, const OpenOptions& options);
  ~Runtime();

  const config::Config& config() const { return config_; }
  // The public base URL once known (serve sets it from the bound port).
  void SetPublicUrl(std::string url);
  std::string PublicUrl() const;
  std::string Issuer() const;
  std::string Audience() const;
  auth::KeyPolicy KeyPolicy() const;

  const Clock& clock() const { return clock_; }
  Random& random() { return random_; }
  storage::Store& store() { return *store_; }
  roster::RosterStore& roster() { return *roster_; }
  // The learner projection of the roster (the same store: it is rebuilt in roster writes).
  learner::LearnerStore& learners() { return *learners_; }
  const crypto::Sealer& sealer() const { return *sealer_; }
  const crypto::SecretHasher& hasher() const { return *hasher_; }
  auth::ClientRegistry& registry() { return *registry_; }
  auth::KeyManager& keys() { return *keys_; }
  auth::RevocationList& revocations() { return *revocations_; }
  auth::AuditSink& audit() { return *audit_; }
  admin::PlatformService& platform() { return *platform_; }

 private:
  Runtime() = default;

  config::Config config_;
  SystemClock clock_;
  SystemRandom random_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<roster::RosterStore> roster_;  // same database file as store_
  learner::LearnerStore* learners_ = nullptr;    // roster_, as a LearnerStore
  std::unique_ptr<crypto::Sealer> sealer_;
  std::unique_ptr<crypto::SecretHasher> hasher_;
  std::unique_ptr<auth::ClientRegistry> registry_;
  std::unique_ptr<auth::KeyManager> keys_;
  std::unique_ptr<auth::RevocationList> revocations_;
  std::unique_ptr<auth::AuditSink> audit_;
  std::unique_ptr<admin::PlatformService> platform_;
};

}  // namespace muster::app
