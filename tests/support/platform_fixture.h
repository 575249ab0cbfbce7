#pragma once

// PlatformFixture: a real SQLite store in a temp directory with the platform services on
// top (fake clock, real crypto), and a helper that creates a vendor with an application
// installed at a school, for tests of the token path and the admin services.

#include <memory>
#include <string>

#include "admin/platform_service.h"
#include "auth/audit_sink.h"
#include "auth/client_registry.h"
#include "crypto/sealer.h"
#include "crypto/secret_hash.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"

namespace muster::testing {

struct SchoolSetup {
  std::string vendor_id;
  std::string application_id;
  storage::Site site;
  admin::ClientCreated dex;
  admin::ClientCreated oneroster;
  admin::ClientCreated management;
};

class PlatformFixture {
 public:
  PlatformFixture() : sealer_(std::string(32, 's')), hasher_(std::string(32, 'p')) {
    auto store = storage::sqlite::SqliteStore::Open(dir_.File("muster.db"), {});
    if (!store.ok()) std::abort();
    store_ = std::move(store).value();
    if (!store_->Migrate().ok()) std::abort();
    registry_ = std::make_unique<auth::ClientRegistry>(*store_);
    platform_ = std::make_unique<admin::PlatformService>(admin::AdminDeps{
        *store_, clock_, random_, sealer_, hasher_, [this] { (void)registry_->Reload(); }});
  }

  // A vendor, an application installed (with `status`) at a new school, and a DeX, a
  // OneRoster and a management client. `tag` keeps names and identifiers unique.
  SchoolSetup CreateSchool(const std::string& tag,
                           storage::InstallStatus status = storage::InstallStatus::kApproved,
                           const std::string& vendor_id = {}) {
    SchoolSetup s;
    if (vendor_id.empty()) {
      s.vendor_id = platform_->CreateVendor("Vendor " + tag, "test")->vendor.id;
    } else {
      s.vendor_id = vendor_id;
    }
    storage::Application app;
    app.vendor_id = s.vendor_id;
    app.name = "App " + tag;
    app.requires_approval = true;
    s.application_id = platform_->CreateApplication(app, "test")->id;
    storage::Site site;
    site.name = "School " + tag;
    s.site = *platform_->CreateSite(site, "test");
    (void)platform_->Install(s.site.id, s.application_id, "", "test");
    if (status != storage::InstallStatus::kPending) {
      (void)platform_->SetInstallStatus(s.site.id, s.application_id, status, "test");
    }
    admin::ClientDraft d;
    d.vendor_id = s.vendor_id;
    d.application_id = s.application_id;
    d.site_id = s.site.id;
    d.kind = storage::ClientKind::kDex;
    s.dex = *platform_->CreateClient(d, "test");
    d.kind = storage::ClientKind::kOneRoster;
    s.oneroster = *platform_->CreateClient(d, "test");
    admin::ClientDraft m;
    m.vendor_id = s.vendor_id;
    m.kind = storage::ClientKind::kManagement;
    s.management = *platform_->CreateClient(m, "test");
    return s;
  }

  TempDir dir_;
  FakeClock clock_;
  SystemRandom random_;
  crypto::Sealer sealer_;
  crypto::SecretHasher hasher_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<auth::ClientRegistry> registry_;
  std::unique_ptr<admin::PlatformService> platform_;
};

}  // namespace muster::testing
