// SqliteRosterStore as a learner::LearnerStore: the reads of the learner projection. Every
// statement starts with `<alias>.site_id = ?` (aliases l = learner_people, g = learner_groups,
// as learner/catalogs.h promises); the compiled filter and order come from the OData query
// layer, and values are only ever bound. A page reads one column per row, the row's stored
// DeX JSON (migration 0005), into one buffer; its SQL is cached per query shape on the
// connection. The count runs only when the query asks for it, and is remembered like the
// roster's totals (internal/count_cache.h) until another connection commits.

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "storage/sqlite/internal/count_cache.h"
#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/internal/read_snapshot.h"
#include "storage/sqlite/sqlite_learner_rows.h"
#include "storage/sqlite/sqlite_roster_store.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::ReadSnapshot;
using internal::Statement;
using learner::GroupType;
using learner::Person;
using learner::StoredPage;
using learner_rows::ReadGroup;
using learner_rows::ReadPerson;
using odata::query::CompiledQuery;
using odata::query::SqlParam;

constexpr char kGetLearner[] = "SELECT " MUSTER_PERSON_COLUMNS
                               " FROM learner_people l WHERE l.site_id = ? AND "
                               "l.external_id = ? AND l.role = 'student'";
constexpr char kGetGroup[] = "SELECT " MUSTER_GROUP_COLUMNS
                             " FROM learner_groups g WHERE g.site_id = ? AND g.external_id = ?";
constexpr char kPupils[] = " FROM learner_people l WHERE l.site_id = ? AND l.role = 'student'";
constexpr char kGroups[] = " FROM learner_groups g WHERE g.site_id = ?";
// About the size of a pupil's and a group's stored JSON, to size a page's buffer once.
constexpr size_t kPupilRowBytes = 800;
constexpr size_t kGroupRowBytes = 160;

Error WrongQuery() {
  return MakeError(ErrorCode::kInternal, "internal_server_error", "query failed",
                   "learner read: query not compiled with first_placeholder 1");
}

// What a page reads: the rows of `from_where` (" FROM <table> <alias> WHERE <alias>.site_id
// = ? ...") whose values `bind_scope` binds first and `scope_values` names (for the count
// cache), matching the compiled filter, in its order: the `alias.dex_json` of each.
template <typename BindScope>
struct PageSource {
  char alias;
  std::string from_where;
  std::string scope_values;
  BindScope bind_scope;
};

// One page and, when the query asks, its count, inside the caller's snapshot. `reader`: that
// snapshot is a reader's own (not the writer's transaction), so the count may come from
// `counts` while no other connection has committed.
template <typename BindScope>
Result<StoredPage> ListPage(Connection& c, bool reader, internal::CountCache& counts,
                            const PageSource<BindScope>& source, const CompiledQuery& query) {
  std::string where = source.from_where;
  if (!query.where.empty()) where.append(" AND ").append(query.where);
  auto bind = [&](Statement& st) {
    source.bind_scope(st);
    for (const SqlParam& p : query.params) internal::BindParam(st, p);
  };
  StoredPage page;
  {
    std::string sql = std::string("SELECT ") + source.alias + ".dex_json" + where + " ORDER BY " +
                      query.order_by + " LIMIT ? OFFSET ?";
    MUSTER_ASSIGN_OR_RETURN(Statement st, c.PrepareDynamic(sql));
    bind(st);
    st.BindInt(query.limit + 1);  // one more row says whether there is a next page
    st.BindInt(query.offset);
    const size_t expected = static_cast<size_t>(std::min<int64_t>(query.limit, 1000));
    page.rows.Reserve(expected, expected * (source.alias == 'l' ? kPupilRowBytes : kGroupRowBytes));
    for (;;) {
      MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      if (static_cast<int64_t>(page.rows.size()) == query.limit) {
        page.more = true;
        break;
      }
      page.rows.Add(st.Bytes(0));
    }
  }
  if (!query.count) return page;
  const std::string count_sql = "SELECT count(*)" + where;
  std::optional<int64_t> version;
  std::string key;
  if (reader) {
    MUSTER_ASSIGN_OR_RETURN(version, internal::DataVersion(c));
    key = internal::CountKey(count_sql, source.scope_values, query.params);
    if (auto total = counts.Find(&c, *version, key)) {
      page.total = *total;
      return page;
    }
  }
  MUSTER_ASSIGN_OR_RETURN(Statement st, c.PrepareDynamic(count_sql));
  bind(st);
  MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
  if (row) page.total = st.Int(0);
  if (version) counts.Store(&c, *version, key, page.total);
  return page;
}

template <typename BindScope>
PageSource<BindScope> Source(char alias, std::string from_where, std::string scope_values,
                             BindScope bind_scope) {
  return {alias, std::move(from_where), std::move(scope_values), std::move(bind_scope)};
}

// The scope alone: pupils or groups of one site.
auto SiteOnly(char alias, const char* from_where, int64_t site_id) {
  return Source(alias, from_where, std::to_string(site_id),
                [site_id](Statement& st) { st.BindInt(site_id); });
}

bool CompiledForUs(const CompiledQuery& query) {
  return query.next_placeholder == 1 + static_cast<int>(query.params.size());
}

Result<learner::Group> GetGroupOn(Connection& c, int64_t site_id, std::string_view id) {
  return internal::QueryOne<learner::Group>(
      c, kGetGroup, [&](Statement& st) { st.BindInt(site_id).BindText(id); },
      [&](const Statement& st) { return ReadGroup(st, site_id); }, "group");
}

// The members of `group`: the condition on l that selects them, after the scope.
const char* MembersOf(GroupType type) {
  switch (type) {
    case GroupType::kYearGroup:
      return " AND l.year_group_id = ?";
    case GroupType::kRegistrationGroup:
    case GroupType::kPrimaryClass:
      return " AND l.registration_group_id = ?";
    case GroupType::kHouse:
      return " AND l.house_id = ?";
    case GroupType::kTeachingClass:
      break;
  }
  return " AND l.user_sourced_id IN (SELECT e.user_sourced_id FROM roster_enrollments e WHERE "
         "e.site_id = ? AND e.class_sourced_id = ? AND e.status = 'active' AND "
         "e.role = 'student')";
}

}  // namespace

Result<StoredPage> SqliteRosterStore::ListLearners(const roster::RosterScope& scope,
                                                   const CompiledQuery& query) {
  if (!CompiledForUs(query)) return WrongQuery();
  return db_->Read([&](Connection& c) -> Result<StoredPage> {
    ReadSnapshot snapshot(c);  // the page and its count from one snapshot
    if (query.count) MUSTER_RETURN_IF_ERROR(snapshot.Begin());
    return ListPage(c, snapshot.owned(), counts_, SiteOnly('l', kPupils, scope.site_id), query);
  });
}

Result<StoredPage> SqliteRosterStore::ListGroupMembers(const roster::RosterScope& scope,
                                                       std::string_view group_id,
                                                       const CompiledQuery& query) {
  if (!CompiledForUs(query)) return WrongQuery();
  return db_->Read([&](Connection& c) -> Result<StoredPage> {
    ReadSnapshot snapshot(c);  // the group, its members and their count from one snapshot
    MUSTER_RETURN_IF_ERROR(snapshot.Begin());
    MUSTER_ASSIGN_OR_RETURN(learner::Group group, GetGroupOn(c, scope.site_id, group_id));
    const bool by_class = group.type == GroupType::kTeachingClass;
    const std::string& value = by_class ? group.class_sourced_id : group.external_id;
    auto source = Source('l', std::string(kPupils) + MembersOf(group.type),
                         std::to_string(scope.site_id) + "\x1f" + value, [&](Statement& st) {
                           st.BindInt(scope.site_id);
                           if (by_class) st.BindInt(scope.site_id);
                           st.BindText(value);
                         });
    return ListPage(c, snapshot.owned(), counts_, source, query);
  });
}

Result<Person> SqliteRosterStore::GetLearner(const roster::RosterScope& scope,
                                             std::string_view external_id) {
  return db_->Read([&](Connection& c) {
    return internal::QueryOne<Person>(
        c, kGetLearner, [&](Statement& st) { st.BindInt(scope.site_id).BindText(external_id); },
        [&](const Statement& st) { return ReadPerson(st, scope.site_id); }, "learner");
  });
}

Result<StoredPage> SqliteRosterStore::ListGroups(const roster::RosterScope& scope,
                                                 const CompiledQuery& query) {
  if (!CompiledForUs(query)) return WrongQuery();
  return db_->Read([&](Connection& c) -> Result<StoredPage> {
    ReadSnapshot snapshot(c);  // the page and its count from one snapshot
    if (query.count) MUSTER_RETURN_IF_ERROR(snapshot.Begin());
    return ListPage(c, snapshot.owned(), counts_, SiteOnly('g', kGroups, scope.site_id), query);
  });
}

Result<learner::Group> SqliteRosterStore::GetGroup(const roster::RosterScope& scope,
                                                   std::string_view external_id) {
  return db_->Read([&](Connection& c) { return GetGroupOn(c, scope.site_id, external_id); });
}

}  // namespace muster::storage::sqlite
