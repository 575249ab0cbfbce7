// Route-level tests of the OneRoster API: the real Router and guard, real tokens from the real
// TokenService, a real SQLite roster holding two generated primary schools. The end-to-end
// suite (tests/integration/js/oneroster*.test.mjs) runs the same API over HTTP on demo data.

#include "oneroster/api/oneroster_routes.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <set>

#include "auth/guard.h"
#include "auth/site_lookup.h"
#include "core/time_format.h"
#include "roster/generator/plan.h"
#include "roster/generator/school_calendar.h"
#include "roster/generator/school_generator.h"
#include "storage/sqlite/sqlite_roster_store.h"
#include "tests/support/sts_fixture.h"

namespace muster::oneroster::api {
namespace {

using http::Method;
namespace gen = roster::generator;

constexpr char kBase[] = "/ims/oneroster/v1p1";
constexpr char kPublic[] = "https://muster.example";
constexpr char kScopes[] = "https://purl.imsglobal.org/spec/or/v1p1/scope/";

std::string HeaderOf(const http::Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

rapidjson::Document Parse(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  EXPECT_FALSE(doc.HasParseError()) << body;
  return doc;
}

std::string CodeMinor(const rapidjson::Document& doc) {
  return doc["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"].GetString();
}

Status Write(roster::RosterStore& store, const gen::SchoolRoster& s) {
  return store.InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(store.PutOrgs(s.orgs));
    MUSTER_RETURN_IF_ERROR(store.PutAcademicSessions(s.sessions));
    MUSTER_RETURN_IF_ERROR(store.PutCourses(s.courses));
    MUSTER_RETURN_IF_ERROR(store.PutClasses(s.classes));
    MUSTER_RETURN_IF_ERROR(store.PutUsers(s.users));
    MUSTER_RETURN_IF_ERROR(store.PutEnrollments(s.enrollments));
    MUSTER_RETURN_IF_ERROR(store.PutDemographics(s.demographics));
    return store.PutResources(s.resources);
  });
}

class OneRosterRoutesTest : public ::testing::Test, public muster::testing::StsFixture {
 protected:
  OneRosterRoutesTest() {
    a_ = CreateSchool("a");
    b_ = CreateSchool("b");
    auto store = storage::sqlite::SqliteRosterStore::Open(dir_.File("muster.db"), {}, clock_);
    EXPECT_TRUE(store.ok());
    roster_ = std::move(store).value();
    // Two primaries of the `m` plan: small, and with distinct sourcedIds.
    gen::DatasetPlan plan = gen::PlanDataset(gen::DemoSize::kM, 7);
    std::vector<const gen::SchoolPlan*> primaries;
    for (const auto& s : plan.schools) {
      if (s.phase == gen::Phase::kPrimary && !s.in_district) primaries.push_back(&s);
    }
    EXPECT_GE(primaries.size(), 1u);
    const auto calendar = gen::CalendarFor(gen::FromUnixMillis(clock_.NowUnixMillis()));
    roster_a_ = gen::GenerateSchool(*primaries[0], nullptr, calendar, a_.site.id);
    gen::SchoolPlan other = *primaries[0];
    other.organisation_id = "B0000000-0000-4000-8000-000000000001";
    other.dfe_code = "9992001";
    other.seed += 1;
    roster_b_ = gen::GenerateSchool(other, nullptr, calendar, b_.site.id);
    EXPECT_TRUE(Write(*roster_, roster_a_).ok());
    EXPECT_TRUE(Write(*roster_, roster_b_).ok());
    reader_ = std::make_unique<RosterReader>(*roster_);
    auto resolve = [this](const http::Principal& p) -> Result<roster::RosterScope> {
      MUSTER_ASSIGN_OR_RETURN(storage::Site site, auth::SiteOfPrincipal(*registry_, p));
      return roster::RosterScope{site.id};
    };
    EXPECT_TRUE(RegisterOneRosterRoutes(router_, OneRosterDeps{*reader_, resolve, kPublic}).ok());
    router_.SetGuard(auth::MakeBearerGuard(validator_));
    token_a_ = TokenFor(a_.oneroster);
    token_b_ = TokenFor(b_.oneroster);
  }

  http::Response Get(const std::string& path, const std::string& token) {
    http::Request req = MakeRequest(Method::kGet, kBase + path, token);
    return router_.Dispatch(req);
  }
  http::Response GetA(const std::string& path) { return Get(path, token_a_); }

  const roster::User& FirstOfRole(const gen::SchoolRoster& s, roster::Role role) {
    for (const auto& u : s.users) {
      if (u.role == role) return u;
    }
    ADD_FAILURE() << "no user of that role";
    return s.users.front();
  }
  const roster::Class& FirstClass(const gen::SchoolRoster& s) { return s.classes.front(); }

  muster::testing::SchoolSetup a_, b_;
  std::unique_ptr<storage::sqlite::SqliteRosterStore> roster_;
  gen::SchoolRoster roster_a_, roster_b_;
  std::unique_ptr<RosterReader> reader_;
  http::Router router_;
  std::string token_a_, token_b_;
};

TEST_F(OneRosterRoutesTest, TheTableHasEachOfThe45OperationsOnceWithItsScope) {
  std::set<std::string> ops;
  int count = 0;
  for (const auto& r : router_.routes()) {
    if (r->path.rfind(kBase, 0) != 0) continue;
    ++count;
    ops.insert(r->help);
    EXPECT_EQ(r->shape, http::ErrorShape::kImsx);
    const bool nested = std::count(r->path.begin(), r->path.end(), '/') > 4;
    std::string want = "roster-core.readonly";
    if (r->path.find("resources") != std::string::npos) {
      want = "resource.readonly";
    } else if (r->path.find("demographics") != std::string::npos) {
      want = "roster-demographics.readonly";
    } else if (nested && r->path.back() != '}') {
      want = "roster.readonly";
    }
    EXPECT_EQ(r->scope, kScopes + want) << r->path;
  }
  EXPECT_EQ(count, 45);
  for (const auto& info : roster::AllObjectKinds()) EXPECT_TRUE(ops.count(info.operation_id));
  for (const auto& info : roster::AllListings()) EXPECT_TRUE(ops.count(info.operation_id));
  EXPECT_EQ(ops.size(), 45u);
}

TEST_F(OneRosterRoutesTest, ACollectionPageHasItsEnvelopeTotalAndLinks) {
  auto r = GetA("/users?limit=5&filter=role%3D%27student%27");
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = Parse(r.body);
  ASSERT_TRUE(doc["users"].IsArray());
  EXPECT_EQ(doc["users"].Size(), 5u);
  int64_t students = 0;
  for (const auto& u : roster_a_.users) students += u.role == roster::Role::kStudent;
  EXPECT_EQ(HeaderOf(r, "X-Total-Count"), std::to_string(students));
  const std::string link = HeaderOf(r, "Link");
  EXPECT_NE(link.find(std::string("<") + kPublic + kBase + "/users?filter=role%3D%27student%27"),
            std::string::npos)
      << link;
  EXPECT_NE(link.find("rel=\"next\""), std::string::npos);
  EXPECT_EQ(link.find("rel=\"prev\""), std::string::npos);
  for (const auto& u : doc["users"].GetArray()) {
    EXPECT_STREQ(u["role"].GetString(), "student");
    const std::string href = u["orgs"][0]["href"].GetString();
    EXPECT_EQ(href.rfind(std::string(kPublic) + kBase + "/orgs/", 0), 0u) << href;
  }
}

TEST_F(OneRosterRoutesTest, AnObjectOfAnotherSchoolIsUnknownAndItsNestedListsAreEmpty) {
  const roster::User& pupil_b = FirstOfRole(roster_b_, roster::Role::kStudent);
  auto own = Get("/students/" + pupil_b.sourced_id, token_b_);
  EXPECT_EQ(own.status, 200) << own.body;
  auto other = GetA("/students/" + pupil_b.sourced_id);
  EXPECT_EQ(other.status, 404);
  auto doc = Parse(other.body);
  EXPECT_STREQ(doc["imsx_codeMajor"].GetString(), "failure");
  EXPECT_EQ(CodeMinor(doc), "unknownobject");
  EXPECT_EQ(other.body.find(pupil_b.given_name), std::string::npos);

  auto nested = GetA("/classes/" + FirstClass(roster_b_).sourced_id + "/students");
  ASSERT_EQ(nested.status, 200) << nested.body;
  EXPECT_EQ(Parse(nested.body)["users"].Size(), 0u);
  EXPECT_EQ(HeaderOf(nested, "X-Total-Count"), "0");
  auto own_nested = Get("/classes/" + FirstClass(roster_b_).sourced_id + "/students", token_b_);
  EXPECT_GT(Parse(own_nested.body)["users"].Size(), 0u);
}

TEST_F(OneRosterRoutesTest, ATeacherIsNotAStudent) {
  const roster::User& teacher = FirstOfRole(roster_a_, roster::Role::kTeacher);
  EXPECT_EQ(GetA("/teachers/" + teacher.sourced_id).status, 200);
  EXPECT_EQ(GetA("/users/" + teacher.sourced_id).status, 200);
  EXPECT_EQ(GetA("/students/" + teacher.sourced_id).status, 404);
}

TEST_F(OneRosterRoutesTest, UnknownSortAndFieldsNamesAreWarningsInA200) {
  auto r = GetA("/users?limit=2&sort=shoeSize&fields=sourcedId,givenName,nickname");
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = Parse(r.body);
  ASSERT_TRUE(doc.HasMember("statusInfoSet"));
  std::set<std::string> minors;
  for (const auto& w : doc["statusInfoSet"].GetArray()) {
    EXPECT_STREQ(w["imsx_severity"].GetString(), "warning");
    minors.insert(
        w["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"].GetString());
  }
  EXPECT_EQ(minors, (std::set<std::string>{"invalid_sort_field", "invalid_selection_field"}));
  const auto& user = doc["users"][0];
  EXPECT_TRUE(user.HasMember("givenName"));
  EXPECT_FALSE(user.HasMember("familyName"));
}

TEST_F(OneRosterRoutesTest, BadQueriesAre400sInTheImsxShape) {
  struct Case {
    std::string query;
    std::string minor;
  };
  for (const Case& c :
       {Case{"filter=shoeSize%3D%2742%27", "invalid_filter_field"},
        Case{"filter=givenName%3D", "invalid_filter_field"}, Case{"limit=-1", "invaliddata"},
        Case{"offset=x", "invaliddata"}, Case{"fields=nope", "invalid_selection_field"},
        Case{"filter=%zz", "invaliddata"}}) {
    auto r = GetA("/users?" + c.query);
    EXPECT_EQ(r.status, 400) << c.query;
    auto doc = Parse(r.body);
    EXPECT_EQ(CodeMinor(doc), c.minor) << c.query << " " << r.body;
  }
}

TEST_F(OneRosterRoutesTest, ScopesAreCheckedPerOperation) {
  std::string core_only = TokenFor(a_.oneroster, std::string(kScopes) + "roster-core.readonly");
  ASSERT_FALSE(core_only.empty());
  EXPECT_EQ(Get("/users?limit=1", core_only).status, 200);
  auto nested = Get("/schools/x/students", core_only);
  EXPECT_EQ(nested.status, 403);
  EXPECT_EQ(CodeMinor(Parse(nested.body)), "forbidden");
  EXPECT_EQ(Get("/demographics", core_only).status, 403);
  EXPECT_EQ(Get("/resources", core_only).status, 403);
  // roster.readonly implies roster-core.readonly (oneroster.md §1.2).
  std::string roster_only = TokenFor(a_.oneroster, std::string(kScopes) + "roster.readonly");
  EXPECT_EQ(Get("/users?limit=1", roster_only).status, 200);
  EXPECT_EQ(Get("/schools/x/students", roster_only).status, 200);
  // No token: 401 in the imsx shape.
  auto none = Get("/users", "");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(CodeMinor(Parse(none.body)), "unauthorisedrequest");
}

TEST_F(OneRosterRoutesTest, TombstonesShowOnlyToLifecycleFilters) {
  const roster::User& pupil = FirstOfRole(roster_a_, roster::Role::kStudent);
  const int64_t before = clock_.NowUnixMillis();
  clock_.Advance(std::chrono::seconds(5));
  std::vector<std::string> ids{pupil.sourced_id};
  ASSERT_TRUE(roster_->Tombstone({a_.site.id}, roster::Entity::kUser, ids).ok());
  auto all = Parse(GetA("/users?limit=10000").body);
  ASSERT_GT(all["users"].Size(), 0u);
  for (const auto& u : all["users"].GetArray()) {
    EXPECT_NE(u["sourcedId"].GetString(), pupil.sourced_id);
  }
  // The delta since `before`: the pupil, tobedeleted, and their enrollments.
  auto delta = GetA("/users?filter=dateLastModified%3E%27" + FormatIso8601Millis(before) + "%27");
  ASSERT_EQ(delta.status, 200) << delta.body;
  auto doc = Parse(delta.body);
  ASSERT_EQ(doc["users"].Size(), 1u) << delta.body;
  EXPECT_STREQ(doc["users"][0]["sourcedId"].GetString(), pupil.sourced_id.c_str());
  EXPECT_STREQ(doc["users"][0]["status"].GetString(), "tobedeleted");
  auto one = GetA("/users/" + pupil.sourced_id);
  EXPECT_EQ(one.status, 200);
  EXPECT_STREQ(Parse(one.body)["user"]["status"].GetString(), "tobedeleted");
}

}  // namespace
}  // namespace muster::oneroster::api
