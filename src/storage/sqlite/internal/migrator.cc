#include "storage/sqlite/internal/migrator.h"

#include <string>

namespace muster::storage::sqlite::internal {
namespace {

constexpr char kCreateMigrationsTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)";
constexpr char kMigrationsTableExists[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'";
constexpr char kMaxVersion[] = "SELECT coalesce(max(version), 0) FROM schema_migrations";
constexpr char kRecordMigration[] =
    "INSERT INTO schema_migrations (version, name, applied_ms) "
    "VALUES (?, ?, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))";
constexpr char kBegin[] = "BEGIN IMMEDIATE";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";

Result<int64_t> QueryInt(Connection& c, const char* sql) {
  MUSTER_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql));
  MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : 0;
}

Status RecordMigration(Connection& c, const EmbeddedMigration& m) {
  MUSTER_ASSIGN_OR_RETURN(Statement st, c.Prepare(kRecordMigration));
  st.BindInt(m.version).BindText(m.name);
  return st.Run();
}

// Applies `m` unless another process already did; the caller has begun the transaction.
Status ApplyInTransaction(Connection& c, const EmbeddedMigration& m) {
  MUSTER_ASSIGN_OR_RETURN(int64_t current, QueryInt(c, kMaxVersion));
  if (current >= m.version) return OkStatus();
  MUSTER_RETURN_IF_ERROR(c.Exec(m.sql));
  return RecordMigration(c, m);
}

Status ApplyOne(Connection& c, const EmbeddedMigration& m) {
  MUSTER_RETURN_IF_ERROR(c.Run(kBegin));
  Status status = ApplyInTransaction(c, m);
  if (status.ok()) status = c.Run(kCommit);
  if (!status.ok() && c.InTransaction()) (void)c.Run(kRollback);
  if (!status.ok()) {
    Error error = std::move(status).error();
    error.internal =
        "migration " + std::to_string(m.version) + "_" + m.name + ": " + error.internal;
    return error;
  }
  return OkStatus();
}

}  // namespace

Status ApplyMigrations(Connection& writer, std::span<const EmbeddedMigration> migrations) {
  MUSTER_RETURN_IF_ERROR(writer.Run(kCreateMigrationsTable));
  MUSTER_ASSIGN_OR_RETURN(int64_t current, QueryInt(writer, kMaxVersion));
  if (!migrations.empty() && current > migrations.back().version) {
    return MakeError(ErrorCode::kInternal, "storage_error", "storage error",
                     "sqlite: database schema version " + std::to_string(current) +
                         " is newer than this binary's " +
                         std::to_string(migrations.back().version));
  }
  for (const EmbeddedMigration& m : migrations) {
    if (m.version <= current) continue;
    MUSTER_RETURN_IF_ERROR(ApplyOne(writer, m));
  }
  return OkStatus();
}

Result<int> ReadSchemaVersion(Connection& c) {
  MUSTER_ASSIGN_OR_RETURN(int64_t exists, QueryInt(c, kMigrationsTableExists));
  if (exists == 0) return 0;
  MUSTER_ASSIGN_OR_RETURN(int64_t version, QueryInt(c, kMaxVersion));
  return static_cast<int>(version);
}

}  // namespace muster::storage::sqlite::internal
