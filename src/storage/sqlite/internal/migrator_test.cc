#include "storage/sqlite/internal/migrator.h"

#include <gtest/gtest.h>

#include "storage/contract/store_contract.h"
#include "storage/sqlite/sqlite_test_support.h"

namespace muster::storage::sqlite::internal {
namespace {

using contract::FailsWith;
using contract::IsOk;

constexpr EmbeddedMigration kGood[] = {
    {1, "one", "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);"},
    {2, "two", "CREATE TABLE b (y INTEGER);"},
};
// The second statement fails: the first must not survive.
constexpr EmbeddedMigration kBroken[] = {
    {1, "one", "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);"},
    {2, "two", "CREATE TABLE b (y INTEGER);"},
    {3, "bad", "CREATE TABLE c (z INTEGER); INSERT INTO nowhere VALUES (1);"},
};

class MigratorTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    auto c = Connection::Open(dir_.File("m.db"), {});
    ASSERT_TRUE(IsOk(c));
    c_ = std::move(c).value();
  }
  std::string Raw(const std::string& sql) { return RawQuery(dir_.File("m.db"), sql); }

  TempDir dir_;
  std::unique_ptr<Connection> c_;
};

TEST_F(MigratorTest, FreshDatabaseIsVersionZero) { EXPECT_EQ(ReadSchemaVersion(*c_).value(), 0); }

TEST_F(MigratorTest, AppliesInOrderOnce) {
  ASSERT_TRUE(IsOk(ApplyMigrations(*c_, kGood)));
  EXPECT_EQ(ReadSchemaVersion(*c_).value(), 2);
  ASSERT_TRUE(IsOk(ApplyMigrations(*c_, kGood)));
  EXPECT_EQ(Raw("SELECT count(*) FROM a"), "1");  // not inserted twice
  EXPECT_EQ(Raw("SELECT group_concat(name) FROM schema_migrations"), "one,two");
}

TEST_F(MigratorTest, AppliesOnlyTheNewOnes) {
  ASSERT_TRUE(IsOk(ApplyMigrations(*c_, std::span(kGood).first(1))));
  EXPECT_EQ(ReadSchemaVersion(*c_).value(), 1);
  ASSERT_TRUE(IsOk(ApplyMigrations(*c_, kGood)));
  EXPECT_EQ(ReadSchemaVersion(*c_).value(), 2);
}

TEST_F(MigratorTest, AFailedMigrationLeavesThePreviousVersion) {
  Status s = ApplyMigrations(*c_, kBroken);
  ASSERT_TRUE(FailsWith(s, ErrorCode::kInternal));
  EXPECT_NE(s.error().internal.find("migration 3_bad"), std::string::npos) << s.error().internal;
  EXPECT_EQ(ReadSchemaVersion(*c_).value(), 2);
  EXPECT_EQ(Raw("SELECT count(*) FROM sqlite_schema WHERE name = 'c'"), "0");
  EXPECT_FALSE(c_->InTransaction());
}

TEST_F(MigratorTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(IsOk(ApplyMigrations(*c_, kGood)));
  EXPECT_TRUE(FailsWith(ApplyMigrations(*c_, std::span(kGood).first(1)), ErrorCode::kInternal));
}

}  // namespace
}  // namespace muster::storage::sqlite::internal
