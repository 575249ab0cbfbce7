// The roster contract's fixture: the store, two sites, a small seeded school and helpers that
// parse and compile queries exactly as the OneRoster API does.

#include <algorithm>

#include "oneroster/query/query_parser.h"
#include "oneroster/query/sql_compiler.h"
#include "roster/catalogs.h"
#include "roster/contract/roster_store_contract.h"

namespace muster::roster::contract {

std::string RosterBackendName(const ::testing::TestParamInfo<RosterBackend>& info) {
  return info.param.name;
}

std::vector<std::string> Sorted(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

void RosterStoreContract::SetUp() {
  handle_ = GetParam().make(clock_);
  ASSERT_NE(handle_, nullptr);
  site_a_ = handle_->AddSite("Site A");
  site_b_ = handle_->AddSite("Site B");
  ASSERT_GT(site_a_, 0);
  ASSERT_GT(site_b_, 0);
}

Result<Page> RosterStoreContract::List(int64_t site_id, Listing listing, const FormFields& params,
                                       const std::string& parent, const std::string& class_id,
                                       ReadOptions options) {
  const auto& catalog = CatalogFor(Describe(listing).entity);
  MUSTER_ASSIGN_OR_RETURN(oneroster::query::Query query,
                          oneroster::query::ParseCollectionQuery(params, catalog));
  MUSTER_ASSIGN_OR_RETURN(oneroster::query::CompiledQuery compiled,
                          oneroster::query::CompileQuery(query, catalog, store().QueryDialect()));
  return store().List(RosterScope{site_id}, ListTarget{listing, parent, class_id}, compiled,
                      options);
}

std::vector<std::string> RosterStoreContract::Ids(int64_t site_id, Listing listing,
                                                  const std::string& parent,
                                                  const std::string& class_id, ReadOptions options,
                                                  const FormFields& params) {
  FormFields all = params;
  all.emplace_back("limit", "10000");
  auto page = List(site_id, listing, all, parent, class_id, options);
  EXPECT_TRUE(IsOk(page)) << Describe(listing).operation_id;
  if (!page.ok()) return {"<error>"};
  std::vector<std::string> ids;
  for (const auto& item : page->items) ids.push_back(item.sourced_id);
  EXPECT_EQ(page->total, static_cast<int64_t>(ids.size())) << Describe(listing).operation_id;
  return ids;
}

SchoolIds RosterStoreContract::SeedSchool(int64_t site, const std::string& prefix) {
  SchoolIds s{prefix};
  auto id = [&](const char* suffix) { return s.Id(suffix); };
  std::vector<Org> orgs = {{.site_id = site,
                            .sourced_id = id("dist"),
                            .name = "Trust",
                            .type = OrgType::kDistrict,
                            .identifier = "TR01234",
                            .child_ids = {id("sch")}},
                           {.site_id = site,
                            .sourced_id = id("sch"),
                            .name = "School",
                            .type = OrgType::kSchool,
                            .identifier = "9192431",
                            .parent_id = id("dist")}};
  auto session = [&](const char* sid, SessionType type, const std::string& parent) {
    return AcademicSession{.site_id = site,
                           .sourced_id = id(sid),
                           .title = sid,
                           .type = type,
                           .start_date = "2026-09-01",
                           .end_date = "2027-08-31",
                           .parent_id = parent,
                           .school_year = "2027",
                           .org_id = id("sch")};
  };
  std::vector<AcademicSession> sessions = {session("y", SessionType::kSchoolYear, ""),
                                           session("t1", SessionType::kTerm, id("y")),
                                           session("t2", SessionType::kTerm, id("y")),
                                           session("g1", SessionType::kGradingPeriod, id("t1")),
                                           session("g2", SessionType::kGradingPeriod, id("t2"))};
  std::vector<Course> courses = {{.site_id = site,
                                  .sourced_id = id("crs-en"),
                                  .title = "English",
                                  .course_code = "EN",
                                  .org_id = id("sch")},
                                 {.site_id = site,
                                  .sourced_id = id("crs-ma"),
                                  .title = "Maths",
                                  .course_code = "MA",
                                  .org_id = id("sch"),
                                  .resource_ids = {id("res")}}};
  auto cls = [&](const char* cid, const char* course, std::vector<std::string> terms,
                 std::vector<std::string> resources) {
    return Class{.site_id = site,
                 .sourced_id = id(cid),
                 .title = cid,
                 .course_id = id(course),
                 .school_id = id("sch"),
                 .term_ids = std::move(terms),
                 .resource_ids = std::move(resources)};
  };
  std::vector<Class> classes = {cls("cls-en1", "crs-en", {id("t1")}, {}),
                                cls("cls-ma1", "crs-ma", {id("t1"), id("t2")}, {id("res")}),
                                cls("cls-ma2", "crs-ma", {id("t2")}, {})};
  auto user = [&](const char* uid, Role role) {
    return User{.site_id = site,
                .sourced_id = id(uid),
                .username = uid,
                .given_name = uid,
                .family_name = "Family",
                .role = role,
                .identifier = uid,
                .org_ids = {id("sch")}};
  };
  std::vector<User> users = {user("stu1", Role::kStudent), user("stu2", Role::kStudent),
                             user("stu3", Role::kStudent), user("stu4", Role::kStudent),
                             user("tea1", Role::kTeacher), user("tea2", Role::kTeacher),
                             user("gua1", Role::kGuardian)};
  users[0].agent_ids = {id("gua1")};
  users[6].agent_ids = {id("stu1")};
  users[0].metadata = {{"uk.upn", "B801200005001"}, {"uk.yearGroup", "Y7"}};
  auto enr = [&](const char* u, const char* c, Role role, std::optional<bool> primary) {
    return Enrollment{.site_id = site,
                      .sourced_id = s.Enr(u, c),
                      .user_id = id(u),
                      .class_id = id(c),
                      .school_id = id("sch"),
                      .role = role,
                      .primary = primary};
  };
  std::vector<Enrollment> enrollments = {
      enr("stu1", "cls-ma1", Role::kStudent, {}),    enr("stu1", "cls-en1", Role::kStudent, {}),
      enr("stu2", "cls-ma1", Role::kStudent, {}),    enr("stu3", "cls-ma2", Role::kStudent, {}),
      enr("stu4", "cls-en1", Role::kStudent, {}),    enr("tea1", "cls-ma1", Role::kTeacher, true),
      enr("tea1", "cls-ma2", Role::kTeacher, false), enr("tea2", "cls-en1", Role::kTeacher, true)};
  std::vector<Demographics> demographics = {
      {.site_id = site, .sourced_id = id("stu1"), .birth_date = "2014-03-02", .sex = Sex::kFemale},
      {.site_id = site, .sourced_id = id("stu2"), .birth_date = "2014-07-19", .sex = Sex::kMale}};
  std::vector<Resource> resources = {{.site_id = site,
                                      .sourced_id = id("res"),
                                      .title = "Maths",
                                      .roles = {Role::kStudent},
                                      .vendor_resource_id = "dlm"}};
  Status st = store().InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(store().PutOrgs(orgs));
    MUSTER_RETURN_IF_ERROR(store().PutAcademicSessions(sessions));
    MUSTER_RETURN_IF_ERROR(store().PutCourses(courses));
    MUSTER_RETURN_IF_ERROR(store().PutClasses(classes));
    MUSTER_RETURN_IF_ERROR(store().PutUsers(users));
    MUSTER_RETURN_IF_ERROR(store().PutEnrollments(enrollments));
    MUSTER_RETURN_IF_ERROR(store().PutDemographics(demographics));
    return store().PutResources(resources);
  });
  EXPECT_TRUE(IsOk(st));
  return s;
}

}  // namespace muster::roster::contract
