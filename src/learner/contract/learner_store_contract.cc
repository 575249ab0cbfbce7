// The learner store contract's fixture: the seeded school and the query helpers.

#include "learner/contract/learner_store_contract.h"

#include "core/uuid.h"
#include "odata/query/query_parser.h"

namespace muster::learner::contract {

using roster::Role;

std::string LearnerBackendName(const ::testing::TestParamInfo<LearnerBackend>& info) {
  return info.param.name;
}

std::string School::Id(const std::string& name) const {
  return DerivedGuid("learner-contract", prefix + "/" + name);
}

void LearnerStoreContract::SetUp() {
  handle_ = GetParam().make(clock_);
  ASSERT_NE(handle_, nullptr);
  site_a_ = handle_->AddSite("School A");
  site_b_ = handle_->AddSite("School B");
  ASSERT_NE(site_a_, 0);
  ASSERT_NE(site_b_, 0);
}

School LearnerStoreContract::SeedSchool(int64_t site, const std::string& prefix) {
  School s{prefix};
  const std::string org = s.Id("school");
  auto pupil = [&](const std::string& name, const std::string& surname, const std::string& year,
                   const std::string& form, const std::string& house) {
    roster::User u{.site_id = site,
                   .sourced_id = s.Id(name),
                   .username = prefix + name,
                   .given_name = "Pupil",
                   .family_name = surname,
                   .role = Role::kStudent,
                   .org_ids = {org}};
    u.metadata = {{"uk.upn", "A123456789012"},
                  {"uk.yearGroup", year},
                  {"uk.registrationGroup", form},
                  {"uk.house", house}};
    return u;
  };
  std::vector<roster::User> users = {
      pupil("stu1", "Adams", "Y7", "7A", "Red"),
      pupil("stu2", "Brown", "Y7", "7A", "Blue"),
      pupil("stu3", "Clark", "Y8", "", "Red"),
      {.site_id = site,
       .sourced_id = s.Id("tea1"),
       .username = prefix + "tea1",
       .given_name = "Tess",
       .family_name = "Teacher",
       .role = Role::kTeacher,
       .org_ids = {org}},
      {.site_id = site,
       .sourced_id = s.Id("ta1"),
       .username = prefix + "ta1",
       .given_name = "Tom",
       .family_name = "Assistant",
       .role = Role::kAide,
       .org_ids = {org}},
      {.site_id = site,
       .sourced_id = s.Id("gua1"),
       .username = prefix + "gua1",
       .given_name = "Gail",
       .family_name = "Adams",
       .role = Role::kGuardian,
       .org_ids = {org}},
  };
  std::vector<roster::Class> classes = {
      {.site_id = site,
       .sourced_id = s.Id("form"),
       .title = "7A",
       .class_code = "7A",
       .class_type = roster::ClassType::kHomeroom,
       .grades = {"06"},
       .school_id = org},
      {.site_id = site,
       .sourced_id = s.Id("maths"),
       .title = "Year 7 Maths Set 1",
       .class_code = "7Ma1",
       .class_type = roster::ClassType::kScheduled,
       .grades = {"06"},
       .school_id = org},
  };
  std::vector<roster::Demographics> demographics = {
      {.site_id = site,
       .sourced_id = s.Id("stu1"),
       .birth_date = "2014-03-02",
       .sex = roster::Sex::kFemale},
      {.site_id = site,
       .sourced_id = s.Id("stu2"),
       .birth_date = "2013-10-20",
       .sex = roster::Sex::kMale},
  };
  auto enrol = [&](const std::string& user, const std::string& cls, Role role) {
    return roster::Enrollment{.site_id = site,
                              .sourced_id = s.Id("enr-" + user + "-" + cls),
                              .user_id = s.Id(user),
                              .class_id = s.Id(cls),
                              .school_id = org,
                              .role = role};
  };
  std::vector<roster::Enrollment> enrollments = {
      enrol("stu1", "maths", Role::kStudent), enrol("stu3", "maths", Role::kStudent),
      enrol("stu1", "form", Role::kStudent),  enrol("stu2", "form", Role::kStudent),
      enrol("tea1", "maths", Role::kTeacher),
  };
  Status st = roster().InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(roster().PutClasses(classes));
    MUSTER_RETURN_IF_ERROR(roster().PutUsers(users));
    MUSTER_RETURN_IF_ERROR(roster().PutDemographics(demographics));
    return roster().PutEnrollments(enrollments);
  });
  EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().internal);
  return s;
}

odata::query::CompiledQuery LearnerStoreContract::Compile(EntitySet set, const FormFields& params) {
  auto query = odata::query::ParseQuery(params, CatalogFor(set));
  EXPECT_TRUE(query.ok()) << (query.ok() ? "" : query.error().message);
  if (!query.ok()) return {};
  auto compiled = odata::query::CompileQuery(*query, CatalogFor(set), learners().ODataDialect());
  EXPECT_TRUE(compiled.ok());
  return compiled.ok() ? *compiled : odata::query::CompiledQuery{};
}

std::vector<std::string> LearnerStoreContract::Surnames(const StoredPage& page) {
  return muster::testing::StoredColumn(page, EntitySet::kLearnerIdentifiers, "Surname");
}

std::string LearnerStoreContract::GroupId(int64_t site, const std::string& full_name) {
  auto groups = learners().ListGroups(
      {site}, Compile(EntitySet::kLearnerGroups, {{"$filter", "FullName eq '" + full_name + "'"}}));
  EXPECT_TRUE(groups.ok());
  if (!groups.ok() || groups->rows.size() != 1) {
    ADD_FAILURE() << "no single group called " << full_name;
    return "";
  }
  return muster::testing::StoredColumn(*groups, EntitySet::kLearnerGroups, "ExternalID")[0];
}

}  // namespace muster::learner::contract
