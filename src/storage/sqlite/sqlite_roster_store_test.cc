// SqliteRosterStore: the roster contract on SQLite, plus what only SQLite has: opening needs
// the migrated schema, and the list queries use the indexes (no full scans, no sort step for
// the default order).

#include "storage/sqlite/sqlite_roster_store.h"

#include <gtest/gtest.h>

#include <cstdio>
#include "roster/contract/roster_store_contract.h"

#include "roster/catalogs.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_test_support.h"

namespace muster::storage::sqlite {
namespace {

using roster::contract::IsOk;

class SqliteRosterHandle final : public roster::contract::RosterStoreHandle {
 public:
  static std::unique_ptr<roster::contract::RosterStoreHandle> Make(const Clock& clock) {
    auto handle = std::make_unique<SqliteRosterHandle>();
    EXPECT_TRUE(handle->dir_.ok());
    const std::string path = handle->dir_.File("muster.db");
    auto platform = SqliteStore::Open(path, {});
    EXPECT_TRUE(IsOk(platform));
    if (!platform.ok()) return nullptr;
    handle->platform_ = std::move(platform).value();
    EXPECT_TRUE(IsOk(handle->platform_->Migrate()));
    auto roster = SqliteRosterStore::Open(path, {}, clock);
    EXPECT_TRUE(IsOk(roster));
    if (!roster.ok()) return nullptr;
    handle->roster_ = std::move(roster).value();
    return handle;
  }
  roster::RosterStore& store() override { return *roster_; }
  int64_t AddSite(const std::string& name) override {
    char organisation_id[48];
    std::snprintf(organisation_id, sizeof organisation_id, "00000000-0000-4000-8000-%012lld",
                  static_cast<long long>(++sites_));
    Site site;
    site.organisation_id = organisation_id;
    site.name = name;
    auto id = platform_->CreateSite(site);
    EXPECT_TRUE(IsOk(id));
    return id.ok() ? *id : 0;
  }

 private:
  TempDir dir_;  // outlives the stores
  std::unique_ptr<SqliteStore> platform_;
  std::unique_ptr<SqliteRosterStore> roster_;
  int64_t sites_ = 0;
};

}  // namespace
}  // namespace muster::storage::sqlite

namespace muster::roster::contract {
namespace {

INSTANTIATE_TEST_SUITE_P(Sqlite, RosterStoreContract,
                         ::testing::Values(RosterBackend{
                             "sqlite", &storage::sqlite::SqliteRosterHandle::Make}),
                         RosterBackendName);

}  // namespace
}  // namespace muster::roster::contract

namespace muster::storage::sqlite {
namespace {

TEST(SqliteRosterStoreTest, OpenRefusesAnUnmigratedDatabase) {
  TempDir dir;
  ASSERT_TRUE(dir.ok());
  SystemClock clock;
  auto store = SqliteRosterStore::Open(dir.File("muster.db"), {}, clock);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kInternal);
}

// EXPLAIN QUERY PLAN of `sql` on a migrated database, one detail per line.
std::string Plan(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "error";
  }
  const std::string explain = "EXPLAIN QUERY PLAN " + sql;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, explain.c_str(), -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      out += reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
      out += "\n";
    }
  } else {
    out = std::string("error: ") + sqlite3_errmsg(db);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

TEST(SqliteRosterStoreTest, ListQueriesUseTheIndexes) {
  TempDir dir;
  ASSERT_TRUE(dir.ok());
  auto platform = SqliteStore::Open(dir.File("muster.db"), {});
  ASSERT_TRUE(IsOk(platform));
  ASSERT_TRUE(IsOk((*platform)->Migrate()));
  const std::string path = dir.File("muster.db");
  // The default page: one range of the clustered table, in key order, no sort step.
  std::string plan = Plan(path,
                          "SELECT e.body FROM roster_enrollments e WHERE e.site_id = 1 AND "
                          "e.status = 'active' ORDER BY e.sourced_id ASC LIMIT 100 OFFSET 0");
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  EXPECT_NE(plan.find("SEARCH e USING PRIMARY KEY (site_id=?)"), std::string::npos) << plan;
  // The total: index-only.
  plan = Plan(path,
              "SELECT count(*) FROM roster_enrollments e WHERE e.site_id = 1 AND e.status = "
              "'active'");
  EXPECT_NE(plan.find("COVERING INDEX roster_enrollments_status"), std::string::npos) << plan;
  // A delta: the (site_id, date_last_modified_ms) index.
  plan = Plan(path,
              "SELECT count(*) FROM roster_users u WHERE u.site_id = 1 AND "
              "u.date_last_modified_ms > 5");
  EXPECT_NE(plan.find("roster_users_modified"), std::string::npos) << plan;
  // A class's students: enrollments by class, users by key.
  plan = Plan(path,
              "SELECT u.body FROM roster_users u WHERE u.site_id = 1 AND u.status = 'active' AND "
              "u.sourced_id IN (SELECT e.user_sourced_id FROM roster_enrollments e WHERE "
              "e.site_id = 1 AND e.class_sourced_id = 'c' AND e.role = 'student' AND e.status = "
              "'active') ORDER BY u.sourced_id LIMIT 100");
  EXPECT_NE(plan.find("COVERING INDEX roster_enrollments_class"), std::string::npos) << plan;
  EXPECT_NE(plan.find("SEARCH u USING PRIMARY KEY (site_id=? AND sourced_id=?)"), std::string::npos)
      << plan;
  // A class's enrollments and a course's classes (key lookups from a covering index, as
  // sqlite_roster_store_sql.cc writes them), never a walk of the school's key range.
  plan = Plan(path,
              "SELECT e.body FROM roster_enrollments e WHERE e.site_id = 1 AND e.status = "
              "'active' AND e.sourced_id IN (SELECT ce.sourced_id FROM roster_enrollments ce "
              "WHERE ce.site_id = 1 AND ce.class_sourced_id = 'c' AND ce.school_sourced_id = "
              "'s') ORDER BY e.sourced_id LIMIT 100");
  EXPECT_NE(plan.find("COVERING INDEX roster_enrollments_class"), std::string::npos) << plan;
  EXPECT_NE(plan.find("SEARCH e USING PRIMARY KEY (site_id=? AND sourced_id=?)"), std::string::npos)
      << plan;
  plan = Plan(path,
              "SELECT c.body FROM roster_classes c WHERE c.site_id = 1 AND c.status = 'active' "
              "AND c.sourced_id IN (SELECT cc.sourced_id FROM roster_classes cc WHERE "
              "cc.site_id = 1 AND cc.course_sourced_id = 'x') ORDER BY c.sourced_id LIMIT 100");
  EXPECT_NE(plan.find("COVERING INDEX roster_classes_course"), std::string::npos) << plan;
  // A user's classes: enrollments by user, from the index alone.
  plan = Plan(path,
              "SELECT c.body FROM roster_classes c WHERE c.site_id = 1 AND c.status = 'active' "
              "AND c.sourced_id IN (SELECT e.class_sourced_id FROM roster_enrollments e WHERE "
              "e.site_id = 1 AND e.user_sourced_id = 'u' AND e.status = 'active' AND e.role = "
              "'student') ORDER BY c.sourced_id LIMIT 100");
  EXPECT_NE(plan.find("COVERING INDEX roster_enrollments_user"), std::string::npos) << plan;
  // A delta page as List() writes it (ORDER BY behind unary plus): the modified index, then a
  // sort of the few rows, never a walk of the whole site in key order.
  plan = Plan(path,
              "SELECT u.body FROM roster_users u WHERE u.site_id = 1 AND "
              "(u.date_last_modified_ms > 5) ORDER BY +u.sourced_id LIMIT 100 OFFSET 0");
  EXPECT_NE(plan.find("roster_users_modified"), std::string::npos) << plan;
}

// Totals are cached per reader connection until another connection commits: a write through
// a second store (another process, in production: `muster demo churn`) is seen at once.
TEST(SqliteRosterStoreTest, TotalsFollowCommitsOfOtherConnections) {
  TempDir dir;
  ASSERT_TRUE(dir.ok());
  const std::string path = dir.File("muster.db");
  auto platform = SqliteStore::Open(path, {});
  ASSERT_TRUE(IsOk(platform));
  ASSERT_TRUE(IsOk((*platform)->Migrate()));
  Site site;
  site.organisation_id = "00000000-0000-4000-8000-000000000001";
  site.name = "School";
  auto site_id = (*platform)->CreateSite(site);
  ASSERT_TRUE(IsOk(site_id));
  SystemClock clock;
  SqliteOptions one_reader;
  one_reader.max_idle_readers = 1;
  auto reader = SqliteRosterStore::Open(path, one_reader, clock);
  auto writer = SqliteRosterStore::Open(path, {}, clock);
  ASSERT_TRUE(IsOk(reader));
  ASSERT_TRUE(IsOk(writer));
  auto put = [&](const std::string& id) {
    roster::Org org;
    org.site_id = *site_id;
    org.sourced_id = id;
    org.name = id;
    org.identifier = id;
    org.type = roster::OrgType::kSchool;
    return (*writer)->PutOrgs(std::span<const roster::Org>(&org, 1));
  };
  auto total = [&]() -> int64_t {
    oneroster::query::Query q;
    auto compiled = oneroster::query::CompileQuery(q, roster::CatalogFor(roster::Entity::kOrg),
                                                   (*reader)->QueryDialect());
    EXPECT_TRUE(IsOk(compiled));
    auto page = (*reader)->List({*site_id}, {roster::Listing::kOrgs}, *compiled, {});
    EXPECT_TRUE(IsOk(page));
    return page.ok() ? page->total : -1;
  };
  ASSERT_TRUE(IsOk(put("a")));
  EXPECT_EQ(total(), 1);
  EXPECT_EQ(total(), 1);  // served from the cache
  ASSERT_TRUE(IsOk(put("b")));
  EXPECT_EQ(total(), 2);
  std::vector<std::string> gone{"a"};
  ASSERT_TRUE(IsOk((*writer)->Tombstone({*site_id}, roster::Entity::kOrg, gone)));
  EXPECT_EQ(total(), 1);
}

}  // namespace
}  // namespace muster::storage::sqlite
