// SqliteRosterStore as a learner::LearnerStore: the reads of the learner projection. Every
// statement starts with `<alias>.site_id = ?` (aliases l = learner_people, g = learner_groups,
// as learner/catalogs.h promises); the compiled filter and order come from the OData query
// layer, and values are only ever bound.

#include <string>
#include <utility>

#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/one_shot.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_learner_rows.h"
#include "storage/sqlite/sqlite_roster_store.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::OneShot;
using internal::ReadSnapshot;
using internal::Statement;
using learner::GroupType;
using learner::Person;
using learner_rows::ReadGroup;
using learner_rows::ReadPerson;
using odata::query::CompiledQuery;

constexpr char kPersonColumns[] = MUSTER_PERSON_COLUMNS;
constexpr char kGroupColumns[] = MUSTER_GROUP_COLUMNS;
constexpr char kGetLearner[] = "SELECT " MUSTER_PERSON_COLUMNS
                               " FROM learner_people l WHERE l.site_id = ? AND "
                               "l.external_id = ? AND l.role = 'student'";
constexpr char kGetGroup[] = "SELECT " MUSTER_GROUP_COLUMNS
                             " FROM learner_groups g WHERE g.site_id = ? AND g.external_id = ?";

Error WrongQuery() {
  return MakeError(ErrorCode::kInternal, "internal_server_error", "query failed",
                   "learner read: query not compiled with first_placeholder 1");
}

// One page (and the count) of `table alias` rows matching `where` (which starts with the
// scope and binds `bind_where` first), ordered and paged by the compiled query.
template <typename T, typename BindWhere, typename ReadRow>
Result<learner::LearnerPage<T>> ListPage(Connection& c, const std::string& columns,
                                         const std::string& from, std::string where,
                                         const CompiledQuery& query, BindWhere&& bind_where,
                                         ReadRow&& read_row) {
  if (!query.where.empty()) where += " AND " + query.where;
  auto bind = [&](OneShot& st) {
    bind_where(st);
    for (const auto& p : query.params) st.Bind(p);
  };
  learner::LearnerPage<T> page;
  ReadSnapshot snapshot(c);
  MUSTER_RETURN_IF_ERROR(snapshot.Begin());
  {
    MUSTER_ASSIGN_OR_RETURN(OneShot st,
                            OneShot::Prepare(c, "SELECT " + columns + from + where + " ORDER BY " +
                                                    query.order_by + " LIMIT ? OFFSET ?"));
    bind(st);
    st.BindInt(query.limit + 1);  // one more row says whether there is a next page
    st.BindInt(query.offset);
    for (;;) {
      MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      if (static_cast<int64_t>(page.items.size()) == query.limit) {
        page.more = true;
        break;
      }
      page.items.push_back(read_row(st));
    }
  }
  if (query.count) {
    MUSTER_ASSIGN_OR_RETURN(OneShot st, OneShot::Prepare(c, "SELECT count(*)" + from + where));
    bind(st);
    MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row) page.total = st.Int(0);
  }
  return page;
}

bool CompiledForUs(const CompiledQuery& query) {
  return query.next_placeholder == 1 + static_cast<int>(query.params.size());
}

Result<learner::Group> GetGroupOn(Connection& c, int64_t site_id, std::string_view id) {
  return internal::QueryOne<learner::Group>(
      c, kGetGroup, [&](Statement& st) { st.BindInt(site_id).BindText(id); },
      [&](const Statement& st) { return ReadGroup(st, site_id); }, "group");
}

}  // namespace

Result<learner::LearnerPage<Person>> SqliteRosterStore::ListLearners(
    const roster::RosterScope& scope, const CompiledQuery& query) {
  if (!CompiledForUs(query)) return WrongQuery();
  return db_->Read([&](Connection& c) {
    return ListPage<Person>(
        c, kPersonColumns, " FROM learner_people l WHERE ", "l.site_id = ? AND l.role = 'student'",
        query, [&](OneShot& st) { st.BindInt(scope.site_id); },
        [&](const OneShot& st) { return ReadPerson(st, scope.site_id); });
  });
}

Result<learner::LearnerPage<Person>> SqliteRosterStore::ListGroupMembers(
    const roster::RosterScope& scope, std::string_view group_id, const CompiledQuery& query) {
  if (!CompiledForUs(query)) return WrongQuery();
  return db_->Read([&](Connection& c) -> Result<learner::LearnerPage<Person>> {
    ReadSnapshot snapshot(c);  // the group and its members from one snapshot
    MUSTER_RETURN_IF_ERROR(snapshot.Begin());
    MUSTER_ASSIGN_OR_RETURN(learner::Group group, GetGroupOn(c, scope.site_id, group_id));
    std::string where = "l.site_id = ? AND l.role = 'student' AND ";
    switch (group.type) {
      case GroupType::kYearGroup:
        where += "l.year_group_id = ?";
        break;
      case GroupType::kRegistrationGroup:
      case GroupType::kPrimaryClass:
        where += "l.registration_group_id = ?";
        break;
      case GroupType::kHouse:
        where += "l.house_id = ?";
        break;
      case GroupType::kTeachingClass:
        where +=
            "l.user_sourced_id IN (SELECT e.user_sourced_id FROM roster_enrollments e WHERE "
            "e.site_id = ? AND e.class_sourced_id = ? AND e.status = 'active' AND "
            "e.role = 'student')";
        break;
    }
    return ListPage<Person>(
        c, kPersonColumns, " FROM learner_people l WHERE ", std::move(where), query,
        [&](OneShot& st) {
          st.BindInt(scope.site_id);
          if (group.type == GroupType::kTeachingClass) {
            st.BindInt(scope.site_id);
            st.BindText(group.class_sourced_id);
          } else {
            st.BindText(group.external_id);
          }
        },
        [&](const OneShot& st) { return ReadPerson(st, scope.site_id); });
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

Result<learner::LearnerPage<learner::Group>> SqliteRosterStore::ListGroups(
    const roster::RosterScope& scope, const CompiledQuery& query) {
  if (!CompiledForUs(query)) return WrongQuery();
  return db_->Read([&](Connection& c) {
    return ListPage<learner::Group>(
        c, kGroupColumns, " FROM learner_groups g WHERE ", "g.site_id = ?", query,
        [&](OneShot& st) { st.BindInt(scope.site_id); },
        [&](const OneShot& st) { return ReadGroup(st, scope.site_id); });
  });
}

Result<learner::Group> SqliteRosterStore::GetGroup(const roster::RosterScope& scope,
                                                   std::string_view external_id) {
  return db_->Read([&](Connection& c) { return GetGroupOn(c, scope.site_id, external_id); });
}

}  // namespace muster::storage::sqlite
