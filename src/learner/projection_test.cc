#include "learner/projection.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/uuid.h"
#include "roster/generator/plan.h"
#include "roster/generator/school_generator.h"

namespace muster::learner {
namespace {

using roster::generator::GenerateSchool;
using roster::generator::PlanDataset;
using roster::generator::SchoolRoster;

const SchoolRoster& Demo(size_t school) {
  static const auto* const kSchools = [] {
    auto plan = PlanDataset(roster::generator::DemoSize::kS, 1);
    auto cal = roster::generator::CalendarFor({2026, 11, 25});
    auto* out = new std::vector<SchoolRoster>();
    for (size_t i = 0; i < 2; ++i) out->push_back(GenerateSchool(plan.schools[i], nullptr, cal, 7));
    return out;
  }();
  return (*kSchools)[school];
}

Projection Project(const SchoolRoster& r, int64_t site = 7) {
  return ProjectSite({site, r.users, r.demographics, r.classes, r.enrollments});
}

const Group* FindGroup(const Projection& p, const std::string& id) {
  for (const Group& g : p.groups) {
    if (g.external_id == id) return &g;
  }
  return nullptr;
}

TEST(ProjectionTest, PupilsAndStaffOfADemoSchoolWithTheirGroups) {
  const SchoolRoster& r = Demo(1);  // Ashcombe Academy, a secondary
  const Projection p = Project(r);
  std::map<roster::Role, int> roles;
  for (const roster::User& u : r.users) ++roles[u.role];
  std::map<PersonRole, int> projected;
  for (const Person& person : p.people) ++projected[person.role];
  EXPECT_EQ(projected[PersonRole::kStudent], roles[roster::Role::kStudent]);
  EXPECT_EQ(projected[PersonRole::kTeacher], roles[roster::Role::kTeacher]);
  EXPECT_EQ(projected[PersonRole::kStaff],
            roles[roster::Role::kAdministrator] + roles[roster::Role::kAide]);
  EXPECT_TRUE(std::is_sorted(p.people.begin(), p.people.end(),
                             [](auto& a, auto& b) { return a.external_id < b.external_id; }));
  for (const Person& person : p.people) {
    EXPECT_EQ(person.external_id, *NormalizeGuid(person.user_sourced_id));
    if (person.role != PersonRole::kStudent) {
      EXPECT_FALSE(person.year_group || person.registration_group || person.house);
      continue;
    }
    ASSERT_TRUE(person.year_group && person.registration_group && person.house);
    EXPECT_EQ(person.registration_group->type, GroupType::kRegistrationGroup);
    EXPECT_FALSE(person.date_of_birth.empty());
    EXPECT_NE(person.gender, Gender::kUnknown);
    EXPECT_EQ(person.upn.size(), 13u);
    EXPECT_EQ(person.on_roll_state, "Current");
    const Group* form = FindGroup(p, person.registration_group->external_id);
    ASSERT_NE(form, nullptr);
    EXPECT_FALSE(form->class_sourced_id.empty());  // the homeroom class itself
    const Group* year = FindGroup(p, person.year_group->external_id);
    ASSERT_NE(year, nullptr);
    EXPECT_EQ(year->full_name, person.year_group->name);
  }
  std::map<GroupType, std::set<int64_t>> orders;
  for (const Group& g : p.groups) {
    EXPECT_TRUE(orders[g.type].insert(g.display_order).second) << g.full_name;
  }
  EXPECT_EQ(orders[GroupType::kYearGroup].size(), 7u);  // Y7-Y13
  EXPECT_GT(orders[GroupType::kTeachingClass].size(), 50u);
  EXPECT_GE(orders[GroupType::kHouse].size(), 3u);
  EXPECT_EQ(orders[GroupType::kPrimaryClass].size(), 0u);
}

TEST(ProjectionTest, YearGroupsAreOrderedByNcYearAndNamedAsSimsDoes) {
  const Projection p = Project(Demo(0));  // Millbrook Primary
  std::vector<const Group*> years;
  for (const Group& g : p.groups) {
    if (g.type == GroupType::kYearGroup) years.push_back(&g);
    if (g.class_sourced_id.empty()) continue;
    EXPECT_EQ(g.type, GroupType::kPrimaryClass) << g.full_name;  // mixed-age primary classes
  }
  std::sort(years.begin(), years.end(),
            [](auto* a, auto* b) { return a->display_order < b->display_order; });
  std::vector<std::string> names;
  for (const Group* g : years) names.push_back(g->short_name);
  ASSERT_GE(names.size(), 7u);
  EXPECT_EQ(names[names.size() - 7], "R");
  EXPECT_EQ(names.back(), "Year 6");
}

TEST(ProjectionTest, IdsAreStablePerSiteAndDifferBetweenSites) {
  const Projection a = Project(Demo(0), 7);
  const Projection again = Project(Demo(0), 7);
  const Projection b = Project(Demo(0), 8);
  EXPECT_EQ(a.groups, again.groups);
  EXPECT_EQ(a.people, again.people);
  std::set<std::string> ids_a, ids_b;
  for (const Group& g : a.groups) {
    if (g.class_sourced_id.empty()) ids_a.insert(g.external_id);
  }
  for (const Group& g : b.groups) {
    if (g.class_sourced_id.empty()) ids_b.insert(g.external_id);
  }
  for (const std::string& id : ids_a) EXPECT_EQ(ids_b.count(id), 0u) << id;
}

TEST(ProjectionTest, RulesForRostersWithoutUkMetadata) {
  using roster::RecordStatus;
  using roster::Role;
  std::vector<roster::User> users = {
      {.sourced_id = "pupil-1",
       .given_name = "Ada",
       .family_name = "Lovelace",
       .role = Role::kStudent,
       .grades = {"06"}},
      {.sourced_id = "pupil-2", .status = RecordStatus::kToBeDeleted, .role = Role::kStudent},
      {.sourced_id = "aaaaaaaa-0000-4000-8000-000000000001", .role = Role::kStudent},
      {.sourced_id = "AAAAAAAA-0000-4000-8000-000000000001", .role = Role::kStudent},
      {.sourced_id = "mum", .role = Role::kParent},
      {.sourced_id = "ta", .role = Role::kAide},
  };
  users[2].metadata = {{"uk.registrationGroup", "Unknown Form"}, {"uk.yearGroup", "Sixth"}};
  std::vector<roster::Demographics> demographics = {
      {.sourced_id = "pupil-1", .birth_date = "2014-02-30", .sex = roster::Sex::kFemale}};
  std::vector<roster::Class> classes = {
      {.sourced_id = "form-b",
       .title = "7B",
       .class_code = "7B",
       .class_type = roster::ClassType::kHomeroom,
       .grades = {"06"}},
      {.sourced_id = "form-a",
       .title = "7A",
       .class_code = "7A",
       .class_type = roster::ClassType::kHomeroom,
       .grades = {"06"}},
      {.sourced_id = "rec",
       .title = "Robins",
       .class_type = roster::ClassType::kHomeroom,
       .grades = {"PK", "KG"}},
  };
  std::vector<roster::Enrollment> enrollments = {
      {.sourced_id = "e1", .user_id = "pupil-1", .class_id = "form-b", .role = Role::kStudent},
      {.sourced_id = "e2", .user_id = "pupil-1", .class_id = "form-a", .role = Role::kStudent},
  };
  const Projection p = ProjectSite({3, users, demographics, classes, enrollments});
  ASSERT_EQ(p.people.size(), 4u);  // no tombstone, no parent
  std::map<std::string, const Person*> by_user;
  for (const Person& person : p.people) by_user[person.user_sourced_id] = &person;
  const Person& ada = *by_user.at("pupil-1");
  EXPECT_EQ(ada.external_id, ExternalIdFor(3, "user", "pupil-1"));
  EXPECT_NE(ada.external_id, ExternalIdFor(4, "user", "pupil-1"));
  EXPECT_EQ(ada.gender, Gender::kFemale);
  EXPECT_EQ(ada.date_of_birth, "");  // 30 February is dropped
  ASSERT_TRUE(ada.year_group);
  EXPECT_EQ(ada.year_group->name, "Year 7");  // from grade "06"
  ASSERT_TRUE(ada.registration_group);
  EXPECT_EQ(ada.registration_group->name, "7A");  // first homeroom by class sourcedId
  EXPECT_EQ(ada.registration_group->external_id, ExternalIdFor(3, "class", "form-a"));
  EXPECT_EQ(ada.preferred_forename, "Ada");
  const Person& lower = *by_user.at("aaaaaaaa-0000-4000-8000-000000000001");
  const Person& upper = *by_user.at("AAAAAAAA-0000-4000-8000-000000000001");
  EXPECT_EQ(upper.external_id, "AAAAAAAA-0000-4000-8000-000000000001");
  EXPECT_NE(lower.external_id, upper.external_id);  // the later one derives its id
  ASSERT_TRUE(lower.registration_group && lower.year_group);
  EXPECT_EQ(lower.registration_group->type, GroupType::kRegistrationGroup);
  EXPECT_EQ(lower.year_group->name, "Sixth");  // unknown names are kept as written
  EXPECT_EQ(by_user.at("ta")->role, PersonRole::kStaff);
  const Group* robins = FindGroup(p, ExternalIdFor(3, "class", "rec"));
  ASSERT_NE(robins, nullptr);
  EXPECT_EQ(robins->type, GroupType::kPrimaryClass);
  EXPECT_EQ(robins->short_name, "Robins");  // no class code: the title
}

}  // namespace
}  // namespace muster::learner
