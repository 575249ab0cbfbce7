#include "partner/partner_service.h"

#include <algorithm>
#include <unordered_map>

#include "core/uuid.h"

namespace muster::partner {
namespace {

Error NoApplication(std::string internal) {
  return MakeError(ErrorCode::kNotFound, "", "The application was not found.", std::move(internal));
}

Error NoSite(std::string internal) {
  return MakeError(ErrorCode::kNotFound, "",
                   "The organisation was not found among the application's sites.",
                   std::move(internal));
}

Error NoClient(std::string internal) {
  return MakeError(ErrorCode::kNotFound, "",
                   "The client was not found among the application's clients at this site.",
                   std::move(internal));
}

// A store miss becomes `not_found`; any other store error passes through.
template <typename T>
Result<T> OrNotFound(Result<T> result, Error not_found) {
  if (!result.ok() && result.error().code == ErrorCode::kNotFound) return not_found;
  return result;
}

}  // namespace

std::string ActorOf(const Caller& caller) { return "client:" + caller.client_id; }

PartnerService::PartnerService(storage::Store& store, admin::PlatformService& platform)
    : store_(store), platform_(platform) {}

Result<storage::Application> PartnerService::OwnedApplication(const Caller& caller,
                                                              std::string_view application_id) {
  if (!caller.organisation_id.empty()) {
    return MakeError(ErrorCode::kPermissionDenied, "",
                     "A vendor-management token is required; this token is bound to a school.",
                     "SchoolBoundToken:" + caller.client_id);
  }
  // The seed's application ids are GUIDs (the integer ids other screens show "will not
  // work"); anything else is an application that does not exist.
  std::optional<std::string> id = NormalizeGuid(application_id);
  if (!id) return NoApplication("ApplicationIdNotGuid");
  MUSTER_ASSIGN_OR_RETURN(storage::Application app,
                          OrNotFound(store_.GetApplication(*id), NoApplication("Unknown")));
  if (app.vendor_id != caller.vendor_id) {
    return NoApplication("OtherVendor:" + app.vendor_id + " caller:" + caller.vendor_id);
  }
  return app;
}

Result<PartnerService::Target> PartnerService::FindTarget(const Caller& caller,
                                                          std::string_view application_id,
                                                          std::string_view organisation_id) {
  Target t;
  MUSTER_ASSIGN_OR_RETURN(t.application, OwnedApplication(caller, application_id));
  if (!admin::IsValidOrganisationId(organisation_id)) return NoSite("MalformedOrganisationId");
  MUSTER_ASSIGN_OR_RETURN(t.site,
                          OrNotFound(store_.GetSiteByOrganisation(std::string(organisation_id)),
                                     NoSite("UnknownOrganisation")));
  MUSTER_ASSIGN_OR_RETURN(t.install, OrNotFound(store_.GetInstall(t.site.id, t.application.id),
                                                NoSite("NotInstalled")));
  return t;
}

Result<std::vector<storage::Client>> PartnerService::ClientsOf(const Target& target) {
  MUSTER_ASSIGN_OR_RETURN(std::vector<storage::Client> all, store_.ListClients());
  std::vector<storage::Client> out;
  for (auto& c : all) {
    if (c.kind != storage::ClientKind::kManagement && c.site_id == target.site.id &&
        c.application_id == target.application.id) {
      out.push_back(std::move(c));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.client_id < b.client_id; });
  return out;
}

Result<storage::Client> PartnerService::FindClient(const Target& target,
                                                   std::string_view client_id) {
  MUSTER_ASSIGN_OR_RETURN(storage::Client c, OrNotFound(store_.GetClient(std::string(client_id)),
                                                        NoClient("UnknownClient")));
  if (c.kind == storage::ClientKind::kManagement || c.site_id != target.site.id ||
      c.application_id != target.application.id) {
    return NoClient("ClientOfAnotherInstall:" + c.client_id);
  }
  return c;
}

Result<std::vector<CustomerSite>> PartnerService::ListSites(const Caller& caller,
                                                            std::string_view application_id) {
  MUSTER_ASSIGN_OR_RETURN(storage::Application app, OwnedApplication(caller, application_id));
  MUSTER_ASSIGN_OR_RETURN(std::vector<storage::Install> installs, store_.ListInstalls());
  MUSTER_ASSIGN_OR_RETURN(std::vector<storage::Site> sites, store_.ListSites());
  std::unordered_map<int64_t, const storage::Site*> sites_by_id;
  for (const auto& s : sites) sites_by_id[s.id] = &s;
  std::vector<CustomerSite> out;
  for (const auto& i : installs) {
    if (i.application_id != app.id) continue;
    auto it = sites_by_id.find(i.site_id);
    if (it == sites_by_id.end()) continue;  // the install outlived its site: not a customer
    out.push_back(CustomerSite{*it->second, i.status});
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.site.id < b.site.id; });
  return out;
}

Result<SiteClients> PartnerService::ListClients(const Caller& caller,
                                                std::string_view application_id,
                                                std::string_view organisation_id) {
  MUSTER_ASSIGN_OR_RETURN(Target target, FindTarget(caller, application_id, organisation_id));
  MUSTER_ASSIGN_OR_RETURN(std::vector<storage::Client> clients, ClientsOf(target));
  SiteClients out;
  for (auto& c : clients) {
    SiteClient sc;
    if (!c.secret_sealed.empty()) {
      MUSTER_ASSIGN_OR_RETURN(sc.secret, platform_.RevealClientSecret(c));
    }
    sc.client = std::move(c);
    out.clients.push_back(std::move(sc));
  }
  auto keys = platform_.RevealSubscriptionKeys(target.application.vendor_id);
  if (keys.ok()) {
    if (!keys->empty() && !keys->front().empty()) out.subscription_key = keys->front();
  } else if (keys.error().code != ErrorCode::kNotFound) {
    return keys.error();
  }
  return out;
}

Result<CustomerSite> PartnerService::SetAuthorised(const Caller& caller,
                                                   std::string_view application_id,
                                                   std::string_view organisation_id,
                                                   bool authorised) {
  MUSTER_ASSIGN_OR_RETURN(Target target, FindTarget(caller, application_id, organisation_id));
  storage::InstallStatus status =
      authorised ? storage::InstallStatus::kApproved : storage::InstallStatus::kDisabled;
  MUSTER_RETURN_IF_ERROR(
      platform_.SetInstallStatus(target.site.id, target.application.id, status, ActorOf(caller)));
  return CustomerSite{std::move(target.site), status};
}

Result<RemovedInstall> PartnerService::RemoveSite(const Caller& caller,
                                                  std::string_view application_id,
                                                  std::string_view organisation_id) {
  MUSTER_ASSIGN_OR_RETURN(Target target, FindTarget(caller, application_id, organisation_id));
  MUSTER_ASSIGN_OR_RETURN(std::vector<storage::Client> clients, ClientsOf(target));
  MUSTER_RETURN_IF_ERROR(
      platform_.RemoveInstall(target.site.id, target.application.id, ActorOf(caller)));
  RemovedInstall out;
  out.application_id = target.application.id;
  out.site = CustomerSite{std::move(target.site), target.install.status};
  out.clients_removed = static_cast<int>(clients.size());
  return out;
}

Result<admin::SecretRotated> PartnerService::RotateSecret(const Caller& caller,
                                                          std::string_view application_id,
                                                          std::string_view organisation_id,
                                                          std::string_view client_id,
                                                          int64_t grace_s) {
  MUSTER_ASSIGN_OR_RETURN(Target target, FindTarget(caller, application_id, organisation_id));
  MUSTER_ASSIGN_OR_RETURN(storage::Client client, FindClient(target, client_id));
  return platform_.RotateClientSecret(client.client_id, grace_s, ActorOf(caller));
}

Result<storage::Client> PartnerService::SetClientEnabled(const Caller& caller,
                                                         std::string_view application_id,
                                                         std::string_view organisation_id,
                                                         std::string_view client_id, bool enabled) {
  MUSTER_ASSIGN_OR_RETURN(Target target, FindTarget(caller, application_id, organisation_id));
  MUSTER_ASSIGN_OR_RETURN(storage::Client client, FindClient(target, client_id));
  MUSTER_RETURN_IF_ERROR(platform_.SetClientEnabled(client.client_id, enabled, ActorOf(caller)));
  client.enabled = enabled;
  return client;
}

}  // namespace muster::partner
