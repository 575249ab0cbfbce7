#include "storage/contract/store_contract.h"

#include <cstdio>

namespace muster::storage::contract {

std::string BackendName(const testing::TestParamInfo<StoreBackend>& info) {
  return info.param.name;
}

std::string Guid(int n) {
  char buffer[40];
  std::snprintf(buffer, sizeof(buffer), "00000000-0000-4000-8000-%012d", n);
  return buffer;
}

void StoreContract::SetUp() {
  handle_ = GetParam().make();
  ASSERT_NE(handle_, nullptr) << "backend " << GetParam().name << " made no store";
  ASSERT_TRUE(IsOk(store().Migrate()));
}

Vendor MakeVendor(const std::string& id) {
  return Vendor{.id = id, .name = "Vendor " + id, .created_ms = 1'700'000'000'001};
}

SubscriptionKey MakeSubscriptionKey(const std::string& vendor_id, const std::string& slot) {
  return SubscriptionKey{.vendor_id = vendor_id,
                         .slot = slot,
                         .key_hash = "hash-" + slot + "-" + vendor_id,
                         .key_sealed = "sealed-" + slot,
                         .rotated_ms = 1'700'000'000'002};
}

Application MakeApplication(const std::string& id, const std::string& vendor_id) {
  return Application{.id = id,
                     .vendor_id = vendor_id,
                     .name = "App " + id,
                     .description = "Reads the register",
                     .icon_url = "https://example.test/icon.png",
                     .target_url = "https://example.test/launch",
                     .privacy_url = "https://example.test/privacy",
                     .gdpr_summary = "Names and classes",
                     .support_url = "https://example.test/help",
                     .requires_approval = false,
                     .requested_scopes = "roster-core.readonly roster.readonly",
                     .created_ms = 1'700'000'000'003,
                     .updated_ms = 1'700'000'000'004};
}

Site MakeSite(const std::string& organisation_id) {
  return Site{.id = 0,
              .organisation_id = organisation_id,
              .name = "School " + organisation_id.substr(organisation_id.size() - 4),
              .dfe_code = "8234567",
              .urn = "123456",
              .deni_number = "",
              .la_code = "823",
              .phase = "primary",
              .created_ms = 1'700'000'000'005};
}

Install MakeInstall(int64_t site_id, const std::string& application_id) {
  return Install{.id = 0,
                 .site_id = site_id,
                 .application_id = application_id,
                 .status = InstallStatus::kPending,
                 .consent_receipt = R"({"by":"head","scopes":["roster"]})",
                 .created_ms = 1'700'000'000'006,
                 .updated_ms = 1'700'000'000'007,
                 .approved_ms = 0};
}

Client MakeSchoolClient(const std::string& client_id, const std::string& vendor_id,
                        const std::string& application_id, int64_t site_id) {
  return Client{.id = 0,
                .client_id = client_id,
                .kind = ClientKind::kOneRoster,
                .vendor_id = vendor_id,
                .application_id = application_id,
                .site_id = site_id,
                .secret_hash = "ab12",
                .secret_sealed = "sealed-secret",
                .previous_secret_hash = "cd34",
                .previous_secret_expires_ms = 1'700'000'100'000,
                .scopes = "roster-core.readonly",
                .description = "OneRoster client",
                .enabled = true,
                .created_ms = 1'700'000'000'008,
                .updated_ms = 1'700'000'000'009};
}

Client MakeManagementClient(const std::string& client_id, const std::string& vendor_id) {
  Client c = MakeSchoolClient(client_id, vendor_id, "", 0);
  c.kind = ClientKind::kManagement;
  c.previous_secret_hash = "";
  c.previous_secret_expires_ms = 0;
  c.description = "partner API";
  return c;
}

SigningKey MakeSigningKey(const std::string& kid, int64_t created_ms) {
  return SigningKey{.kid = kid,
                    .alg = "ES256",
                    .state = KeyState::kNext,
                    .private_key_sealed = "sealed-pkcs8-" + kid,
                    .certificate_pem = "-----BEGIN CERTIFICATE-----\n...",
                    .created_ms = created_ms,
                    .activates_ms = created_ms + 1000,
                    .retired_ms = 0,
                    .remove_after_ms = 0};
}

AuditEvent MakeAudit(int64_t at_ms, const std::string& actor, const std::string& target) {
  return AuditEvent{.id = 0,
                    .at_ms = at_ms,
                    .actor = actor,
                    .action = "token.issue",
                    .target = target,
                    .outcome = "ok",
                    .detail = "scope=roster",
                    .request_id = "req-" + std::to_string(at_ms)};
}

Account MakeAccount(const std::string& username) {
  return Account{.id = 0,
                 .role = AccountRole::kOperator,
                 .username = username,
                 .password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
                 .vendor_id = "",
                 .site_id = 0,
                 .failed_logins = 0,
                 .locked_until_ms = 0,
                 .created_ms = 1'700'000'000'010};
}

StoreContract::Installed StoreContract::SeedInstall(int n) {
  Installed out{.vendor_id = Guid(1000 + n), .application_id = Guid(2000 + n), .site_id = 0};
  EXPECT_TRUE(IsOk(store().CreateVendor(MakeVendor(out.vendor_id))));
  EXPECT_TRUE(IsOk(store().CreateApplication(MakeApplication(out.application_id, out.vendor_id))));
  Result<int64_t> site = store().CreateSite(MakeSite(Guid(3000 + n)));
  EXPECT_TRUE(IsOk(site));
  if (!site.ok()) return out;
  out.site_id = *site;
  EXPECT_TRUE(IsOk(store().PutInstall(MakeInstall(out.site_id, out.application_id))));
  return out;
}

int64_t StoreContract::Version() {
  Result<int64_t> v = store().ConfigVersion();
  EXPECT_TRUE(IsOk(v));
  return v.ok() ? *v : -1;
}

}  // namespace muster::storage::contract
