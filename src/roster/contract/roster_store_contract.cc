// Roster contract: single-object reads, the JSON that comes back, writes and their rules.

#include <rapidjson/document.h>

#include "oneroster/query/query_parser.h"
#include "oneroster/query/sql_compiler.h"
#include "roster/catalogs.h"
#include "roster/contract/roster_store_contract.h"
#include "roster/json.h"

namespace muster::roster::contract {
namespace {

constexpr char kBase[] = "https://h.example/ims/oneroster/v1p1";

rapidjson::Document Json(const StoredObject& o) {
  rapidjson::Document d;
  const std::string text = ObjectJson(o, kBase);
  d.Parse(text.c_str(), text.size());
  EXPECT_FALSE(d.HasParseError()) << text;
  return d;
}

TEST_P(RosterStoreContract, GetReturnsTheStoredObject) {
  SchoolIds s = SeedSchool(site_a_, "a");
  auto stu = store().Get(RosterScope{site_a_}, ObjectKind::kStudent, s.Id("stu1"));
  ASSERT_TRUE(IsOk(stu));
  EXPECT_EQ(stu->sourced_id, "a-stu1");
  EXPECT_EQ(stu->status, RecordStatus::kActive);
  EXPECT_EQ(stu->date_last_modified_ms, clock().NowUnixMillis());
  rapidjson::Document d = Json(*stu);
  EXPECT_STREQ(d["dateLastModified"].GetString(), "2025-11-24T16:00:00.000Z");
  EXPECT_STREQ(d["role"].GetString(), "student");
  EXPECT_STREQ(d["agents"][0]["href"].GetString(),
               "https://h.example/ims/oneroster/v1p1/users/a-gua1");
  EXPECT_STREQ(d["metadata"]["uk.upn"].GetString(), "B801200005001");

  auto cls = store().Get(RosterScope{site_a_}, ObjectKind::kClass, s.Id("cls-ma1"));
  ASSERT_TRUE(IsOk(cls));
  rapidjson::Document c = Json(*cls);
  EXPECT_EQ(c["terms"].Size(), 2u);
  EXPECT_STREQ(c["school"]["sourcedId"].GetString(), "a-sch");

  auto enr = store().Get(RosterScope{site_a_}, ObjectKind::kEnrollment, s.Enr("tea1", "cls-ma1"));
  ASSERT_TRUE(IsOk(enr));
  EXPECT_STREQ(Json(*enr)["primary"].GetString(), "true");
  auto demo = store().Get(RosterScope{site_a_}, ObjectKind::kDemographics, s.Id("stu1"));
  ASSERT_TRUE(IsOk(demo));
  EXPECT_STREQ(Json(*demo)["birthDate"].GetString(), "2014-03-02");
}

TEST_P(RosterStoreContract, GetNarrowsByKind) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const RosterScope scope{site_a_};
  auto code = [&](ObjectKind kind, const std::string& id) {
    auto r = store().Get(scope, kind, id);
    return r.ok() ? std::string("ok") : ErrorCodeName(r.error().code);
  };
  const std::string not_found = ErrorCodeName(ErrorCode::kNotFound);
  EXPECT_EQ(code(ObjectKind::kTeacher, s.Id("tea1")), "ok");
  EXPECT_EQ(code(ObjectKind::kTeacher, s.Id("stu1")), not_found);
  EXPECT_EQ(code(ObjectKind::kStudent, s.Id("tea1")), not_found);
  EXPECT_EQ(code(ObjectKind::kUser, s.Id("gua1")), "ok");
  EXPECT_EQ(code(ObjectKind::kSchool, s.Id("sch")), "ok");
  EXPECT_EQ(code(ObjectKind::kSchool, s.Id("dist")), not_found);
  EXPECT_EQ(code(ObjectKind::kOrg, s.Id("dist")), "ok");
  EXPECT_EQ(code(ObjectKind::kTerm, s.Id("t1")), "ok");
  EXPECT_EQ(code(ObjectKind::kTerm, s.Id("g1")), not_found);
  EXPECT_EQ(code(ObjectKind::kGradingPeriod, s.Id("g1")), "ok");
  EXPECT_EQ(code(ObjectKind::kAcademicSession, s.Id("y")), "ok");
  EXPECT_EQ(code(ObjectKind::kCourse, s.Id("crs-ma")), "ok");
  EXPECT_EQ(code(ObjectKind::kResource, s.Id("res")), "ok");
  EXPECT_EQ(code(ObjectKind::kClass, s.Id("crs-ma")), not_found);
  EXPECT_EQ(code(ObjectKind::kUser, "nobody"), not_found);
}

TEST_P(RosterStoreContract, TopLevelListingsFilterByTypeAndRole) {
  SchoolIds s = SeedSchool(site_a_, "a");
  EXPECT_EQ(Ids(site_a_, Listing::kOrgs), Sorted({s.Id("dist"), s.Id("sch")}));
  EXPECT_EQ(Ids(site_a_, Listing::kSchools), (std::vector<std::string>{s.Id("sch")}));
  EXPECT_EQ(Ids(site_a_, Listing::kTerms), Sorted({s.Id("t1"), s.Id("t2")}));
  EXPECT_EQ(Ids(site_a_, Listing::kGradingPeriods), Sorted({s.Id("g1"), s.Id("g2")}));
  EXPECT_EQ(Ids(site_a_, Listing::kAcademicSessions).size(), 5u);
  EXPECT_EQ(Ids(site_a_, Listing::kStudents),
            Sorted({s.Id("stu1"), s.Id("stu2"), s.Id("stu3"), s.Id("stu4")}));
  EXPECT_EQ(Ids(site_a_, Listing::kTeachers), Sorted({s.Id("tea1"), s.Id("tea2")}));
  EXPECT_EQ(Ids(site_a_, Listing::kUsers).size(), 7u);
  EXPECT_EQ(Ids(site_a_, Listing::kEnrollments).size(), 8u);
  EXPECT_EQ(Ids(site_a_, Listing::kClasses).size(), 3u);
  EXPECT_EQ(Ids(site_a_, Listing::kCourses).size(), 2u);
  EXPECT_EQ(Ids(site_a_, Listing::kDemographics), Sorted({s.Id("stu1"), s.Id("stu2")}));
  EXPECT_EQ(Ids(site_a_, Listing::kResources), (std::vector<std::string>{s.Id("res")}));
}

TEST_P(RosterStoreContract, FiltersOnColumnsAndDottedFields) {
  SchoolIds s = SeedSchool(site_a_, "a");
  auto ids = [&](Listing l, const char* filter) {
    return Ids(site_a_, l, "", "", {}, {{"filter", filter}});
  };
  EXPECT_EQ(ids(Listing::kUsers, "metadata.uk.upn='B801200005001'"),
            (std::vector<std::string>{s.Id("stu1")}));
  EXPECT_EQ(ids(Listing::kUsers, "role='teacher' OR username='gua1'"),
            Sorted({s.Id("tea1"), s.Id("tea2"), s.Id("gua1")}));
  EXPECT_EQ(ids(Listing::kUsers, "agents.sourcedId~'stu1'"),
            (std::vector<std::string>{s.Id("gua1")}));
  EXPECT_EQ(ids(Listing::kClasses, "course.sourcedId='a-crs-ma'"),
            Sorted({s.Id("cls-ma1"), s.Id("cls-ma2")}));
  EXPECT_EQ(ids(Listing::kClasses, "terms.sourcedId~'a-t2'"),
            Sorted({s.Id("cls-ma1"), s.Id("cls-ma2")}));
  EXPECT_EQ(ids(Listing::kEnrollments, "primary='true'"),
            Sorted({s.Enr("tea1", "cls-ma1"), s.Enr("tea2", "cls-en1")}));
  EXPECT_EQ(ids(Listing::kEnrollments, "class.sourcedId='a-cls-en1' AND role='student'"),
            Sorted({s.Enr("stu1", "cls-en1"), s.Enr("stu4", "cls-en1")}));
  EXPECT_EQ(ids(Listing::kDemographics, "birthDate>'2014-05-01'"),
            (std::vector<std::string>{s.Id("stu2")}));
  EXPECT_EQ(ids(Listing::kOrgs, "parent.sourcedId='a-dist'"),
            (std::vector<std::string>{s.Id("sch")}));
  EXPECT_TRUE(ids(Listing::kClasses, "title='norecords'").empty());
}

TEST_P(RosterStoreContract, UnchangedPutKeepsDateLastModified) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const int64_t first = clock().NowUnixMillis();
  clock().AdvanceSeconds(60);
  User same{.site_id = site_a_,
            .sourced_id = s.Id("tea2"),
            .username = "tea2",
            .given_name = "tea2",
            .family_name = "Family",
            .role = Role::kTeacher,
            .identifier = "tea2",
            .org_ids = {s.Id("sch")}};
  ASSERT_TRUE(IsOk(store().PutUsers(std::span(&same, 1))));
  auto got = store().Get(RosterScope{site_a_}, ObjectKind::kUser, s.Id("tea2"));
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->date_last_modified_ms, first);

  same.email = "tea2@school.example";
  ASSERT_TRUE(IsOk(store().PutUsers(std::span(&same, 1))));
  got = store().Get(RosterScope{site_a_}, ObjectKind::kUser, s.Id("tea2"));
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->date_last_modified_ms, first + 60000);
  EXPECT_STREQ(Json(*got)["email"].GetString(), "tea2@school.example");
}

TEST_P(RosterStoreContract, StampsNeverGoBackwards) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const int64_t first = clock().NowUnixMillis();
  clock().AdvanceSeconds(-3600);  // the wall clock steps back
  Resource r{.site_id = site_a_,
             .sourced_id = s.Id("res"),
             .title = "Maths 2",
             .vendor_resource_id = "dlm"};
  ASSERT_TRUE(IsOk(store().PutResources(std::span(&r, 1))));
  auto got = store().Get(RosterScope{site_a_}, ObjectKind::kResource, s.Id("res"));
  ASSERT_TRUE(IsOk(got));
  EXPECT_GE(got->date_last_modified_ms, first);
}

TEST_P(RosterStoreContract, InvalidRecordsWriteNothing) {
  std::vector<User> users = {
      {.site_id = site_a_, .sourced_id = "ok-1", .username = "u", .role = Role::kStudent},
      {.site_id = site_a_, .sourced_id = "bad id/../", .username = "u"}};
  auto st = store().PutUsers(users);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Ids(site_a_, Listing::kUsers).empty());

  Org no_site{.sourced_id = "o1", .name = "x"};
  EXPECT_EQ(store().PutOrgs(std::span(&no_site, 1)).error().code, ErrorCode::kInvalidArgument);
  Class bad_ref{.site_id = site_a_, .sourced_id = "c1", .title = "x", .term_ids = {"t 1"}};
  EXPECT_EQ(store().PutClasses(std::span(&bad_ref, 1)).error().code, ErrorCode::kInvalidArgument);
  Enrollment no_class{.site_id = site_a_, .sourced_id = "e1", .user_id = "u", .school_id = "s"};
  EXPECT_EQ(store().PutEnrollments(std::span(&no_class, 1)).error().code,
            ErrorCode::kInvalidArgument);
}

TEST_P(RosterStoreContract, FailedTransactionUndoesEverything) {
  Status st = store().InTransaction([&]() -> Status {
    Org o{.site_id = site_a_, .sourced_id = "o1", .name = "School"};
    MUSTER_RETURN_IF_ERROR(store().PutOrgs(std::span(&o, 1)));
    return MakeError(ErrorCode::kInternal, "test", "stop");
  });
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(Ids(site_a_, Listing::kOrgs).empty());
}

TEST_P(RosterStoreContract, QueryCompiledWithAnotherFirstPlaceholderIsRefused) {
  SeedSchool(site_a_, "a");
  oneroster::query::CompiledQuery q;
  q.where = "u.role = ?";
  q.params = {std::string("student")};
  q.order_by = "u.sourced_id ASC";
  q.next_placeholder = 3;  // compiled with first_placeholder = 2
  auto page = store().List(RosterScope{site_a_}, ListTarget{Listing::kUsers}, q, {});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().code, ErrorCode::kInternal);
  q.next_placeholder = 2;
  EXPECT_TRUE(IsOk(store().List(RosterScope{site_a_}, ListTarget{Listing::kUsers}, q, {})));
}

TEST_P(RosterStoreContract, ScanStreamsThePageInOrderAndCountsOnlyWhenAsked) {
  SeedSchool(site_a_, "a");
  SeedSchool(site_b_, "b");
  const std::vector<std::string> all = Ids(site_a_, Listing::kUsers);
  ASSERT_GE(all.size(), 3u);
  const auto& catalog = CatalogFor(Entity::kUser);
  auto query = oneroster::query::ParseCollectionQuery({{"limit", "2"}, {"offset", "1"}}, catalog);
  ASSERT_TRUE(IsOk(query));
  auto compiled = oneroster::query::CompileQuery(*query, catalog, store().QueryDialect());
  ASSERT_TRUE(IsOk(compiled));
  // Each view is read inside its call (it is only valid there), and the rows come in order.
  std::vector<std::string> seen;
  std::vector<std::string> bodies;
  auto total = store().Scan(RosterScope{site_a_}, ListTarget{Listing::kUsers}, *compiled, {},
                            [&](const StoredObjectView& o) {
                              seen.emplace_back(o.sourced_id);
                              bodies.emplace_back(o.body);
                              EXPECT_EQ(o.status, RecordStatus::kActive);
                              EXPECT_GT(o.date_last_modified_ms, 0);
                            });
  ASSERT_TRUE(IsOk(total));
  EXPECT_EQ(*total, static_cast<int64_t>(all.size()));
  EXPECT_EQ(seen, (std::vector<std::string>{all[1], all[2]}));
  for (const std::string& body : bodies) EXPECT_NE(body.find("\"username\""), std::string::npos);

  ReadOptions uncounted;
  uncounted.count_total = false;
  seen.clear();
  total = store().Scan(RosterScope{site_a_}, ListTarget{Listing::kUsers}, *compiled, uncounted,
                       [&](const StoredObjectView& o) { seen.emplace_back(o.sourced_id); });
  ASSERT_TRUE(IsOk(total));
  EXPECT_EQ(*total, 0);
  EXPECT_EQ(seen.size(), 2u);
}

}  // namespace
}  // namespace muster::roster::contract
