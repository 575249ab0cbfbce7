// SqliteRosterStore as a LearnerStore: the learner contract on SQLite, plus what only SQLite
// has: a database migrated from before 0003 gets its projection when the store opens.

#include <gtest/gtest.h>

#include <cstdio>
#include <span>

#include "learner/contract/learner_store_contract.h"
#include "storage/sqlite/sqlite_roster_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_test_support.h"

namespace muster::storage::sqlite {
namespace {

class SqliteLearnerHandle final : public learner::contract::LearnerStoreHandle {
 public:
  static std::unique_ptr<learner::contract::LearnerStoreHandle> Make(const Clock& clock) {
    auto handle = std::make_unique<SqliteLearnerHandle>(clock);
    return handle->Open() ? std::move(handle) : nullptr;
  }
  explicit SqliteLearnerHandle(const Clock& clock) : clock_(clock) {}

  bool Open() {
    EXPECT_TRUE(dir_.ok());
    auto platform = SqliteStore::Open(path(), {});
    EXPECT_TRUE(platform.ok());
    if (!platform.ok()) return false;
    platform_ = std::move(platform).value();
    EXPECT_TRUE(platform_->Migrate().ok());
    return Reopen();
  }
  bool Reopen() {
    store_.reset();
    auto store = SqliteRosterStore::Open(path(), {}, clock_);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().internal);
    if (!store.ok()) return false;
    store_ = std::move(store).value();
    return true;
  }
  std::string path() const { return dir_.File("muster.db"); }

  roster::RosterStore& roster() override { return *store_; }
  learner::LearnerStore& learners() override { return *store_; }
  int64_t AddSite(const std::string& name) override {
    char organisation_id[48];
    std::snprintf(organisation_id, sizeof organisation_id, "00000000-0000-4000-8000-%012lld",
                  static_cast<long long>(++sites_));
    Site site;
    site.organisation_id = organisation_id;
    site.name = name;
    auto id = platform_->CreateSite(site);
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }

 private:
  const Clock& clock_;
  TempDir dir_;  // outlives the stores
  std::unique_ptr<SqliteStore> platform_;
  std::unique_ptr<SqliteRosterStore> store_;
  int64_t sites_ = 0;
};

// A database whose roster predates the projection (as migration 0003 leaves it; emptied by
// hand here) gets its projection when the store opens.
TEST(SqliteLearnerStoreTest, OpenBackfillsAMissingProjection) {
  muster::testing::FakeClock clock;
  SqliteLearnerHandle h(clock);
  ASSERT_TRUE(h.Open());
  const int64_t site = h.AddSite("Old School");
  const std::string id = "1F0E2D3C-4B5A-4968-8776-655443322110";
  roster::User u{.site_id = site,
                 .sourced_id = id,
                 .username = "u",
                 .given_name = "Old",
                 .family_name = "Pupil",
                 .role = roster::Role::kStudent};
  ASSERT_TRUE(h.roster().PutUsers(std::span(&u, 1)).ok());
  EXPECT_EQ(RawQuery(h.path(), "DELETE FROM learner_people; SELECT count(*) FROM learner_people"),
            "0");
  EXPECT_FALSE(h.learners().GetLearner({site}, id).ok());
  ASSERT_TRUE(h.Reopen());
  auto back = h.learners().GetLearner({site}, id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->surname, "Pupil");
}

}  // namespace
}  // namespace muster::storage::sqlite

namespace muster::learner::contract {
namespace {

INSTANTIATE_TEST_SUITE_P(Sqlite, LearnerStoreContract,
                         ::testing::Values(LearnerBackend{
                             "sqlite", &storage::sqlite::SqliteLearnerHandle::Make}),
                         LearnerBackendName);

}  // namespace
}  // namespace muster::learner::contract
