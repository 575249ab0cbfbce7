#include "admin/platform_service.h"

#include <cctype>

#include "auth/scopes.h"
#include "core/hex.h"
#include "core/text.h"
#include "core/uuid.h"

namespace muster::admin {
namespace {

bool AllDigits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A subscription key in the API manager's format: 32 lower-case hex digits (128 bits).
std::string HexEncodeKey(Random& random) { return HexEncode(random.Bytes(16)); }

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_request", std::move(message));
}

}  // namespace

bool IsValidDfeCode(std::string_view code) { return AllDigits(code, 7); }
bool IsValidUrn(std::string_view urn) { return AllDigits(urn, 6); }
bool IsValidOrganisationId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

PlatformService::PlatformService(AdminDeps deps) : deps_(std::move(deps)) {}

void PlatformService::Audit(const std::string& actor, const std::string& action,
                            const std::string& target, const std::string& detail) {
  storage::AuditEvent e;
  e.at_ms = deps_.clock.NowUnixMillis();
  e.actor = actor;
  e.action = action;
  e.target = target;
  e.outcome = "ok";
  e.detail = detail;
  (void)deps_.store.AppendAudit({e});  // the write itself succeeded; audit is best effort
}

void PlatformService::Changed() {
  if (batch_depth_.load() > 0) {
    pending_change_ = true;
    return;
  }
  if (deps_.on_change) deps_.on_change();
}

Result<VendorCreated> PlatformService::CreateVendor(const std::string& name,
                                                    const std::string& actor,
                                                    const std::string& id) {
  if (name.empty() || name.size() > 200) return Invalid("A vendor needs a name (1–200 chars).");
  VendorCreated out;
  out.vendor.id = id.empty() ? NewGuid(deps_.random) : id;
  out.vendor.name = name;
  out.vendor.created_ms = deps_.clock.NowUnixMillis();
  out.primary_key = HexEncodeKey(deps_.random);
  out.secondary_key = HexEncodeKey(deps_.random);
  Status s = deps_.store.InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(deps_.store.CreateVendor(out.vendor));
    for (const auto& [slot, key] :
         {std::pair{"primary", out.primary_key}, std::pair{"secondary", out.secondary_key}}) {
      storage::SubscriptionKey k{out.vendor.id, slot, deps_.hasher.Hash(key),
                                 deps_.sealer.Seal(key, deps_.random), out.vendor.created_ms};
      MUSTER_RETURN_IF_ERROR(deps_.store.PutSubscriptionKey(k));
    }
    return OkStatus();
  });
  MUSTER_RETURN_IF_ERROR(s);
  Audit(actor, "vendor.create", out.vendor.id, name);
  Changed();
  return out;
}

Result<std::string> PlatformService::RotateSubscriptionKey(const std::string& vendor_id,
                                                           const std::string& slot,
                                                           const std::string& actor) {
  if (slot != "primary" && slot != "secondary") {
    return Invalid("The slot is 'primary' or 'secondary'.");
  }
  MUSTER_RETURN_IF_ERROR(deps_.store.GetVendor(vendor_id));
  std::string key = HexEncodeKey(deps_.random);
  storage::SubscriptionKey k{vendor_id, slot, deps_.hasher.Hash(key),
                             deps_.sealer.Seal(key, deps_.random), deps_.clock.NowUnixMillis()};
  MUSTER_RETURN_IF_ERROR(deps_.store.PutSubscriptionKey(k));
  Audit(actor, "subscription_key.rotate", vendor_id, slot);
  Changed();
  return key;
}

Result<std::vector<std::string>> PlatformService::RevealSubscriptionKeys(
    const std::string& vendor_id) {
  MUSTER_ASSIGN_OR_RETURN(auto keys, deps_.store.ListSubscriptionKeys());
  std::vector<std::string> out(2);
  bool found = false;
  for (const auto& k : keys) {
    if (k.vendor_id != vendor_id) continue;
    MUSTER_ASSIGN_OR_RETURN(std::string clear, deps_.sealer.Open(k.key_sealed));
    out[k.slot == "primary" ? 0 : 1] = std::move(clear);
    found = true;
  }
  if (!found) return MakeError(ErrorCode::kNotFound, "", "The vendor has no subscription key.");
  return out;
}

Result<storage::Application> PlatformService::CreateApplication(storage::Application draft,
                                                                const std::string& actor) {
  if (draft.name.empty() || draft.name.size() > 200) {
    return Invalid("An application needs a name (1–200 chars).");
  }
  MUSTER_RETURN_IF_ERROR(deps_.store.GetVendor(draft.vendor_id));
  if (draft.id.empty()) draft.id = NewGuid(deps_.random);
  draft.created_ms = draft.updated_ms = deps_.clock.NowUnixMillis();
  MUSTER_RETURN_IF_ERROR(deps_.store.CreateApplication(draft));
  Audit(actor, "application.create", draft.id, draft.name);
  Changed();
  return draft;
}

Result<storage::Site> PlatformService::CreateSite(storage::Site draft, const std::string& actor) {
  std::string problems;
  if (draft.name.empty()) problems += "a name; ";
  if (draft.organisation_id.empty()) draft.organisation_id = NewGuid(deps_.random);
  if (!IsValidOrganisationId(draft.organisation_id)) problems += "a valid organisation id; ";
  if (!draft.dfe_code.empty() && !IsValidDfeCode(draft.dfe_code)) {
    problems += "a DfE number of 7 digits (LLLEEEE); ";
  }
  if (!draft.urn.empty() && !IsValidUrn(draft.urn)) problems += "a URN of 6 digits; ";
  if (!problems.empty()) return Invalid("A site needs " + problems.substr(0, problems.size() - 2));
  if (auto norm = NormalizeGuid(draft.organisation_id)) draft.organisation_id = *norm;
  if (draft.la_code.empty() && draft.dfe_code.size() == 7)
    draft.la_code = draft.dfe_code.substr(0, 3);
  draft.created_ms = deps_.clock.NowUnixMillis();
  MUSTER_ASSIGN_OR_RETURN(draft.id, deps_.store.CreateSite(draft));
  Audit(actor, "site.create", draft.organisation_id, draft.name);
  Changed();
  return draft;
}

Result<storage::Site> PlatformService::FindSite(const std::string& key) {
  bool numeric = !key.empty() && key.size() < 15;
  for (char c : key) numeric = numeric && std::isdigit(static_cast<unsigned char>(c));
  if (numeric) return deps_.store.GetSite(std::stoll(key));
  return deps_.store.GetSiteByOrganisation(key);
}

Result<storage::Install> PlatformService::Install(int64_t site_id,
                                                  const std::string& application_id,
                                                  const std::string& consent_scopes,
                                                  const std::string& actor) {
  MUSTER_ASSIGN_OR_RETURN(storage::Site site, deps_.store.GetSite(site_id));
  MUSTER_ASSIGN_OR_RETURN(storage::Application app, deps_.store.GetApplication(application_id));
  storage::Install inst;
  inst.site_id = site.id;
  inst.application_id = app.id;
  inst.status =
      app.requires_approval ? storage::InstallStatus::kPending : storage::InstallStatus::kApproved;
  int64_t now = deps_.clock.NowUnixMillis();
  inst.created_ms = inst.updated_ms = now;
  if (inst.status == storage::InstallStatus::kApproved) inst.approved_ms = now;
  std::string scopes = consent_scopes.empty() ? app.requested_scopes : consent_scopes;
  inst.consent_receipt = "{\"consented_by\":\"" + actor + "\",\"scopes\":\"" + scopes +
                         "\",\"at_ms\":" + std::to_string(now) + "}";
  MUSTER_ASSIGN_OR_RETURN(inst.id, deps_.store.PutInstall(inst));
  Audit(actor, "install.create", site.organisation_id + "/" + app.id,
        storage::ToString(inst.status));
  Changed();
  return inst;
}

Status PlatformService::SetInstallStatus(int64_t site_id, const std::string& application_id,
                                         storage::InstallStatus status, const std::string& actor) {
  MUSTER_ASSIGN_OR_RETURN(storage::Install inst, deps_.store.GetInstall(site_id, application_id));
  inst.status = status;
  inst.updated_ms = deps_.clock.NowUnixMillis();
  if (status == storage::InstallStatus::kApproved) inst.approved_ms = inst.updated_ms;
  MUSTER_RETURN_IF_ERROR(deps_.store.PutInstall(inst));
  Audit(actor, std::string("install.") + storage::ToString(status),
        std::to_string(site_id) + "/" + application_id);
  Changed();
  return OkStatus();
}

Status PlatformService::RemoveInstall(int64_t site_id, const std::string& application_id,
                                      const std::string& actor) {
  MUSTER_RETURN_IF_ERROR(deps_.store.DeleteInstall(site_id, application_id));
  Audit(actor, "install.remove", std::to_string(site_id) + "/" + application_id);
  Changed();
  return OkStatus();
}

Result<ClientCreated> PlatformService::CreateClient(ClientDraft draft, const std::string& actor) {
  MUSTER_RETURN_IF_ERROR(deps_.store.GetVendor(draft.vendor_id));
  bool school = draft.kind != storage::ClientKind::kManagement;
  if (school) {
    if (draft.application_id.empty()) return Invalid("A school client needs an application.");
    MUSTER_ASSIGN_OR_RETURN(auto app, deps_.store.GetApplication(draft.application_id));
    if (app.vendor_id != draft.vendor_id) {
      return Invalid("The application belongs to another vendor.");
    }
    if (draft.site_id != 0) {
      MUSTER_RETURN_IF_ERROR(deps_.store.GetSite(draft.site_id));
      if (!deps_.store.GetInstall(draft.site_id, draft.application_id).ok()) {
        return Invalid("Install the application at the site before creating its clients.");
      }
    }
  } else if (draft.site_id != 0) {
    return Invalid("A vendor-management client is not bound to a site.");
  }
  if (!draft.imported_secret.empty() && draft.imported_secret.size() < 16) {
    return Invalid("An imported secret must have at least 16 characters.");
  }
  ClientCreated out;
  storage::Client& c = out.client;
  std::string guid = AsciiLower(NewGuid(deps_.random));
  switch (draft.kind) {
    case storage::ClientKind::kManagement:
      c.client_id = "vmc-" + guid;
      c.scopes = auth::DefaultManagementScopes();
      break;
    case storage::ClientKind::kDex:
      c.client_id = "sas-simsprimary-" + guid;
      c.scopes = auth::DefaultDexScopes();
      break;
    case storage::ClientKind::kOneRoster:
      c.client_id = "sas-oneroster-" + guid;
      c.scopes = auth::DefaultOneRosterScopes();
      break;
  }
  if (!draft.client_id.empty()) {
    bool valid = draft.client_id.size() <= 128;
    for (char ch : draft.client_id) {
      valid = valid &&
              (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.');
    }
    if (!valid) return Invalid("A client id is 1–128 of A–Z, a–z, 0–9, '-', '_' and '.'.");
    c.client_id = draft.client_id;
  }
  if (!draft.scopes.empty()) c.scopes = auth::JoinScopes(auth::SplitScopes(draft.scopes));
  c.kind = draft.kind;
  c.vendor_id = draft.vendor_id;
  c.application_id = school ? draft.application_id : std::string();
  c.site_id = draft.site_id;
  c.description = draft.description;
  out.secret =
      draft.imported_secret.empty() ? crypto::GenerateSecret(deps_.random) : draft.imported_secret;
  c.secret_hash = deps_.hasher.Hash(out.secret);
  c.secret_sealed = deps_.sealer.Seal(out.secret, deps_.random);
  c.enabled = true;
  c.created_ms = c.updated_ms = deps_.clock.NowUnixMillis();
  MUSTER_ASSIGN_OR_RETURN(c.id, deps_.store.CreateClient(c));
  Audit(actor, "client.create", c.client_id, storage::ToString(c.kind));
  Changed();
  return out;
}

Status PlatformService::SetClientEnabled(const std::string& client_id, bool enabled,
                                         const std::string& actor) {
  MUSTER_ASSIGN_OR_RETURN(storage::Client c, deps_.store.GetClient(client_id));
  c.enabled = enabled;
  c.updated_ms = deps_.clock.NowUnixMillis();
  MUSTER_RETURN_IF_ERROR(deps_.store.UpdateClient(c));
  Audit(actor, enabled ? "client.enable" : "client.disable", client_id);
  Changed();
  return OkStatus();
}

Result<SecretRotated> PlatformService::RotateClientSecret(const std::string& client_id,
                                                          int64_t grace_s,
                                                          const std::string& actor) {
  if (grace_s < 0 || grace_s > 30 * 86400) return Invalid("The grace period is 0–30 days.");
  MUSTER_ASSIGN_OR_RETURN(storage::Client c, deps_.store.GetClient(client_id));
  SecretRotated out;
  out.client_id = client_id;
  out.secret = crypto::GenerateSecret(deps_.random);
  int64_t now = deps_.clock.NowUnixMillis();
  out.previous_valid_until_ms = grace_s > 0 ? now + grace_s * 1000 : 0;
  c.previous_secret_hash = grace_s > 0 ? c.secret_hash : std::string();
  c.previous_secret_expires_ms = out.previous_valid_until_ms;
  c.secret_hash = deps_.hasher.Hash(out.secret);
  c.secret_sealed = deps_.sealer.Seal(out.secret, deps_.random);
  c.updated_ms = now;
  MUSTER_RETURN_IF_ERROR(deps_.store.UpdateClient(c));
  Audit(actor, "client.rotate_secret", client_id, "grace_s=" + std::to_string(grace_s));
  Changed();
  return out;
}

Result<std::string> PlatformService::RevealClientSecret(const storage::Client& client) {
  return deps_.sealer.Open(client.secret_sealed);
}

}  // namespace muster::admin
