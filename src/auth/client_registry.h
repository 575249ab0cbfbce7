#pragma once

// ClientRegistry: the token path's view of clients, installs, sites, applications,
// vendors and subscription keys, held in memory as one immutable snapshot so a token
// request never touches the database (identity.md §6). The snapshot is rebuilt when the
// store's ConfigVersion moves (another process wrote) or when a local admin write calls
// Reload(); readers keep the snapshot they took.
//
// Thread-safety: Get() and Find*() from any thread; Reload() serialises rebuilds.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "storage/model.h"
#include "storage/store.h"

namespace muster::auth {

// One client with everything the token endpoint needs to decide.
struct ClientEntry {
  storage::Client client;
  std::vector<std::string> granted_scopes;
  std::string organisation_id;  // upper case; empty for management clients
  bool site_known = false;
  storage::InstallStatus install_status = storage::InstallStatus::kPending;
  bool install_exists = false;
  std::string application_name;
  std::string vendor_name;
};

struct RegistrySnapshot {
  int64_t version = -1;
  std::unordered_map<std::string, ClientEntry> clients;         // by client_id
  std::unordered_map<std::string, storage::Site> sites_by_org;  // upper-case org id
  // Subscription key hashes → vendor id (both slots of every vendor).
  std::unordered_map<std::string, std::string> subscription_keys;
};

class ClientRegistry {
 public:
  explicit ClientRegistry(storage::Store& store);
  ClientRegistry(const ClientRegistry&) = delete;
  ClientRegistry& operator=(const ClientRegistry&) = delete;

  // Rebuilds the snapshot from the store unconditionally.
  Status Reload();
  // Rebuilds only when the store's ConfigVersion differs from the snapshot's.
  Status RefreshIfChanged();

  std::shared_ptr<const RegistrySnapshot> Get() const { return snapshot_.load(); }
  size_t ClientCount() const { return Get()->clients.size(); }

 private:
  storage::Store& store_;
  std::mutex reload_mu_;
  std::atomic<std::shared_ptr<const RegistrySnapshot>> snapshot_;
};

// Upper-cases an organisation id for lookups (GUIDs compare case-insensitively).
std::string NormalizeOrganisationId(std::string_view id);

}  // namespace muster::auth
