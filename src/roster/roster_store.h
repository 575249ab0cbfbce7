#pragma once

// RosterStore: the OneRoster roster (roster/model.h) as an interface. SQLite
// (storage/sqlite/sqlite_roster_store.h) is the first implementation; PostgreSQL will be a
// second, held to the same answers by the contract suite (roster/contract/).
//
// Tenancy is enforced here, not in handlers: every read takes a RosterScope (the caller's
// site, from its token) first, and sees only rows of that site. A record of another site is
// kNotFound from Get() and absent from every List(); a nested collection under another
// site's (or an unknown) parent is an empty page. A trust or local authority org is stored
// as one copy per member site, so its schools' clients see it like any other row.
//
// Reads serve the 45 read operations (roster/collections.h). A page is streamed to a visitor
// as StoredObjectViews (pre-serialized JSON, roster/json.h, borrowed from the store's row
// buffer, so a response is written straight from it with no copy per row), in the order the
// compiled query asks (default: sourcedId ascending; every order ends with sourcedId, so pages are
// stable), with the total for X-Total-Count. Tombstoned rows (status tobedeleted) are left out of
// lists unless ReadOptions::include_tombstones (the API sets it when the filter mentions
// dateLastModified or status: roster::MentionsLifecycle); Get() returns them, status and all.
//
// Writes: Put* upserts by (site_id, sourcedId), each call one transaction (or part of the
// caller's InTransaction). The store stamps dateLastModified from its Clock on every row that
// changes (never earlier than a stamp it already wrote) and leaves unchanged rows alone, so a
// full re-import does not make every row look modified. Tombstone() is the MIS-side delete.
//
// Errors: kInvalidArgument for a record with a bad site_id or identifier (nothing is
// written), kNotFound for a missing object, kInternal for a query compiled against another
// catalog or dialect, kUnavailable when the database is busy.
// Thread-safety: every method may be called from any thread; writes are serialised.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "oneroster/query/dialect.h"
#include "oneroster/query/sql_compiler.h"
#include "roster/collections.h"
#include "roster/model.h"
#include "roster/stored_object.h"

namespace muster::roster {

// Whose data a read may see: one platform site (storage::Site::id), taken from the
// caller's token, never from the request.
struct RosterScope {
  int64_t site_id = 0;
};

struct ReadOptions {
  bool include_tombstones = false;  // also list rows with status tobedeleted
  bool count_total = true;          // fill Page::total (one more indexed query)
};

// Which collection, and the path's ids for a nested one (roster/collections.h).
struct ListTarget {
  Listing listing = Listing::kOrgs;
  std::string parent_id = {};  // the {id}/{school_id}/{term_id}/... of a nested path
  std::string class_id = {};   // only for the three /schools/{id}/classes/{class_id}/... listings
};

using RowVisitor = std::function<void(const StoredObjectView&)>;

struct Page {
  std::vector<StoredObject> items = {};
  int64_t total = 0;  // rows matching scope, target, filter and tombstone rule (0 if not counted)
};

// Tombstones are kept at least this long (oneroster.md §2.6, §7.8): a consumer that syncs
// deltas at least this often never misses a deletion.
inline constexpr int64_t kTombstoneRetentionMs = int64_t{90} * 24 * 60 * 60 * 1000;

class RosterStore {
 public:
  virtual ~RosterStore() = default;

  // --- Reads ---------------------------------------------------------------------------

  // The dialect to compile queries with, always with first_placeholder 1:
  //   auto q = ParseCollectionQuery(params, CatalogFor(Describe(listing).entity));
  //   auto c = CompileQuery(*q, CatalogFor(...), store.QueryDialect());
  // The store binds its own scope parameters around the compiled ones.
  virtual const oneroster::query::Dialect& QueryDialect() const = 0;

  // One page of `target`, filtered, ordered and paged by `query` (compiled against the
  // FieldCatalog of Describe(target.listing).entity): `visit` is called once per row, in
  // order, with a view valid only during that call; the result is the total (0 unless
  // options.count_total). A nested listing whose parent is missing, of the wrong kind (a
  // term id under /schools/{id}/...), outside the scope or (without include_tombstones)
  // tombstoned is an empty page. `visit` must not call back into the store.
  virtual Result<int64_t> Scan(const RosterScope& scope, const ListTarget& target,
                               const oneroster::query::CompiledQuery& query,
                               const ReadOptions& options, const RowVisitor& visit) = 0;

  // Scan() collected into owned copies: for tests and tools.
  Result<Page> List(const RosterScope& scope, const ListTarget& target,
                    const oneroster::query::CompiledQuery& query, const ReadOptions& options) {
    Page page;
    MUSTER_ASSIGN_OR_RETURN(
        page.total, Scan(scope, target, query, options, [&](const StoredObjectView& o) {
          page.items.push_back(StoredObject{std::string(o.sourced_id), o.status,
                                            o.date_last_modified_ms, std::string(o.body)});
        }));
    return page;
  }

  // One object by sourcedId, of any status; kNotFound if absent, outside the scope or not
  // of `kind` (a student's id asked for as a teacher).
  virtual Result<StoredObject> Get(const RosterScope& scope, ObjectKind kind,
                                   std::string_view sourced_id) = 0;

  // --- Writes --------------------------------------------------------------------------

  // Runs `fn` in one write transaction; every RosterStore call `fn` makes from this thread
  // joins it, and an error from `fn` undoes all of it. Bulk loads wrap their Put* calls in
  // one. (Independent of storage::Store::InTransaction: do not nest one in the other.)
  virtual Status InTransaction(const std::function<Status()>& fn) = 0;

  // Upserts by (site_id, sourcedId). `status` is written as given (a delta import may put
  // tobedeleted rows); date_last_modified_ms is ignored (the store stamps it).
  virtual Status PutOrgs(std::span<const Org> records) = 0;
  virtual Status PutAcademicSessions(std::span<const AcademicSession> records) = 0;
  virtual Status PutCourses(std::span<const Course> records) = 0;
  virtual Status PutClasses(std::span<const Class> records) = 0;
  virtual Status PutUsers(std::span<const User> records) = 0;
  virtual Status PutEnrollments(std::span<const Enrollment> records) = 0;
  virtual Status PutDemographics(std::span<const Demographics> records) = 0;
  virtual Status PutResources(std::span<const Resource> records) = 0;

  // The MIS deleted these records: each active one becomes a tombstone (status
  // tobedeleted, fresh dateLastModified). Deleting a user also tombstones their
  // enrollments and demographics; deleting a class, its enrollments. Unknown ids are
  // skipped. Returns how many rows became tombstones, cascades included.
  virtual Result<int64_t> Tombstone(const RosterScope& scope, Entity entity,
                                    std::span<const std::string> sourced_ids) = 0;

  // Removes tombstones whose dateLastModified is more than kTombstoneRetentionMs before the
  // store's clock; returns how many. Run it from housekeeping, e.g. daily.
  virtual Result<int64_t> PurgeTombstones() = 0;

  // Refreshes the backend's query-planner statistics (SQLite ANALYZE, PostgreSQL ANALYZE):
  // call after a bulk load, which changes table sizes by orders of magnitude.
  virtual Status Optimize() = 0;

  // Removes every roster row of the site outright, tombstones included: for off-boarding a
  // school or reloading demo data, never for MIS deletions (consumers are not told).
  virtual Status DeleteSiteRoster(const RosterScope& scope) = 0;
};

}  // namespace muster::roster
