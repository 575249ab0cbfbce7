#pragma once

// PlatformService: the administrative operations of the exchange — vendors and their
// subscription keys, applications, sites, installs and OAuth clients — shared by the CLI,
// the demo generator, the partner API and the consoles. Every write is audited and then
// announces itself through `on_change`, so the token path's caches reload at once.
//
// Secrets (client secrets, subscription keys) are generated here (256-bit), returned once,
// stored as an HMAC and sealed with the master key.
//
// Thread-safety: all methods from any thread (the store serialises writes).

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/random.h"
#include "core/result.h"
#include "crypto/sealer.h"
#include "crypto/secret_hash.h"
#include "storage/model.h"
#include "storage/store.h"

namespace muster::admin {

struct AdminDeps {
  storage::Store& store;
  const Clock& clock;
  Random& random;
  const crypto::Sealer& sealer;
  const crypto::SecretHasher& hasher;
  std::function<void()> on_change;  // e.g. ClientRegistry::Reload
};

struct VendorCreated {
  storage::Vendor vendor;
  std::string primary_key;    // shown once
  std::string secondary_key;  // shown once
};

struct ClientDraft {
  storage::ClientKind kind = storage::ClientKind::kOneRoster;
  std::string vendor_id;
  std::string application_id;  // school clients
  int64_t site_id = 0;         // school clients; 0 = bound to no organisation
  std::string scopes;          // empty = the kind's default grant
  std::string description;
  std::string client_id;        // empty = generated (vmc-/sas-simsprimary-/sas-oneroster-{guid})
  std::string imported_secret;  // empty = generated; else an existing secret being migrated
};

struct ClientCreated {
  storage::Client client;
  std::string secret;  // shown once
};

struct SecretRotated {
  std::string client_id;
  std::string secret;               // the new secret, shown once
  int64_t previous_valid_until_ms;  // the old secret works until then (0 = not at all)
};

class PlatformService {
 public:
  explicit PlatformService(AdminDeps deps);

  Result<VendorCreated> CreateVendor(const std::string& name, const std::string& actor,
                                     const std::string& id = {});
  // Replaces one slot's key ("primary" | "secondary"); returns the new key.
  Result<std::string> RotateSubscriptionKey(const std::string& vendor_id, const std::string& slot,
                                            const std::string& actor);
  // The vendor's keys in clear (unsealed), primary first.
  Result<std::vector<std::string>> RevealSubscriptionKeys(const std::string& vendor_id);

  Result<storage::Application> CreateApplication(storage::Application draft,
                                                 const std::string& actor);
  Result<storage::Site> CreateSite(storage::Site draft, const std::string& actor);
  Result<storage::Site> FindSite(const std::string& organisation_id_or_id);

  // The school installs an application: approved at once unless the application
  // requires the vendor's approval. `consent_scopes` are what the school agreed to.
  Result<storage::Install> Install(int64_t site_id, const std::string& application_id,
                                   const std::string& consent_scopes, const std::string& actor);
  Status SetInstallStatus(int64_t site_id, const std::string& application_id,
                          storage::InstallStatus status, const std::string& actor);
  Status RemoveInstall(int64_t site_id, const std::string& application_id,
                       const std::string& actor);

  Result<ClientCreated> CreateClient(ClientDraft draft, const std::string& actor);
  Status SetClientEnabled(const std::string& client_id, bool enabled, const std::string& actor);
  // New secret; the previous one keeps working for `grace_s` seconds (0 = revoked now).
  Result<SecretRotated> RotateClientSecret(const std::string& client_id, int64_t grace_s,
                                           const std::string& actor);
  // The secret in clear, for the partner API's Clients call (product.md §4.4).
  Result<std::string> RevealClientSecret(const storage::Client& client);

  // While a Batch lives, change notifications are held back and sent once at its end, so
  // a bulk load (import, load-test seeding) does not rebuild the caches per row.
  class Batch {
   public:
    explicit Batch(PlatformService& service) : service_(service) { ++service_.batch_depth_; }
    ~Batch() {
      if (--service_.batch_depth_ == 0 && service_.pending_change_) {
        service_.pending_change_ = false;
        service_.Changed();
      }
    }
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

   private:
    PlatformService& service_;
  };

 private:
  void Audit(const std::string& actor, const std::string& action, const std::string& target,
             const std::string& detail = {});
  void Changed();

  AdminDeps deps_;
  std::atomic<int> batch_depth_{0};
  std::atomic<bool> pending_change_{false};
};

// Validation of UK establishment identifiers (sims-platform.md §10.1).
bool IsValidDfeCode(std::string_view code);       // LLLEEEE: 7 digits
bool IsValidUrn(std::string_view urn);            // 6 digits
bool IsValidOrganisationId(std::string_view id);  // 1–64 of [A-Za-z0-9-]

}  // namespace muster::admin
