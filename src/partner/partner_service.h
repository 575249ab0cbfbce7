#pragma once

// PartnerService: the partner (RAP) API's operations for a technical integrator's own
// applications (product.md §4.4, seed 001): the sites where an application is installed,
// the school clients at each (secrets in clear while a sealed copy exists), and the
// vendor's writes: approve, disable or remove an install, rotate a client's secret with a
// grace period, suspend and resume a client. No HTTP here; partner_routes.cc is the edge.
//
// Visibility: an application of another vendor, an unknown application and a malformed
// application id are the same kNotFound, so existence never leaks across vendors; so are
// an unknown organisation and one without the application installed.
//
// Writes go through admin::PlatformService, which audits them (actor "client:<management
// client id>") and announces them to the token path's caches, so they take effect at once.
//
// Thread-safety: all methods from any thread (as the store and PlatformService).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "admin/platform_service.h"
#include "core/result.h"
#include "storage/model.h"
#include "storage/store.h"

namespace muster::partner {

// A rotation's grace period when the caller names none (PlatformService allows 0–30 days).
inline constexpr int64_t kDefaultGraceSeconds = 86400;

// Who calls: the client behind the bearer token.
struct Caller {
  std::string client_id;
  std::string vendor_id;
  std::string organisation_id;  // non-empty for a school-bound token: refused here
};

// One site where the application is installed, with the install's state.
struct CustomerSite {
  storage::Site site;
  storage::InstallStatus status = storage::InstallStatus::kPending;

  bool authorised() const { return status == storage::InstallStatus::kApproved; }
};

// A school client of the application at one site.
struct SiteClient {
  storage::Client client;
  std::optional<std::string> secret;  // nullopt: no sealed copy, so it cannot be shown
};

struct SiteClients {
  std::vector<SiteClient> clients;              // ordered by client id
  std::optional<std::string> subscription_key;  // the vendor's primary key, if any
};

struct RemovedInstall {
  std::string application_id;  // canonical (upper-case) GUID
  CustomerSite site;           // as it was before the removal
  int clients_removed = 0;
};

class PartnerService {
 public:
  PartnerService(storage::Store& store, admin::PlatformService& platform);
  PartnerService(const PartnerService&) = delete;
  PartnerService& operator=(const PartnerService&) = delete;

  // Every site where the application is installed (any state), ordered by site id.
  Result<std::vector<CustomerSite>> ListSites(const Caller& caller,
                                              std::string_view application_id);
  Result<SiteClients> ListClients(const Caller& caller, std::string_view application_id,
                                  std::string_view organisation_id);

  // Approves (true) or disables (false) the install; returns it as it now is.
  Result<CustomerSite> SetAuthorised(const Caller& caller, std::string_view application_id,
                                     std::string_view organisation_id, bool authorised);
  // Removes the install and every client of it ("completely remove from a site").
  Result<RemovedInstall> RemoveSite(const Caller& caller, std::string_view application_id,
                                    std::string_view organisation_id);
  // A new secret for one of the site's clients; the old one works for `grace_s` more
  // seconds (0 = revoked at once; at most 30 days, else kInvalidArgument).
  Result<admin::SecretRotated> RotateSecret(const Caller& caller, std::string_view application_id,
                                            std::string_view organisation_id,
                                            std::string_view client_id, int64_t grace_s);
  // Suspends (false) or resumes (true) one of the site's clients; returns it as it now is.
  Result<storage::Client> SetClientEnabled(const Caller& caller, std::string_view application_id,
                                           std::string_view organisation_id,
                                           std::string_view client_id, bool enabled);

 private:
  // The install the caller may manage: its application, site and row.
  struct Target {
    storage::Application application;
    storage::Site site;
    storage::Install install;
  };

  Result<storage::Application> OwnedApplication(const Caller& caller,
                                                std::string_view application_id);
  Result<Target> FindTarget(const Caller& caller, std::string_view application_id,
                            std::string_view organisation_id);
  Result<storage::Client> FindClient(const Target& target, std::string_view client_id);
  Result<std::vector<storage::Client>> ClientsOf(const Target& target);

  storage::Store& store_;
  admin::PlatformService& platform_;
};

// The audit actor for a caller: "client:<client id>".
std::string ActorOf(const Caller& caller);

}  // namespace muster::partner
