// SqliteRosterStore as a learner::LearnerStore: ListPeople, the provisioning API's page of
// pupils and staff with their groups. The page, its total and the page's class memberships
// (enrollments joined to the class-based groups) come from one read snapshot.

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

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
using learner::GroupRef;
using learner::GroupType;
using learner::Person;
using learner_rows::ReadPerson;

// Provisioning: everyone, or one role, by external_id; the classes of the same page.
#define MUSTER_PEOPLE_WHERE(role) \
  " FROM learner_people l WHERE l.site_id = ?" role " ORDER BY l.external_id LIMIT ? OFFSET ?"
constexpr char kPeopleAll[] = "SELECT " MUSTER_PERSON_COLUMNS MUSTER_PEOPLE_WHERE("");
constexpr char kPeopleOfRole[] =
    "SELECT " MUSTER_PERSON_COLUMNS MUSTER_PEOPLE_WHERE(" AND l.role = ?");
constexpr char kCountAll[] = "SELECT count(*) FROM learner_people l WHERE l.site_id = ?";
constexpr char kCountOfRole[] =
    "SELECT count(*) FROM learner_people l WHERE l.site_id = ? AND l.role = ?";
#define MUSTER_PAGE_CLASSES(role) \
  "SELECT e.user_sourced_id, g.external_id, g.full_name, g.group_type "                   \
  "FROM roster_enrollments e JOIN learner_groups g ON g.site_id = e.site_id AND "         \
  "g.class_sourced_id = e.class_sourced_id WHERE e.site_id = ? AND e.status = 'active' "  \
  "AND e.user_sourced_id IN (SELECT l.user_sourced_id" MUSTER_PEOPLE_WHERE(role) ") "     \
  "ORDER BY e.user_sourced_id, g.group_type, g.display_order, g.external_id"
constexpr char kClassesAll[] = MUSTER_PAGE_CLASSES("");
constexpr char kClassesOfRole[] = MUSTER_PAGE_CLASSES(" AND l.role = ?");
#undef MUSTER_PAGE_CLASSES
#undef MUSTER_PEOPLE_WHERE

}  // namespace

Result<learner::PeoplePage> SqliteRosterStore::ListPeople(const roster::RosterScope& scope,
                                                          const learner::PeopleQuery& query) {
  const bool by_role = query.role.has_value();
  auto bind_filter = [&](Statement& st) {
    st.BindInt(scope.site_id);
    if (by_role) st.BindText(learner::ToString(*query.role));
  };
  auto bind_page = [&](Statement& st) {
    bind_filter(st);
    st.BindInt(query.limit).BindInt(query.offset);
  };
  auto read_person = [&](const Statement& st) { return ReadPerson(st, scope.site_id); };
  auto read_class = [](const Statement& st) {
    return std::make_pair(
        st.Text(0),
        GroupRef{st.Text(1), st.Text(2),
                 learner::ParseGroupType(st.Text(3)).value_or(GroupType::kTeachingClass)});
  };
  return db_->Read([&](Connection& c) -> Result<learner::PeoplePage> {
    ReadSnapshot snapshot(c);  // page, total and classes from one snapshot
    MUSTER_RETURN_IF_ERROR(snapshot.Begin());
    MUSTER_ASSIGN_OR_RETURN(
        auto people, internal::QueryAll<Person>(c, by_role ? kPeopleOfRole : kPeopleAll, bind_page,
                                                read_person));
    learner::PeoplePage page;
    MUSTER_ASSIGN_OR_RETURN(page.total,
                            internal::QueryOne<int64_t>(
                                c, by_role ? kCountOfRole : kCountAll, bind_filter,
                                [](const Statement& st) { return st.Int(0); }, "count"));
    using ClassRow = std::pair<std::string, GroupRef>;
    MUSTER_ASSIGN_OR_RETURN(auto classes, internal::QueryAll<ClassRow>(
                                              c, by_role ? kClassesOfRole : kClassesAll,
                                              [&](Statement& st) {
                                                st.BindInt(scope.site_id);
                                                bind_page(st);
                                              },
                                              read_class));
    std::unordered_map<std::string, std::vector<GroupRef>> classes_of;
    for (auto& [user, group] : classes) classes_of[user].push_back(std::move(group));
    for (Person& p : people) {
      learner::PersonWithGroups item{std::move(p), {}};
      for (const auto& ref :
           {item.person.year_group, item.person.registration_group, item.person.house}) {
        if (ref) item.groups.push_back(*ref);
      }
      // Each group once: a pupil's homeroom class is already their registration group.
      for (GroupRef& g : classes_of[item.person.user_sourced_id]) {
        if (std::none_of(item.groups.begin(), item.groups.end(),
                         [&](const GroupRef& h) { return h.external_id == g.external_id; })) {
          item.groups.push_back(std::move(g));
        }
      }
      page.items.push_back(std::move(item));
    }
    return page;
  });
}

}  // namespace muster::storage::sqlite
