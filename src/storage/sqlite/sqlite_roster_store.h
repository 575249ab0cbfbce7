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
// It is also the learner::LearnerStore: the learner projection (migrations 0003, 0005) lives
// in the same file and shares the writer, because it is rebuilt inside the roster's own write
// transactions. Every write that can change a site's projection (users, demographics,
// classes, enrollments, tombstones, DeleteSiteRoster) marks the site; the outermost
// transaction then rebuilds each marked site (learner::ProjectSite over its roster rows)
// before it commits (sqlite_learner_projection.cc), so readers never see the two disagree.
// A database with a roster but no projection (migrated to 0003, or to 0005, which recreates
// the tables) is backfilled by Open().
// Learner reads are in sqlite_learner_read.cc (DeX) and sqlite_learner_people.cc (provisioning).
//
// Thread-safety: every method may be called from any thread. Ownership: owns its
// connections; borrows `clock`, which must outlive the store.

#include <cstddef>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "core/clock.h"
#include "learner/learner_store.h"
#include "odata/query/dialect.h"
#include "oneroster/query/dialect.h"
#include "roster/roster_store.h"
#include "storage/sql_dialect.h"
#include "storage/sqlite/internal/count_cache.h"
#include "storage/sqlite/sqlite_store.h"

namespace muster::storage::sqlite {

namespace internal {
class Connection;
class Database;
}  // namespace internal

class SqliteRosterStore final : public roster::RosterStore, public learner::LearnerStore {
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
  Result<int64_t> Scan(const roster::RosterScope& scope, const roster::ListTarget& target,
                       const oneroster::query::CompiledQuery& query,
                       const roster::ReadOptions& options,
                       const roster::RowVisitor& visit) override;
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

  // learner::LearnerStore
  const odata::query::Dialect& ODataDialect() const override { return dialect_; }
  Result<learner::StoredPage> ListLearners(const roster::RosterScope& scope,
                                           const odata::query::CompiledQuery& query) override;
  Result<learner::StoredPage> ListGroupMembers(const roster::RosterScope& scope,
                                               std::string_view group_id,
                                               const odata::query::CompiledQuery& query) override;
  Result<learner::Person> GetLearner(const roster::RosterScope& scope,
                                     std::string_view external_id) override;
  Result<learner::StoredPage> ListGroups(const roster::RosterScope& scope,
                                         const odata::query::CompiledQuery& query) override;
  Result<learner::Group> GetGroup(const roster::RosterScope& scope,
                                  std::string_view external_id) override;
  Result<learner::PeoplePage> ListPeople(const roster::RosterScope& scope,
                                         const learner::PeopleQuery& query) override;

 private:
  SqliteRosterStore(std::unique_ptr<internal::Database> db, const Clock& clock);

  // The dateLastModified for the rows of one write: the clock, but never earlier than a
  // stamp this store already wrote.
  int64_t Stamp();

  // Runs `fn` (roster writes) in a transaction: its own when the thread has none, which then
  // rebuilds the projection of the sites `fn` marked before committing; else a savepoint of
  // the caller's (whose outermost transaction rebuilds them).
  Status ProjectedWrite(const std::function<Status()>& fn);
  // Marks a site whose projection must be rebuilt. Only inside a write transaction.
  void MarkChanged(int64_t site_id) { changed_sites_.insert(site_id); }
  // sqlite_learner_projection.cc: rebuilds every marked site, or one site, on the writer.
  Status RebuildChangedSites(internal::Connection& c);
  Status RebuildSite(internal::Connection& c, int64_t site_id);
  // Rebuilds every site's projection if there is a roster but no projection (a database
  // migrated from before 0003).
  Status BackfillProjection();

  const std::unique_ptr<internal::Database> db_;
  const Clock& clock_;
  const SqliteDialect dialect_;  // storage/sql_dialect.h: OneRoster's and OData's SQL
  // Sites whose projection the current write transaction changed. GUARDED_BY(the
  // database's writer lock): only touched inside Database::Transaction.
  std::set<int64_t> changed_sites_;
  internal::CountCache counts_;  // X-Total-Count of unchanged data (count_cache.h)

  std::mutex stamp_mu_;
  int64_t last_stamp_ = 0;  // GUARDED_BY(stamp_mu_)
};

}  // namespace muster::storage::sqlite
