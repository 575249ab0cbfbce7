#pragma once

// LearnerStore: reads of the learner projection (learner/model.h) for the DeX learner API and
// the provisioning API. The projection is derived data: the roster store rebuilds a site's
// part of it (learner/projection.h) inside every roster write that can change it, so a read
// sees exactly the roster of the same snapshot; there are no writes here. SQLite
// (storage/sqlite/sqlite_roster_store.h) implements it on the roster's own database.
//
// Tenancy as in RosterStore: every read takes the caller's RosterScope (its token's site)
// first and sees only that site's rows. Another site's person or group is kNotFound, exactly
// like an id that does not exist.
//
// OData reads take a CompiledQuery (odata/query/sql_compiler.h) compiled against
// learner::CatalogFor(<entity set>) with ODataDialect() and first placeholder 1; the store
// binds its own values around it and refuses (kInternal) a query compiled otherwise. Pages
// come back in the query's order (always ending with ExternalID, so they are stable), with
// `more` (a row exists after the page: the store fetches one extra) and, when the query
// asks for a count, `total` (rows matching the filter, regardless of paging; not computed
// otherwise). A page holds each row's stored DeX JSON (learner/stored_json.h: StorePerson /
// StoreGroup of the row, kept by the backend since the projection was rebuilt), which the
// API copies out; single reads return the typed row.
//
// Errors: kNotFound for a missing person or group, kInternal for a query compiled against
// another catalog or dialect, kUnavailable when the database is busy.
// Thread-safety: every method may be called from any thread.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "learner/model.h"
#include "learner/stored_rows.h"
#include "odata/query/dialect.h"
#include "odata/query/sql_compiler.h"
#include "roster/roster_store.h"

namespace muster::learner {

using roster::RosterScope;

// One page of an OData read: each row's stored DeX JSON, in order.
struct StoredPage {
  StoredRows rows = {};
  bool more = false;  // a row exists after this page
  int64_t total = 0;  // with CompiledQuery::count only
};

// A person with every group they belong to, for provisioning: their year group,
// registration group and house (pupils), then the classes they are enrolled in (as a
// student or teaching them), in display order.
struct PersonWithGroups {
  Person person;
  std::vector<GroupRef> groups;
};

// The provisioning API's page: by external_id, `limit` rows from `offset`.
struct PeopleQuery {
  int64_t limit = 100;
  int64_t offset = 0;
  std::optional<PersonRole> role = {};  // only this role; nullopt = everyone
};

struct PeoplePage {
  std::vector<PersonWithGroups> items = {};
  int64_t total = 0;  // people matching the role, regardless of paging
};

class LearnerStore {
 public:
  virtual ~LearnerStore() = default;

  // The dialect to compile DeX queries with (first placeholder 1).
  virtual const odata::query::Dialect& ODataDialect() const = 0;

  // Pupils (role student), for LearnerPersonals and LearnerIdentifiers (one catalog each;
  // they share the columns).
  virtual Result<StoredPage> ListLearners(const RosterScope& scope,
                                          const odata::query::CompiledQuery& query) = 0;
  // The pupils who are members of the group `group_id` (an upper-case GUID): by year group,
  // registration group or house, or by a student enrollment in the class. kNotFound when
  // the group is not in the scope.
  virtual Result<StoredPage> ListGroupMembers(const RosterScope& scope, std::string_view group_id,
                                              const odata::query::CompiledQuery& query) = 0;
  // One pupil by ExternalID (an upper-case GUID).
  virtual Result<Person> GetLearner(const RosterScope& scope, std::string_view external_id) = 0;

  virtual Result<StoredPage> ListGroups(const RosterScope& scope,
                                        const odata::query::CompiledQuery& query) = 0;
  virtual Result<Group> GetGroup(const RosterScope& scope, std::string_view external_id) = 0;

  // Pupils and staff with their groups, for provisioning.
  virtual Result<PeoplePage> ListPeople(const RosterScope& scope, const PeopleQuery& query) = 0;
};

}  // namespace muster::learner
