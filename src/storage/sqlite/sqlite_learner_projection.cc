// SqliteRosterStore: rebuilding the learner projection (migrations 0003, 0005) of the sites a
// roster write transaction changed. Each site's roster rows are read back on the writer
// (inside the transaction, so the rebuild sees the writes), projected by learner::ProjectSite,
// and the site's projection rows are replaced, each with its DeX JSON (learner/stored_json.h).
// A whole school (~3,000 people) takes a few milliseconds; a bulk load pays it once per site,
// at its commit.

#include <sqlite3.h>

#include <string>
#include <vector>

#include "learner/projection.h"
#include "learner/stored_json.h"
#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_roster_store.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;

constexpr char kUsers[] =
    "SELECT sourced_id, given_name, family_name, middle_name, role, grades, uk_upn, "
    "uk_year_group, uk_registration_group, uk_house, date_last_modified_ms FROM roster_users "
    "WHERE site_id = ? AND status = 'active' AND "
    "role IN ('student', 'teacher', 'administrator', 'aide', 'proctor')";
constexpr char kDemographics[] =
    "SELECT sourced_id, birth_date, sex, date_last_modified_ms FROM roster_demographics "
    "WHERE site_id = ? AND status = 'active'";
constexpr char kClasses[] =
    "SELECT sourced_id, title, class_code, class_type, grades FROM roster_classes "
    "WHERE site_id = ? AND status = 'active'";
// Only read when some pupil has no uk.registrationGroup (learner/projection.h).
constexpr char kHomeroomEnrollments[] =
    "SELECT e.sourced_id, e.user_sourced_id, e.class_sourced_id FROM roster_classes c "
    "JOIN roster_enrollments e ON e.site_id = c.site_id AND e.class_sourced_id = c.sourced_id "
    "WHERE c.site_id = ? AND c.status = 'active' AND c.class_type = 'homeroom' "
    "AND e.status = 'active' AND e.role = 'student'";
constexpr char kDeletePeople[] = "DELETE FROM learner_people WHERE site_id = ?";
constexpr char kDeleteGroups[] = "DELETE FROM learner_groups WHERE site_id = ?";
constexpr char kInsertPerson[] =
    "INSERT INTO learner_people (site_id, external_id, user_sourced_id, role, forename, surname, "
    "middle_names, preferred_forename, preferred_surname, gender, date_of_birth, upn, "
    "on_roll_state, year_group_id, year_group_name, registration_group_id, "
    "registration_group_name, registration_group_type, house_id, house_name, "
    "date_last_modified_ms, dex_json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kInsertGroup[] =
    "INSERT INTO learner_groups (site_id, external_id, group_type, short_name, full_name, "
    "display_order, class_sourced_id, dex_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

constexpr char kNeedsBackfill[] =
    "SELECT EXISTS (SELECT 1 FROM roster_users WHERE status = 'active' AND "
    "role IN ('student', 'teacher', 'administrator', 'aide', 'proctor')) "
    "AND NOT EXISTS (SELECT 1 FROM learner_people)";
constexpr char kRosterSites[] = "SELECT DISTINCT site_id FROM roster_users";

// "a,b" -> {"a", "b"}; "" -> {}.
std::vector<std::string> Split(const std::string& joined) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (!joined.empty() && pos <= joined.size()) {
    size_t end = joined.find(',', pos);
    if (end == std::string::npos) end = joined.size();
    out.push_back(joined.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

roster::User ReadUser(const Statement& st) {
  roster::User u;
  u.sourced_id = st.Text(0);
  u.given_name = st.Text(1);
  u.family_name = st.Text(2);
  u.middle_name = st.Text(3);
  u.role = roster::ParseRole(st.Text(4)).value_or(roster::Role::kGuardian);
  u.grades = Split(st.Text(5));
  const char* keys[] = {"uk.upn", "uk.yearGroup", "uk.registrationGroup", "uk.house"};
  for (int i = 0; i < 4; ++i) u.metadata.emplace_back(keys[i], st.Text(6 + i));
  u.date_last_modified_ms = st.Int(10);
  return u;
}

roster::Demographics ReadDemographics(const Statement& st) {
  roster::Demographics d;
  d.sourced_id = st.Text(0);
  d.birth_date = st.Text(1);
  const std::string sex = st.Text(2);
  if (sex == "male") d.sex = roster::Sex::kMale;
  if (sex == "female") d.sex = roster::Sex::kFemale;
  d.date_last_modified_ms = st.Int(3);
  return d;
}

roster::Class ReadClass(const Statement& st) {
  roster::Class c;
  c.sourced_id = st.Text(0);
  c.title = st.Text(1);
  c.class_code = st.Text(2);
  c.class_type =
      st.Text(3) == "homeroom" ? roster::ClassType::kHomeroom : roster::ClassType::kScheduled;
  c.grades = Split(st.Text(4));
  return c;
}

roster::Enrollment ReadEnrollment(const Statement& st) {
  return roster::Enrollment{.sourced_id = st.Text(0),
                            .user_id = st.Text(1),
                            .class_id = st.Text(2),
                            .role = roster::Role::kStudent};
}

bool SomePupilLacksRegistrationGroup(const std::vector<roster::User>& users) {
  for (const roster::User& u : users) {
    if (u.role == roster::Role::kStudent && u.metadata[2].second.empty()) return true;
  }
  return false;
}

void BindLookup(Statement& st, const std::optional<learner::GroupRef>& ref, bool with_type) {
  st.BindTextOrNull(ref ? std::string_view(ref->external_id) : "");
  st.BindTextOrNull(ref ? std::string_view(ref->name) : "");
  if (with_type) st.BindTextOrNull(ref ? learner::ToString(ref->type) : "");
}

Status Insert(Connection& c, const learner::Projection& projection) {
  for (const learner::Person& p : projection.people) {
    MUSTER_RETURN_IF_ERROR(internal::Execute(c, kInsertPerson, [&](Statement& st) {
      st.BindInt(p.site_id).BindText(p.external_id).BindText(p.user_sourced_id);
      st.BindText(learner::ToString(p.role)).BindText(p.forename).BindText(p.surname);
      st.BindText(p.middle_names).BindText(p.preferred_forename).BindText(p.preferred_surname);
      st.BindText(learner::ToString(p.gender)).BindTextOrNull(p.date_of_birth);
      st.BindTextOrNull(p.upn).BindText(p.on_roll_state);
      BindLookup(st, p.year_group, false);
      BindLookup(st, p.registration_group, true);
      BindLookup(st, p.house, false);
      st.BindInt(p.date_last_modified_ms).BindBlob(learner::StorePerson(p));
    }));
  }
  for (const learner::Group& g : projection.groups) {
    MUSTER_RETURN_IF_ERROR(internal::Execute(c, kInsertGroup, [&](Statement& st) {
      st.BindInt(g.site_id).BindText(g.external_id).BindText(learner::ToString(g.type));
      st.BindText(g.short_name).BindText(g.full_name).BindInt(g.display_order);
      st.BindTextOrNull(g.class_sourced_id).BindBlob(learner::StoreGroup(g));
    }));
  }
  return OkStatus();
}

}  // namespace

Status SqliteRosterStore::RebuildSite(Connection& c, int64_t site_id) {
  auto bind_site = [site_id](Statement& st) { st.BindInt(site_id); };
  MUSTER_ASSIGN_OR_RETURN(auto users,
                          internal::QueryAll<roster::User>(c, kUsers, bind_site, ReadUser));
  MUSTER_ASSIGN_OR_RETURN(auto demographics, internal::QueryAll<roster::Demographics>(
                                                 c, kDemographics, bind_site, ReadDemographics));
  MUSTER_ASSIGN_OR_RETURN(auto classes,
                          internal::QueryAll<roster::Class>(c, kClasses, bind_site, ReadClass));
  std::vector<roster::Enrollment> enrollments;
  if (SomePupilLacksRegistrationGroup(users)) {
    MUSTER_ASSIGN_OR_RETURN(enrollments, internal::QueryAll<roster::Enrollment>(
                                             c, kHomeroomEnrollments, bind_site, ReadEnrollment));
  }
  const learner::Projection projection = learner::ProjectSite(
      learner::RosterRecords{site_id, users, demographics, classes, enrollments});
  MUSTER_RETURN_IF_ERROR(internal::Execute(c, kDeletePeople, bind_site));
  MUSTER_RETURN_IF_ERROR(internal::Execute(c, kDeleteGroups, bind_site));
  return Insert(c, projection);
}

Status SqliteRosterStore::RebuildChangedSites(Connection& c) {
  for (int64_t site_id : changed_sites_) MUSTER_RETURN_IF_ERROR(RebuildSite(c, site_id));
  changed_sites_.clear();
  return OkStatus();
}

Status SqliteRosterStore::BackfillProjection() {
  MUSTER_ASSIGN_OR_RETURN(std::string needed,
                          db_->Read([](Connection& c) { return c.QueryText(kNeedsBackfill); }));
  if (needed != "1") return OkStatus();
  return ProjectedWrite([&]() -> Status {
    return db_->Write([&](Connection& c) -> Status {
      MUSTER_ASSIGN_OR_RETURN(
          auto sites, internal::QueryAll<int64_t>(c, kRosterSites, internal::NoParams,
                                                  [](const Statement& st) { return st.Int(0); }));
      for (int64_t site : sites) MarkChanged(site);
      return OkStatus();
    });
  });
}

}  // namespace muster::storage::sqlite
