#pragma once

// LearnerFixture: a migrated SQLite database with two demo schools' rosters (Millbrook
// Primary and Ashcombe Academy from the `s` demo plan, generated for 25 November 2026) at
// two sites, and the roster store that is also their LearnerStore; a fake clock at that
// date. For the DeX and provisioning services' and routes' unit tests. Header-only; link
// muster_storage_sqlite_roster and muster_roster_generator.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "roster/generator/plan.h"
#include "roster/generator/school_generator.h"
#include "storage/sqlite/sqlite_roster_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/fake_clock.h"
#include "tests/support/temp_dir.h"

namespace muster::testing {

class LearnerFixture {
 public:
  // 2026-11-25T12:00:00Z.
  static constexpr int64_t kNow = 1795608000;

  LearnerFixture() {
    const std::string path = dir_.File("muster.db");
    auto platform = storage::sqlite::SqliteStore::Open(path, {});
    EXPECT_TRUE(platform.ok());
    platform_ = std::move(platform).value();
    EXPECT_TRUE(platform_->Migrate().ok());
    auto store = storage::sqlite::SqliteRosterStore::Open(path, {}, clock_);
    EXPECT_TRUE(store.ok());
    store_ = std::move(store).value();
    const auto plan = roster::generator::PlanDataset(roster::generator::DemoSize::kS, 1);
    const auto calendar = roster::generator::CalendarFor({2026, 11, 25});
    for (size_t i = 0; i < 2; ++i) {
      storage::Site site;
      site.organisation_id = plan.schools[i].organisation_id;
      site.name = plan.schools[i].name;
      site.dfe_code = plan.schools[i].dfe_code;
      site.urn = plan.schools[i].urn;
      site.la_code = std::to_string(plan.schools[i].la_code);
      auto id = platform_->CreateSite(site);
      EXPECT_TRUE(id.ok());
      site.id = id.ok() ? *id : 0;
      sites_[i] = site;
      rosters_[i] = roster::generator::GenerateSchool(plan.schools[i], nullptr, calendar, site.id);
      const auto& r = rosters_[i];
      Status s = store_->InTransaction([&]() -> Status {
        MUSTER_RETURN_IF_ERROR(store_->PutOrgs(r.orgs));
        MUSTER_RETURN_IF_ERROR(store_->PutClasses(r.classes));
        MUSTER_RETURN_IF_ERROR(store_->PutUsers(r.users));
        MUSTER_RETURN_IF_ERROR(store_->PutDemographics(r.demographics));
        return store_->PutEnrollments(r.enrollments);
      });
      EXPECT_TRUE(s.ok());
    }
  }

  storage::sqlite::SqliteRosterStore& store() { return *store_; }
  FakeClock& clock() { return clock_; }
  // 0 = Millbrook Primary School, 1 = Ashcombe Academy.
  const storage::Site& site(size_t i) const { return sites_[i]; }
  roster::RosterScope scope(size_t i) const { return {sites_[i].id}; }
  const roster::generator::SchoolRoster& roster(size_t i) const { return rosters_[i]; }

 private:
  TempDir dir_;  // outlives the stores
  FakeClock clock_{kNow};
  std::unique_ptr<storage::sqlite::SqliteStore> platform_;
  std::unique_ptr<storage::sqlite::SqliteRosterStore> store_;
  storage::Site sites_[2];
  roster::generator::SchoolRoster rosters_[2];
};

}  // namespace muster::testing
