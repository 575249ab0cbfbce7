#include "storage/sqlite/sqlite_store.h"

#include <utility>

#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/migrations.h"
#include "storage/sqlite/internal/migrator.h"
#include "storage/sqlite/internal/query.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;

constexpr char kConfigVersion[] =
    "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'config_version'";
constexpr char kGetMeta[] = "SELECT value FROM meta WHERE key = ?";
constexpr char kSetMeta[] =
    "INSERT INTO meta (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const SqliteOptions& options) {
  MUSTER_ASSIGN_OR_RETURN(
      std::unique_ptr<internal::Database> db,
      internal::Database::Open(path, options.busy_timeout_ms, options.max_idle_readers));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(db)));
}

SqliteStore::SqliteStore(std::unique_ptr<internal::Database> db) : db_(std::move(db)) {}

SqliteStore::~SqliteStore() = default;

Status SqliteStore::Migrate() {
  if (db_->ActiveOnThisThread()) {
    return MakeError(ErrorCode::kInternal, "storage_error", "storage error",
                     "sqlite: Migrate() called inside InTransaction()");
  }
  return db_->Write(
      [](Connection& c) { return internal::ApplyMigrations(c, internal::SqliteMigrations()); });
}

Result<int> SqliteStore::SchemaVersion() {
  return db_->Read([](Connection& c) { return internal::ReadSchemaVersion(c); });
}

Status SqliteStore::InTransaction(const std::function<Status()>& fn) {
  return db_->Transaction(fn);
}

Result<int64_t> SqliteStore::ConfigVersion() {
  return db_->Read([](Connection& c) {
    return internal::QueryOne<int64_t>(
        c, kConfigVersion, internal::NoParams, [](const Statement& st) { return st.Int(0); },
        "config_version");
  });
}

Result<std::optional<std::string>> SqliteStore::GetMeta(const std::string& key) {
  return db_->Read([&](Connection& c) -> Result<std::optional<std::string>> {
    auto value = internal::QueryOne<std::string>(
        c, kGetMeta, [&](Statement& st) { st.BindText(key); },
        [](const Statement& st) { return st.Text(0); }, "meta");
    if (value.ok()) return std::optional<std::string>(std::move(value).value());
    if (value.error().code == ErrorCode::kNotFound) return std::optional<std::string>();
    return std::move(value).error();
  });
}

Status SqliteStore::SetMeta(const std::string& key, const std::string& value) {
  return db_->Write([&](Connection& c) {
    return internal::Execute(c, kSetMeta, [&](Statement& st) { st.BindText(key).BindText(value); });
  });
}

}  // namespace muster::storage::sqlite
