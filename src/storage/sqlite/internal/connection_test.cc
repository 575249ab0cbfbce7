#include "storage/sqlite/internal/connection.h"

#include <gtest/gtest.h>

#include "storage/contract/store_contract.h"
#include "storage/sqlite/internal/errors.h"
#include "storage/sqlite/sqlite_test_support.h"

namespace muster::storage::sqlite::internal {
namespace {

using contract::FailsWith;
using contract::IsOk;

constexpr char kCreate[] =
    "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, ref INTEGER, flag INTEGER)";
constexpr char kInsert[] = "INSERT INTO t (name, ref, flag) VALUES (?, ?, ?)";
constexpr char kSelect[] = "SELECT name, ref, flag, ref IS NULL, name IS NULL FROM t ORDER BY id";
constexpr char kOneParam[] = "SELECT ?";
constexpr char kJournalMode[] = "PRAGMA journal_mode";

class ConnectionTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    auto c = Connection::Open(dir_.File("t.db"), {});
    ASSERT_TRUE(IsOk(c));
    c_ = std::move(c).value();
    ASSERT_TRUE(IsOk(c_->Exec(kCreate)));
  }
  Status Insert(std::string_view name, int64_t ref, bool flag) {
    MUSTER_ASSIGN_OR_RETURN(Statement st, c_->Prepare(kInsert));
    st.BindTextOrNull(name).BindIdOrNull(ref).BindBool(flag);
    return st.Run();
  }

  TempDir dir_;
  std::unique_ptr<Connection> c_;
};

TEST_F(ConnectionTest, WriterIsInWalMode) { EXPECT_EQ(c_->QueryText(kJournalMode).value(), "wal"); }

TEST_F(ConnectionTest, BindsNullForUnsetValuesAndReadsThemBackEmpty) {
  ASSERT_TRUE(IsOk(Insert("a", 7, true)));
  ASSERT_TRUE(IsOk(Insert("", 0, false)));
  auto st = c_->Prepare(kSelect);
  ASSERT_TRUE(IsOk(st));
  ASSERT_TRUE(st->Step().value());
  EXPECT_EQ(st->Text(0), "a");
  EXPECT_EQ(st->Int(1), 7);
  EXPECT_TRUE(st->Bool(2));
  EXPECT_FALSE(st->Bool(3));
  ASSERT_TRUE(st->Step().value());
  EXPECT_EQ(st->Text(0), "");
  EXPECT_EQ(st->Int(1), 0);
  EXPECT_FALSE(st->Bool(2));
  EXPECT_TRUE(st->Bool(3));
  EXPECT_TRUE(st->Bool(4));
  EXPECT_FALSE(st->Step().value());
}

TEST_F(ConnectionTest, CachedStatementsAreResetAndReusable) {
  for (int i = 0; i < 3; ++i) {
    auto st = c_->Prepare(kOneParam);
    ASSERT_TRUE(IsOk(st));
    st->BindInt(i);
    ASSERT_TRUE(st->Step().value());
    EXPECT_EQ(st->Int(0), i);
    // Not stepped to the end: the destructor resets it for the next use.
  }
}

TEST_F(ConnectionTest, TextKeepsEmbeddedNulsAndUtf8) {
  const std::string value("caf\xc3\xa9\0x", 7);
  auto st = c_->Prepare(kOneParam);
  ASSERT_TRUE(IsOk(st));
  st->BindText(value);
  ASSERT_TRUE(st->Step().value());
  EXPECT_EQ(st->Text(0), value);
}

// How many statements the connection holds prepared.
size_t Prepared(const Connection& c) {
  size_t n = 0;
  for (sqlite3_stmt* st = nullptr; (st = sqlite3_next_stmt(c.handle(), st)) != nullptr;) ++n;
  return n;
}

TEST_F(ConnectionTest, DynamicStatementsAreCachedByTextAndBounded) {
  const size_t before = Prepared(*c_);
  const std::string sql = "SELECT ?, 'a'";
  {
    auto st = c_->PrepareDynamic(sql);
    ASSERT_TRUE(IsOk(st));
    st->BindDouble(1.5);
    ASSERT_TRUE(st->Step().value());
    EXPECT_EQ(st->Text(0), "1.5");
    EXPECT_EQ(st->Bytes(1), "a");
  }
  auto again = c_->PrepareDynamic(sql);  // reset and returned, not prepared anew
  ASSERT_TRUE(IsOk(again));
  again->BindNull();
  ASSERT_TRUE(again->Step().value());
  EXPECT_EQ(again->Bytes(0), "");
  EXPECT_EQ(Prepared(*c_), before + 1);
  // Beyond the bound, the idle ones are dropped; the borrowed one stays usable.
  for (size_t i = 0; i < 2 * Connection::kMaxDynamic; ++i) {
    auto st = c_->PrepareDynamic("SELECT " + std::to_string(i));
    ASSERT_TRUE(IsOk(st));
    ASSERT_TRUE(st->Step().value());
    EXPECT_EQ(st->Int(0), static_cast<int64_t>(i));
  }
  EXPECT_FALSE(again->Step().value());
  EXPECT_LE(Prepared(*c_), before + Connection::kMaxDynamic);
  EXPECT_TRUE(FailsWith(c_->PrepareDynamic("SELECT * FROM missing"), ErrorCode::kInternal));
}

TEST_F(ConnectionTest, BlobsRoundTripWithTheirBytes) {
  const std::string bytes("\x01\0\xff,x", 5);
  auto st = c_->Prepare(kOneParam);
  ASSERT_TRUE(IsOk(st));
  st->BindBlob(bytes);
  ASSERT_TRUE(st->Step().value());
  EXPECT_EQ(st->Bytes(0), bytes);
}

TEST_F(ConnectionTest, BindErrorsSurfaceAtStep) {
  auto st = c_->Prepare(kOneParam);
  ASSERT_TRUE(IsOk(st));
  st->BindInt(1).BindInt(2);  // one parameter too many
  EXPECT_TRUE(FailsWith(st->Step(), ErrorCode::kInternal));
}

TEST_F(ConnectionTest, MapsConstraintViolations) {
  ASSERT_TRUE(IsOk(Insert("a", 1, true)));
  Status dup = Insert("a", 2, true);
  ASSERT_TRUE(FailsWith(dup, ErrorCode::kConflict));
  EXPECT_EQ(dup.error().reason, "conflict");
  EXPECT_NE(dup.error().internal.find("UNIQUE"), std::string::npos);
  EXPECT_TRUE(FailsWith(c_->Exec("SELECT * FROM missing"), ErrorCode::kInternal));
}

TEST(SqliteErrorTest, MapsCodes) {
  EXPECT_EQ(SqliteError(nullptr, SQLITE_CONSTRAINT_PRIMARYKEY, "x").code, ErrorCode::kConflict);
  EXPECT_EQ(SqliteError(nullptr, SQLITE_CONSTRAINT_ROWID, "x").code, ErrorCode::kConflict);
  EXPECT_EQ(SqliteError(nullptr, SQLITE_CONSTRAINT_FOREIGNKEY, "x").code, ErrorCode::kInternal);
  EXPECT_EQ(SqliteError(nullptr, SQLITE_BUSY_SNAPSHOT, "x").code, ErrorCode::kUnavailable);
  EXPECT_EQ(SqliteError(nullptr, SQLITE_IOERR, "x").code, ErrorCode::kInternal);
  Error e = SqliteError(nullptr, SQLITE_CORRUPT, "step");
  EXPECT_EQ(e.message, "storage error");
  EXPECT_NE(e.internal.find("sqlite step"), std::string::npos);
  EXPECT_EQ(NotFoundError("vendor").code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace muster::storage::sqlite::internal
