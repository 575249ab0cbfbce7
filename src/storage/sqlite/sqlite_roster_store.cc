// SqliteRosterStore: opening, transactions, the store's clock stamp, tombstones, purges.
// Reads are in sqlite_roster_store_read.cc, upserts in sqlite_roster_store_write*.cc.

#include "storage/sqlite/sqlite_roster_store.h"

#include <algorithm>
#include <string>
#include <utility>

#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/query.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;
using roster::Entity;

constexpr char kHasRosterTables[] =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
    "name IN ('roster_users', 'learner_people')";

#define MUSTER_TOMBSTONE(table)                             \
  "UPDATE " table                                           \
  " SET status = 'tobedeleted', date_last_modified_ms = ? " \
  "WHERE site_id = ? AND sourced_id = ? AND status = 'active'"
constexpr const char* kTombstone[] = {
    MUSTER_TOMBSTONE("roster_orgs"),         MUSTER_TOMBSTONE("roster_academic_sessions"),
    MUSTER_TOMBSTONE("roster_courses"),      MUSTER_TOMBSTONE("roster_classes"),
    MUSTER_TOMBSTONE("roster_users"),        MUSTER_TOMBSTONE("roster_enrollments"),
    MUSTER_TOMBSTONE("roster_demographics"), MUSTER_TOMBSTONE("roster_resources")};
#undef MUSTER_TOMBSTONE
constexpr char kTombstoneUserEnrollments[] =
    "UPDATE roster_enrollments SET status = 'tobedeleted', date_last_modified_ms = ? "
    "WHERE site_id = ? AND user_sourced_id = ? AND status = 'active'";
constexpr char kTombstoneClassEnrollments[] =
    "UPDATE roster_enrollments SET status = 'tobedeleted', date_last_modified_ms = ? "
    "WHERE site_id = ? AND class_sourced_id = ? AND status = 'active'";

#define MUSTER_PURGE(table) \
  "DELETE FROM " table " WHERE status = 'tobedeleted' AND date_last_modified_ms < ?"
constexpr const char* kPurge[] = {
    MUSTER_PURGE("roster_orgs"),         MUSTER_PURGE("roster_academic_sessions"),
    MUSTER_PURGE("roster_courses"),      MUSTER_PURGE("roster_classes"),
    MUSTER_PURGE("roster_users"),        MUSTER_PURGE("roster_enrollments"),
    MUSTER_PURGE("roster_demographics"), MUSTER_PURGE("roster_resources")};
#undef MUSTER_PURGE
// Link rows whose owner is gone. Run after a purge removed any owner.
constexpr const char* kPurgeLinks[] = {
    "DELETE FROM roster_class_terms WHERE NOT EXISTS (SELECT 1 FROM roster_classes c WHERE "
    "c.site_id = roster_class_terms.site_id AND c.sourced_id = "
    "roster_class_terms.class_sourced_id)",
    "DELETE FROM roster_class_resources WHERE NOT EXISTS (SELECT 1 FROM roster_classes c WHERE "
    "c.site_id = roster_class_resources.site_id AND "
    "c.sourced_id = roster_class_resources.class_sourced_id)",
    "DELETE FROM roster_course_resources WHERE NOT EXISTS (SELECT 1 FROM roster_courses co "
    "WHERE co.site_id = roster_course_resources.site_id AND "
    "co.sourced_id = roster_course_resources.course_sourced_id)",
    "DELETE FROM roster_user_orgs WHERE NOT EXISTS (SELECT 1 FROM roster_users u WHERE "
    "u.site_id = roster_user_orgs.site_id AND u.sourced_id = roster_user_orgs.user_sourced_id)"};

constexpr const char* kDeleteSite[] = {"DELETE FROM roster_orgs WHERE site_id = ?",
                                       "DELETE FROM roster_academic_sessions WHERE site_id = ?",
                                       "DELETE FROM roster_courses WHERE site_id = ?",
                                       "DELETE FROM roster_classes WHERE site_id = ?",
                                       "DELETE FROM roster_class_terms WHERE site_id = ?",
                                       "DELETE FROM roster_users WHERE site_id = ?",
                                       "DELETE FROM roster_user_orgs WHERE site_id = ?",
                                       "DELETE FROM roster_enrollments WHERE site_id = ?",
                                       "DELETE FROM roster_demographics WHERE site_id = ?",
                                       "DELETE FROM roster_resources WHERE site_id = ?",
                                       "DELETE FROM roster_class_resources WHERE site_id = ?",
                                       "DELETE FROM roster_course_resources WHERE site_id = ?"};

// Approximate statistics (a bounded sample per index): seconds, not minutes, on a big file.
constexpr char kAnalyze[] = "PRAGMA analysis_limit = 2000; ANALYZE";

Result<int64_t> ChangeWith(Connection& c, const char* sql, int64_t stamp, int64_t site_id,
                           const std::string& id) {
  return internal::Change(c, sql,
                          [&](Statement& st) { st.BindInt(stamp).BindInt(site_id).BindText(id); });
}

}  // namespace

Result<std::unique_ptr<SqliteRosterStore>> SqliteRosterStore::Open(const std::string& path,
                                                                   const SqliteOptions& options,
                                                                   const Clock& clock) {
  MUSTER_ASSIGN_OR_RETURN(
      std::unique_ptr<internal::Database> db,
      internal::Database::Open(path, options.busy_timeout_ms, options.max_idle_readers));
  MUSTER_ASSIGN_OR_RETURN(std::string tables,
                          db->Read([](Connection& c) { return c.QueryText(kHasRosterTables); }));
  if (tables != "2") {
    return MakeError(ErrorCode::kInternal, "storage_error", "storage error",
                     "sqlite: no roster tables in " + path + " (run SqliteStore::Migrate first)");
  }
  std::unique_ptr<SqliteRosterStore> store(new SqliteRosterStore(std::move(db), clock));
  MUSTER_RETURN_IF_ERROR(store->BackfillProjection());
  return store;
}

SqliteRosterStore::SqliteRosterStore(std::unique_ptr<internal::Database> db, const Clock& clock)
    : db_(std::move(db)), clock_(clock) {}

SqliteRosterStore::~SqliteRosterStore() = default;

Status SqliteRosterStore::InTransaction(const std::function<Status()>& fn) {
  return ProjectedWrite(fn);
}

Status SqliteRosterStore::ProjectedWrite(const std::function<Status()>& fn) {
  if (db_->ActiveOnThisThread()) return db_->Transaction(fn);
  return db_->Transaction([&]() -> Status {
    changed_sites_.clear();  // left over from a transaction that failed
    MUSTER_RETURN_IF_ERROR(fn());
    return db_->Write([&](Connection& c) { return RebuildChangedSites(c); });
  });
}

int64_t SqliteRosterStore::Stamp() {
  std::lock_guard<std::mutex> lock(stamp_mu_);
  last_stamp_ = std::max(last_stamp_, clock_.NowUnixMillis());
  return last_stamp_;
}

Result<int64_t> SqliteRosterStore::Tombstone(const roster::RosterScope& scope,
                                             roster::Entity entity,
                                             std::span<const std::string> sourced_ids) {
  const int64_t stamp = Stamp();
  int64_t changed = 0;
  Status s = ProjectedWrite([&]() -> Status {
    return db_->Write([&](Connection& c) -> Status {
      for (const std::string& id : sourced_ids) {
        MUSTER_ASSIGN_OR_RETURN(int64_t n, ChangeWith(c, kTombstone[static_cast<size_t>(entity)],
                                                      stamp, scope.site_id, id));
        changed += n;
        if (entity == Entity::kUser) {
          MUSTER_ASSIGN_OR_RETURN(
              n, ChangeWith(c, kTombstoneUserEnrollments, stamp, scope.site_id, id));
          changed += n;
          MUSTER_ASSIGN_OR_RETURN(
              n, ChangeWith(c, kTombstone[static_cast<size_t>(Entity::kDemographics)], stamp,
                            scope.site_id, id));
          changed += n;
        } else if (entity == Entity::kClass) {
          MUSTER_ASSIGN_OR_RETURN(
              n, ChangeWith(c, kTombstoneClassEnrollments, stamp, scope.site_id, id));
          changed += n;
        }
      }
      if (changed > 0) MarkChanged(scope.site_id);
      return OkStatus();
    });
  });
  MUSTER_RETURN_IF_ERROR(s);
  return changed;
}

Result<int64_t> SqliteRosterStore::PurgeTombstones() {
  const int64_t cutoff = clock_.NowUnixMillis() - roster::kTombstoneRetentionMs;
  int64_t purged = 0;
  Status s = db_->Transaction([&]() -> Status {
    return db_->Write([&](Connection& c) -> Status {
      for (const char* sql : kPurge) {
        MUSTER_ASSIGN_OR_RETURN(
            int64_t n, internal::Change(c, sql, [&](Statement& st) { st.BindInt(cutoff); }));
        purged += n;
      }
      if (purged == 0) return OkStatus();
      for (const char* sql : kPurgeLinks) {
        MUSTER_RETURN_IF_ERROR(internal::Execute(c, sql, internal::NoParams));
      }
      return OkStatus();
    });
  });
  MUSTER_RETURN_IF_ERROR(s);
  return purged;
}

Status SqliteRosterStore::Optimize() {
  return db_->Write([](Connection& c) { return c.Exec(kAnalyze); });
}

Status SqliteRosterStore::DeleteSiteRoster(const roster::RosterScope& scope) {
  return ProjectedWrite([&]() -> Status {
    MarkChanged(scope.site_id);
    return db_->Write([&](Connection& c) -> Status {
      for (const char* sql : kDeleteSite) {
        MUSTER_RETURN_IF_ERROR(
            internal::Execute(c, sql, [&](Statement& st) { st.BindInt(scope.site_id); }));
      }
      return OkStatus();
    });
  });
}

}  // namespace muster::storage::sqlite
