#include "auth/client_registry.h"

#include "auth/scopes.h"

namespace muster::auth {

std::string NormalizeOrganisationId(std::string_view id) {
  std::string out(id);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

ClientRegistry::ClientRegistry(storage::Store& store)
    : store_(store), snapshot_(std::make_shared<const RegistrySnapshot>()) {}

Status ClientRegistry::Reload() {
  std::lock_guard lock(reload_mu_);
  // Read the version first: a write that lands during the rebuild moves it again, so the
  // next RefreshIfChanged() rebuilds once more instead of missing the write.
  MUSTER_ASSIGN_OR_RETURN(int64_t version, store_.ConfigVersion());
  MUSTER_ASSIGN_OR_RETURN(auto clients, store_.ListClients());
  MUSTER_ASSIGN_OR_RETURN(auto sites, store_.ListSites());
  MUSTER_ASSIGN_OR_RETURN(auto installs, store_.ListInstalls());
  MUSTER_ASSIGN_OR_RETURN(auto apps, store_.ListApplications(""));
  MUSTER_ASSIGN_OR_RETURN(auto vendors, store_.ListVendors());
  MUSTER_ASSIGN_OR_RETURN(auto keys, store_.ListSubscriptionKeys());

  auto snap = std::make_shared<RegistrySnapshot>();
  snap->version = version;
  std::unordered_map<int64_t, const storage::Site*> sites_by_id;
  for (const auto& s : sites) {
    auto& stored = snap->sites_by_org[NormalizeOrganisationId(s.organisation_id)] = s;
    sites_by_id[s.id] = &stored;
  }
  std::unordered_map<std::string, const storage::Application*> apps_by_id;
  for (const auto& a : apps) apps_by_id[a.id] = &a;
  std::unordered_map<std::string, std::string> vendor_names;
  for (const auto& v : vendors) vendor_names[v.id] = v.name;
  std::unordered_map<std::string, const storage::Install*> installs_by_key;
  for (const auto& i : installs) {
    installs_by_key[std::to_string(i.site_id) + "/" + i.application_id] = &i;
  }
  for (auto& c : clients) {
    ClientEntry e;
    e.granted_scopes = SplitScopes(c.scopes);
    if (auto it = apps_by_id.find(c.application_id); it != apps_by_id.end()) {
      e.application_name = it->second->name;
    }
    if (auto it = vendor_names.find(c.vendor_id); it != vendor_names.end()) {
      e.vendor_name = it->second;
    }
    if (c.site_id != 0) {
      if (auto it = sites_by_id.find(c.site_id); it != sites_by_id.end()) {
        e.site_known = true;
        e.organisation_id = NormalizeOrganisationId(it->second->organisation_id);
      }
      auto inst = installs_by_key.find(std::to_string(c.site_id) + "/" + c.application_id);
      if (inst != installs_by_key.end()) {
        e.install_exists = true;
        e.install_status = inst->second->status;
      }
    }
    std::string id = c.client_id;
    e.client = std::move(c);
    snap->clients.emplace(std::move(id), std::move(e));
  }
  for (const auto& k : keys) snap->subscription_keys[k.key_hash] = k.vendor_id;
  snapshot_.store(std::move(snap));
  return OkStatus();
}

Status ClientRegistry::RefreshIfChanged() {
  MUSTER_ASSIGN_OR_RETURN(int64_t version, store_.ConfigVersion());
  if (version == Get()->version) return OkStatus();
  return Reload();
}

}  // namespace muster::auth
