// SqliteStore: the storage contract on SQLite, plus what only SQLite has (WAL, foreign keys
// as enforced by this schema, several processes on one file, embedded migrations).

#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "storage/contract/store_contract.h"
#include "storage/sqlite/internal/migrations.h"
#include "storage/sqlite/sqlite_test_support.h"

namespace muster::storage {
namespace contract {
namespace {

class SqliteHandle final : public StoreHandle {
 public:
  static std::unique_ptr<StoreHandle> Make() {
    auto handle = std::make_unique<SqliteHandle>();
    EXPECT_TRUE(handle->dir_.ok());
    auto store = sqlite::SqliteStore::Open(handle->dir_.File("muster.db"), {});
    EXPECT_TRUE(IsOk(store));
    if (!store.ok()) return nullptr;
    handle->store_ = std::move(store).value();
    return handle;
  }
  Store& store() override { return *store_; }

 private:
  sqlite::TempDir dir_;  // outlives store_
  std::unique_ptr<sqlite::SqliteStore> store_;
};

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
                         testing::Values(StoreBackend{"sqlite", &SqliteHandle::Make}), BackendName);

}  // namespace
}  // namespace contract

namespace sqlite {
namespace {

using contract::FailsWith;
using contract::Guid;
using contract::IsOk;
using contract::MakeApplication;
using contract::MakeInstall;
using contract::MakeSchoolClient;
using contract::MakeSigningKey;
using contract::MakeSite;

class SqliteStoreTest : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.ok()); }

  std::unique_ptr<SqliteStore> OpenMigrated() {
    auto store = SqliteStore::Open(path(), {});
    EXPECT_TRUE(IsOk(store));
    if (!store.ok()) return nullptr;
    EXPECT_TRUE(IsOk((*store)->Migrate()));
    return std::move(store).value();
  }
  std::string path() const { return dir_.File("muster.db"); }

  TempDir dir_;
};

TEST_F(SqliteStoreTest, RefusesAnInMemoryDatabase) {
  EXPECT_TRUE(FailsWith(SqliteStore::Open(":memory:", {}), ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(SqliteStore::Open("", {}), ErrorCode::kInvalidArgument));
}

TEST_F(SqliteStoreTest, OpenFailsForAMissingDirectory) {
  EXPECT_TRUE(FailsWith(SqliteStore::Open(dir_.File("no/such/dir.db"), {}), ErrorCode::kInternal));
}

TEST_F(SqliteStoreTest, UsesWalAndRecordsMigrations) {
  auto store = SqliteStore::Open(path(), {});
  ASSERT_TRUE(IsOk(store));
  EXPECT_EQ((*store)->SchemaVersion().value(), 0);
  ASSERT_TRUE(IsOk((*store)->Migrate()));
  const int newest = internal::SqliteMigrations().back().version;
  EXPECT_EQ((*store)->SchemaVersion().value(), newest);
  EXPECT_EQ(RawQuery(path(), "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(RawQuery(path(), "SELECT count(*) FROM schema_migrations"), std::to_string(newest));
  EXPECT_EQ(RawQuery(path(), "SELECT name FROM schema_migrations WHERE version = 1"), "platform");
}

TEST_F(SqliteStoreTest, EnforcesForeignKeys) {
  auto store = OpenMigrated();
  ASSERT_NE(store, nullptr);
  // An application of an unknown vendor; an install at an unknown site.
  EXPECT_TRUE(
      FailsWith(store->CreateApplication(MakeApplication(Guid(2), Guid(1))), ErrorCode::kInternal));
  ASSERT_TRUE(IsOk(store->CreateVendor({.id = Guid(1), .name = "V"})));
  ASSERT_TRUE(IsOk(store->CreateApplication(MakeApplication(Guid(2), Guid(1)))));
  EXPECT_TRUE(FailsWith(store->PutInstall(MakeInstall(77, Guid(2))), ErrorCode::kInternal));
  // A school client needs the install, not just the site and the application.
  Result<int64_t> site = store->CreateSite(MakeSite(Guid(3)));
  ASSERT_TRUE(IsOk(site));
  Client c = MakeSchoolClient("c", Guid(1), Guid(2), *site);
  EXPECT_TRUE(FailsWith(store->CreateClient(c), ErrorCode::kInternal));
  ASSERT_TRUE(IsOk(store->PutInstall(MakeInstall(*site, Guid(2)))));
  EXPECT_TRUE(IsOk(store->CreateClient(c)));
}

TEST_F(SqliteStoreTest, ErrorsKeepSqliteTextInternal) {
  auto store = OpenMigrated();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(IsOk(store->CreateVendor({.id = Guid(1), .name = "V"})));
  Status dup = store->CreateVendor({.id = Guid(1), .name = "V"});
  ASSERT_TRUE(FailsWith(dup, ErrorCode::kConflict));
  EXPECT_EQ(dup.error().message.find("vendors"), std::string::npos);
  EXPECT_NE(dup.error().internal.find("UNIQUE constraint failed: vendors.id"), std::string::npos)
      << dup.error().internal;
}

TEST_F(SqliteStoreTest, SecondInstanceSeesWritesAndConfigVersion) {
  auto a = OpenMigrated();
  auto b = OpenMigrated();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(IsOk(a->CreateVendor({.id = Guid(1), .name = "V"})));
  EXPECT_TRUE(IsOk(b->GetVendor(Guid(1))));
  EXPECT_EQ(a->ConfigVersion().value(), b->ConfigVersion().value());

  const int64_t before = a->ConfigVersion().value();
  ASSERT_TRUE(IsOk(b->PutSigningKey(MakeSigningKey("k", 1))));
  EXPECT_GT(a->ConfigVersion().value(), before);

  // A writer that is not a SqliteStore at all (e.g. the CLI's own tool) is seen too.
  const int64_t again = a->ConfigVersion().value();
  ASSERT_EQ(RawQuery(path(),
                     "PRAGMA foreign_keys = ON; "
                     "UPDATE vendors SET name = 'Renamed'; SELECT changes()"),
            "1");
  EXPECT_GT(a->ConfigVersion().value(), again);
  EXPECT_EQ(b->GetVendor(Guid(1))->name, "Renamed");
}

TEST_F(SqliteStoreTest, MigrateRefusesANewerDatabase) {
  auto store = OpenMigrated();
  ASSERT_NE(store, nullptr);
  ASSERT_EQ(RawQuery(path(), "INSERT INTO schema_migrations VALUES (9999, 'future', 0)"), "");
  EXPECT_TRUE(FailsWith(store->Migrate(), ErrorCode::kInternal));
  EXPECT_EQ(store->SchemaVersion().value(), 9999);
}

TEST_F(SqliteStoreTest, MigrateInsideATransactionIsRefused) {
  auto store = OpenMigrated();
  ASSERT_NE(store, nullptr);
  Status inner;
  ASSERT_TRUE(IsOk(store->InTransaction([&] {
    inner = store->Migrate();
    return OkStatus();
  })));
  EXPECT_TRUE(FailsWith(inner, ErrorCode::kInternal));
}

TEST_F(SqliteStoreTest, ExceptionInTransactionRollsBackAndRethrows) {
  auto store = OpenMigrated();
  ASSERT_NE(store, nullptr);
  EXPECT_THROW((void)store->InTransaction([&]() -> Status {
    EXPECT_TRUE(IsOk(store->CreateVendor({.id = Guid(1), .name = "V"})));
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_TRUE(FailsWith(store->GetVendor(Guid(1)), ErrorCode::kNotFound));
  // The writer lock was released and the thread no longer counts as inside a transaction.
  EXPECT_TRUE(IsOk(store->CreateVendor({.id = Guid(2), .name = "V"})));
  EXPECT_TRUE(IsOk(store->InTransaction([&] { return store->SetMeta("k", "v"); })));
}

}  // namespace
}  // namespace sqlite
}  // namespace muster::storage
