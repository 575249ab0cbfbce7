#pragma once

// The storage contract: one GoogleTest suite that every Store backend must pass, so that
// SQLite and PostgreSQL give the same answers. The tests live in store_contract_*.cc; a
// backend's test binary compiles those files and instantiates the suite with its factory:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
//                            testing::Values(StoreBackend{"sqlite", MakeSqliteHandle}),
//                            BackendName);
//
// Each test gets a fresh, empty store, migrated by the fixture. Beyond store.h the suite
// pins down: list order (by id; text ids byte-wise; signing keys by created_ms then kid;
// audit newest first), Update* leaving id and created_ms alone, kNotFound for updates and
// deletes of missing rows, which writes bump ConfigVersion, and that a nested InTransaction
// joins the outer one but, if it fails, undoes only its own writes.

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <tuple>

#include "core/result.h"
#include "storage/store.h"

namespace muster::storage::contract {

// A store under test and whatever keeps it alive (a temporary directory, a schema).
class StoreHandle {
 public:
  virtual ~StoreHandle() = default;
  virtual Store& store() = 0;
};

struct StoreBackend {
  std::string name;  // the test-name suffix: letters, digits and '_'
  // A fresh, empty, not yet migrated store; nullptr (after a gtest failure) if impossible.
  std::function<std::unique_ptr<StoreHandle>()> make;
};

std::string BackendName(const testing::TestParamInfo<StoreBackend>& info);

// Assertions on Result<T>: ASSERT_TRUE(IsOk(r)), EXPECT_TRUE(FailsWith(r, kNotFound)).
// Failures print the error's code, message and internal text.
template <typename T>
testing::AssertionResult IsOk(const Result<T>& r) {
  if (r.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << ErrorCodeName(r.error().code) << ": " << r.error().message
                                     << " [" << r.error().internal << "]";
}
template <typename T>
testing::AssertionResult FailsWith(const Result<T>& r, ErrorCode code) {
  if (r.ok()) return testing::AssertionFailure() << "succeeded; wanted " << ErrorCodeName(code);
  if (r.error().code == code) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "failed with " << ErrorCodeName(r.error().code) << " ["
                                     << r.error().internal << "]; wanted " << ErrorCodeName(code);
}

// Every field of a record as a tuple, so EXPECT_EQ compares all and prints each.
inline auto Fields(const Vendor& v) { return std::tie(v.id, v.name, v.created_ms); }
inline auto Fields(const SubscriptionKey& k) {
  return std::tie(k.vendor_id, k.slot, k.key_hash, k.key_sealed, k.rotated_ms);
}
inline auto Fields(const Application& a) {
  return std::tie(a.id, a.vendor_id, a.name, a.description, a.icon_url, a.target_url, a.privacy_url,
                  a.gdpr_summary, a.support_url, a.requires_approval, a.requested_scopes,
                  a.created_ms, a.updated_ms);
}
inline auto Fields(const Site& s) {
  return std::tie(s.id, s.organisation_id, s.name, s.dfe_code, s.urn, s.deni_number, s.la_code,
                  s.phase, s.created_ms);
}
inline auto Fields(const Install& i) {
  return std::tie(i.id, i.site_id, i.application_id, i.status, i.consent_receipt, i.created_ms,
                  i.updated_ms, i.approved_ms);
}
inline auto Fields(const Client& c) {
  return std::tie(c.id, c.client_id, c.kind, c.vendor_id, c.application_id, c.site_id,
                  c.secret_hash, c.secret_sealed, c.previous_secret_hash,
                  c.previous_secret_expires_ms, c.scopes, c.description, c.enabled, c.created_ms,
                  c.updated_ms);
}
inline auto Fields(const SigningKey& k) {
  return std::tie(k.kid, k.alg, k.state, k.private_key_sealed, k.certificate_pem, k.created_ms,
                  k.activates_ms, k.retired_ms, k.remove_after_ms);
}
inline auto Fields(const RevokedToken& t) { return std::tie(t.jti, t.expires_ms); }
inline auto Fields(const AuditEvent& e) {
  return std::tie(e.id, e.at_ms, e.actor, e.action, e.target, e.outcome, e.detail, e.request_id);
}
inline auto Fields(const Account& a) {
  return std::tie(a.id, a.role, a.username, a.password_hash, a.vendor_id, a.site_id,
                  a.failed_logins, a.locked_until_ms, a.created_ms);
}

// An upper-case GUID whose last group is `n`: Guid(7) = "00000000-0000-4000-8000-000000000007".
std::string Guid(int n);

// Records with every field set to a distinctive value derived from the arguments (ids are
// not set: the store assigns them).
Vendor MakeVendor(const std::string& id);
SubscriptionKey MakeSubscriptionKey(const std::string& vendor_id, const std::string& slot);
Application MakeApplication(const std::string& id, const std::string& vendor_id);
Site MakeSite(const std::string& organisation_id);
Install MakeInstall(int64_t site_id, const std::string& application_id);
Client MakeSchoolClient(const std::string& client_id, const std::string& vendor_id,
                        const std::string& application_id, int64_t site_id);
Client MakeManagementClient(const std::string& client_id, const std::string& vendor_id);
SigningKey MakeSigningKey(const std::string& kid, int64_t created_ms);
AuditEvent MakeAudit(int64_t at_ms, const std::string& actor, const std::string& target);
Account MakeAccount(const std::string& username);

class StoreContract : public testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override;  // makes the store and migrates it
  Store& store() { return handle_->store(); }

  // A vendor, its application and a site with the application installed: the parents a
  // school client needs. `n` keeps the ids of several fixtures apart.
  struct Installed {
    std::string vendor_id;
    std::string application_id;
    int64_t site_id = 0;
  };
  Installed SeedInstall(int n);

  // The current ConfigVersion (a test failure, and -1, if it cannot be read).
  int64_t Version();

 private:
  std::unique_ptr<StoreHandle> handle_;
};

}  // namespace muster::storage::contract
