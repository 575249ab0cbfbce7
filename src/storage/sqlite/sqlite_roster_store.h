#pragma once

// SqliteRosterStore: the SQLite implementation of roster::RosterStore, on the same database
// file as SqliteStore (its tables come from migration 0002_roster.sql, applied by
// SqliteStore::Migrate(); Open() refuses a database that lacks them).
//
// It keeps its own connections (one writer, pooled readers) in the same WAL file, so its
// transactions are separate from SqliteStore's: never call one store's InTransaction from
// inside the other's (the second writer would wait for the first until busy_timeout_ms and
// fail with kUnavailable). Roster rows reference platform sites (foreign key on site_id), so
// a site must exist before its roster is written.
//
// Reads: the list SQL is assembled per call from fixed per-listing fragments (see
// sqlite_roster_sql.h) and the compiled query's WHERE/ORDER BY (catalog columns and `?`
// placeholders only), then prepared without caching; the parent check, the page and the count
// run in one read transaction, so the total matches the page. Single-object reads and all
// writes use cached prepared statements.
//
// Thread-safety: every method may be called from any thread. Ownership: owns its
// connections; borrows `clock`, which must outlive the store.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "oneroster/query/dialect.h"
#include "roster/roster_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace muster::storage::sqlite {

namespace internal {
class Database;
}  // namespace internal

class SqliteRosterStore final : public roster::RosterStore {
 public:
  // Opens the database at `path` (a migrated Muster database: see SqliteStore). kInternal
  // when the roster tables are missing.
  static Result<std::unique_ptr<SqliteRosterStore>> Open(const std::string& path,
                                                         const SqliteOptions& options,
                                                         const Clock& clock);
  ~SqliteRosterStore() override;
  SqliteRosterStore(const SqliteRosterStore&) = delete;
  SqliteRosterStore& operator=(const SqliteRosterStore&) = delete;

  const oneroster::query::Dialect& QueryDialect() const override { return dialect_; }
  Result<roster::Page> List(const roster::RosterScope& scope, const roster::ListTarget& target,
                            const oneroster::query::CompiledQuery& query,
                            const roster::ReadOptions& options) override;
  Result<roster::StoredObject> Get(const roster::RosterScope& scope, roster::ObjectKind kind,
                                   std::string_view sourced_id) override;

  Status InTransaction(const std::function<Status()>& fn) override;
  Status PutOrgs(std::span<const roster::Org> records) override;
  Status PutAcademicSessions(std::span<const roster::AcademicSession> records) override;
  Status PutCourses(std::span<const roster::Course> records) override;
  Status PutClasses(std::span<const roster::Class> records) override;
  Status PutUsers(std::span<const roster::User> records) override;
  Status PutEnrollments(std::span<const roster::Enrollment> records) override;
  Status PutDemographics(std::span<const roster::Demographics> records) override;
  Status PutResources(std::span<const roster::Resource> records) override;
  Result<int64_t> Tombstone(const roster::RosterScope& scope, roster::Entity entity,
                            std::span<const std::string> sourced_ids) override;
  Result<int64_t> PurgeTombstones() override;
  Status Optimize() override;
  Status DeleteSiteRoster(const roster::RosterScope& scope) override;

 private:
  SqliteRosterStore(std::unique_ptr<internal::Database> db, const Clock& clock);

  // The dateLastModified for the rows of one write: the clock, but never earlier than a
  // stamp this store already wrote.
  int64_t Stamp();

  const std::unique_ptr<internal::Database> db_;
  const Clock& clock_;
  const oneroster::query::SqliteDialect dialect_;

  std::mutex stamp_mu_;
  int64_t last_stamp_ = 0;  // GUARDED_BY(stamp_mu_)
};

}  // namespace muster::storage::sqlite
