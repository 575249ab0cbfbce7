#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/uuid.h"
#include "roster/generator/plan.h"
#include "roster/generator/school_generator.h"
#include "roster/generator/uk_identifiers.h"
#include "roster/json.h"

namespace muster::roster::generator {
namespace {

const SchoolCalendar& Calendar() {
  static const SchoolCalendar cal = CalendarFor({2026, 11, 25});
  return cal;
}

// Every record serialized, in order: equal strings = identical rosters.
std::string Fingerprint(const SchoolRoster& r) {
  std::string out;
  auto add = [&](const auto& records) {
    for (const auto& x : records) out += x.sourced_id + SerializeBody(x) + "\n";
  };
  add(r.orgs);
  add(r.sessions);
  add(r.courses);
  add(r.classes);
  add(r.users);
  add(r.enrollments);
  add(r.demographics);
  add(r.resources);
  return out;
}

std::string Meta(const User& u, const std::string& key) {
  for (const auto& [k, v] : u.metadata) {
    if (k == key) return v;
  }
  return "";
}

TEST(PlanTest, SmallIsTheThreeDemoSchools) {
  const DatasetPlan plan = PlanDataset(DemoSize::kS, 7);
  ASSERT_EQ(plan.schools.size(), 3u);
  EXPECT_FALSE(plan.district.has_value());
  EXPECT_EQ(plan.schools[0].name, "Millbrook Primary School");
  EXPECT_EQ(plan.schools[0].slug, "millbrook-primary");
  EXPECT_EQ(plan.schools[2].slug, "st-aldhelms-high");
  for (const auto& [school, dfe] :
       std::map<size_t, std::string>{{0, "9192431"}, {1, "3304012"}, {2, "8864105"}}) {
    EXPECT_EQ(plan.schools[school].dfe_code, dfe);
    // The same organisation id app/demo.cc gives the site.
    EXPECT_EQ(plan.schools[school].organisation_id, DerivedGuid("muster-demo", "site/" + dfe));
  }
  EXPECT_EQ(PlanDataset(DemoSize::kS, 8).schools[1].organisation_id,
            plan.schools[1].organisation_id);
}

TEST(PlanTest, TrustAndLocalAuthorityIdentifiersAreWellFormed) {
  for (DemoSize size : {DemoSize::kM, DemoSize::kL}) {
    const DatasetPlan plan = PlanDataset(size, 1);
    ASSERT_TRUE(plan.district.has_value());
    EXPECT_EQ(plan.schools.size(), size == DemoSize::kM ? 28u : 103u);
    std::set<std::string> dfe, urn, names, ids;
    for (const SchoolPlan& s : plan.schools) {
      EXPECT_TRUE(IsWellFormedDfeNumber(s.dfe_code)) << s.dfe_code;
      EXPECT_TRUE(IsWellFormedUrn(s.urn)) << s.urn;
      EXPECT_EQ(s.urn.substr(0, 2), "99");
      EXPECT_TRUE(IsValidLaCode(s.la_code));
      EXPECT_EQ(s.dfe_code.substr(0, 3), std::to_string(s.la_code));
      EXPECT_EQ(s.estab / 1000, s.phase == Phase::kPrimary ? 2 : 4) << s.dfe_code;
      EXPECT_TRUE(dfe.insert(s.dfe_code).second);
      EXPECT_TRUE(urn.insert(s.urn).second);
      EXPECT_TRUE(names.insert(s.name).second) << s.name;
      EXPECT_TRUE(ids.insert(s.organisation_id).second);
    }
    if (size == DemoSize::kL) {
      EXPECT_TRUE(plan.district->local_authority);
      EXPECT_TRUE(IsValidLaCode(std::stoi(plan.district->identifier)));
    } else {
      EXPECT_EQ(plan.district->identifier.substr(0, 3), "TR0");
    }
  }
}

TEST(GeneratorTest, SameSeedSameRosterDifferentSeedDifferentRoster) {
  const DatasetPlan a = PlanDataset(DemoSize::kM, 11);
  const DatasetPlan b = PlanDataset(DemoSize::kM, 11);
  const DatasetPlan c = PlanDataset(DemoSize::kM, 12);
  EXPECT_EQ(a.schools.back().name, b.schools.back().name);
  const std::string one = Fingerprint(GenerateSchool(a.schools[0], nullptr, Calendar(), 5));
  EXPECT_EQ(one, Fingerprint(GenerateSchool(b.schools[0], nullptr, Calendar(), 5)));
  EXPECT_NE(one, Fingerprint(GenerateSchool(c.schools[0], nullptr, Calendar(), 5)));
  const std::string trust_school =
      Fingerprint(GenerateSchool(a.schools[10], &*a.district, Calendar(), 9));
  EXPECT_EQ(trust_school, Fingerprint(GenerateSchool(b.schools[10], &*b.district, Calendar(), 9)));
}

// Checks that hold for any school; returns pupils per year group code.
std::map<std::string, int> CheckSchool(const SchoolRoster& r, const SchoolPlan& plan,
                                       int64_t site) {
  std::set<std::string> users, classes, courses, sessions, orgs, resources, upns, usernames;
  for (const Org& o : r.orgs) orgs.insert(o.sourced_id);
  for (const AcademicSession& s : r.sessions) sessions.insert(s.sourced_id);
  for (const Course& c : r.courses) courses.insert(c.sourced_id);
  for (const Class& c : r.classes) classes.insert(c.sourced_id);
  for (const Resource& x : r.resources) resources.insert(x.sourced_id);
  std::map<std::string, const User*> by_id;
  for (const User& u : r.users) {
    EXPECT_TRUE(users.insert(u.sourced_id).second);
    EXPECT_TRUE(IsValidSourcedId(u.sourced_id));
    EXPECT_EQ(u.site_id, site);
    EXPECT_TRUE(usernames.insert(u.username).second) << u.username;
    EXPECT_FALSE(u.identifier.empty());
    EXPECT_FALSE(u.email.empty());
    EXPECT_EQ(u.org_ids, std::vector<std::string>{plan.organisation_id});
    by_id[u.sourced_id] = &u;
  }
  EXPECT_TRUE(orgs.count(plan.organisation_id));
  std::map<std::string, int> per_year;
  int pupils = 0, guardian_links = 0;
  for (const User& u : r.users) {
    for (const std::string& agent : u.agent_ids) {
      EXPECT_TRUE(by_id.count(agent)) << "dangling agent";
      if (!by_id.count(agent)) continue;
      const auto& back = by_id[agent]->agent_ids;  // both directions
      EXPECT_NE(std::find(back.begin(), back.end(), u.sourced_id), back.end());
    }
    if (u.role != Role::kStudent) continue;
    ++pupils;
    guardian_links += static_cast<int>(u.agent_ids.size());
    EXPECT_GE(u.agent_ids.size(), 1u);
    EXPECT_EQ(u.username.find('@'), std::string::npos);
    EXPECT_EQ(u.user_ids.size(), 1u);
    if (u.user_ids.size() != 1) continue;
    EXPECT_EQ(u.user_ids[0].type, "UPN");
    EXPECT_TRUE(IsValidUpn(u.user_ids[0].identifier)) << u.user_ids[0].identifier;
    EXPECT_EQ(u.user_ids[0].identifier.substr(1, 7), plan.dfe_code);
    EXPECT_TRUE(upns.insert(u.user_ids[0].identifier).second);
    EXPECT_EQ(Meta(u, "uk.upn"), u.user_ids[0].identifier);
    EXPECT_FALSE(Meta(u, "uk.registrationGroup").empty()) << u.sourced_id;
    EXPECT_FALSE(Meta(u, "uk.house").empty());
    ++per_year[Meta(u, "uk.yearGroup")];
  }
  EXPECT_GT(pupils, 0);
  // ~1.5 guardians per pupil (oneroster.md §6), counting links: siblings share guardians.
  const double per_pupil = static_cast<double>(guardian_links) / pupils;
  EXPECT_GT(per_pupil, 1.6);
  EXPECT_LT(per_pupil, 2.2);
  for (const Class& c : r.classes) {
    EXPECT_TRUE(courses.count(c.course_id));
    EXPECT_EQ(c.school_id, plan.organisation_id);
    EXPECT_EQ(c.term_ids.size(), 3u);
    for (const std::string& t : c.term_ids) EXPECT_TRUE(sessions.count(t));
    for (const std::string& x : c.resource_ids) EXPECT_TRUE(resources.count(x));
  }
  std::map<std::string, int> primary_teachers, students_in_class;
  for (const Enrollment& e : r.enrollments) {
    EXPECT_TRUE(users.count(e.user_id));
    EXPECT_TRUE(classes.count(e.class_id));
    EXPECT_EQ(e.school_id, plan.organisation_id);
    EXPECT_EQ(by_id[e.user_id]->role, e.role);
    if (e.role == Role::kTeacher && e.primary.value_or(false)) ++primary_teachers[e.class_id];
    if (e.role == Role::kStudent) ++students_in_class[e.class_id];
  }
  for (const Class& c : r.classes) {
    EXPECT_EQ(primary_teachers[c.sourced_id], 1) << c.title;
    EXPECT_GT(students_in_class[c.sourced_id], 0) << c.title;
    EXPECT_LE(students_in_class[c.sourced_id], 32) << c.title;
  }
  EXPECT_EQ(r.demographics.size(), static_cast<size_t>(pupils));
  return per_year;
}

TEST(GeneratorTest, MillbrookPrimary) {
  const DatasetPlan plan = PlanDataset(DemoSize::kS, 1);
  const SchoolRoster r = GenerateSchool(plan.schools[0], nullptr, Calendar(), 3);
  const auto per_year = CheckSchool(r, plan.schools[0], 3);
  for (const auto& [code, n] : per_year) {
    EXPECT_TRUE(code == "R" ||
                (code.size() == 2 && code[0] == 'Y' && code[1] >= '1' && code[1] <= '6'))
        << code;
  }
  EXPECT_EQ(per_year.size(), 7u);
  size_t pupils = 0;
  for (const auto& [code, n] : per_year) pupils += static_cast<size_t>(n);
  EXPECT_NEAR(static_cast<double>(pupils), 275, 25);
  EXPECT_NEAR(static_cast<double>(r.classes.size()), 10, 1);
  for (const Class& c : r.classes) EXPECT_EQ(c.class_type, ClassType::kHomeroom);
  EXPECT_NEAR(static_cast<double>(r.enrollments.size()), 300, 40);
  // Orgs: the school only (no trust); sessions: year, 3 terms, 6 half terms.
  ASSERT_EQ(r.orgs.size(), 1u);
  EXPECT_EQ(r.orgs[0].identifier, "9192431");
  EXPECT_EQ(r.sessions.size(), 10u);
  EXPECT_EQ(r.sessions[0].school_year, "2027");
  // A Year 6 pupil was born Sep 2015 - Aug 2016.
  for (const Demographics& d : r.demographics) {
    EXPECT_GE(d.birth_date, "2014-09-01");
    EXPECT_LE(d.birth_date, "2022-08-31");
  }
}

TEST(GeneratorTest, AshcombeSecondary) {
  const DatasetPlan plan = PlanDataset(DemoSize::kS, 1);
  const SchoolRoster r = GenerateSchool(plan.schools[1], nullptr, Calendar(), 4);
  const auto per_year = CheckSchool(r, plan.schools[1], 4);
  std::set<std::string> codes;
  for (const auto& [code, n] : per_year) codes.insert(code);
  EXPECT_EQ(codes, (std::set<std::string>{"Y10", "Y11", "Y12", "Y13", "Y7", "Y8", "Y9"}));
  size_t pupils = 0;
  for (const auto& [code, n] : per_year) pupils += static_cast<size_t>(n);
  EXPECT_NEAR(static_cast<double>(pupils), 1100, 60);
  EXPECT_NEAR(static_cast<double>(r.classes.size()), 600, 80);
  EXPECT_NEAR(static_cast<double>(r.enrollments.size()), 15000, 2000);
  int homeroom = 0, teachers = 0;
  for (const Class& c : r.classes) homeroom += c.class_type == ClassType::kHomeroom;
  for (const User& u : r.users) teachers += u.role == Role::kTeacher;
  EXPECT_NEAR(homeroom, 45, 6);
  EXPECT_NEAR(teachers, 70, 12);
  EXPECT_NEAR(static_cast<double>(r.users.size()), 2800, 250);
  // Every Year 7 pupil: 1 form + 3 sets + 11 form-group subjects.
  std::map<std::string, int> per_user;
  for (const Enrollment& e : r.enrollments) ++per_user[e.user_id];
  for (const User& u : r.users) {
    if (Meta(u, "uk.yearGroup") == "Y7") {
      EXPECT_EQ(per_user[u.sourced_id], 15);
    }
    if (Meta(u, "uk.yearGroup") == "Y10") {
      EXPECT_EQ(per_user[u.sourced_id], 10);
    }
    if (Meta(u, "uk.yearGroup") == "Y12") {
      EXPECT_EQ(per_user[u.sourced_id], 4);
    }
  }
}

TEST(GeneratorTest, TrustSchoolCarriesItsDistrictCopy) {
  const DatasetPlan plan = PlanDataset(DemoSize::kM, 3);
  const SchoolPlan& school = plan.schools[5];
  const SchoolRoster r = GenerateSchool(school, &*plan.district, Calendar(), 8);
  ASSERT_EQ(r.orgs.size(), 2u);
  EXPECT_EQ(r.orgs[0].type, OrgType::kDistrict);
  EXPECT_EQ(r.orgs[0].sourced_id, plan.district->sourced_id);
  EXPECT_EQ(r.orgs[0].child_ids, std::vector<std::string>{school.organisation_id});
  EXPECT_EQ(r.orgs[1].parent_id, plan.district->sourced_id);
  CheckSchool(r, school, 8);
}

// Every generated record, serialized as the API will, is valid JSON that passes the checks
// Microsoft SDS runs (oneroster.md §1.9).
TEST(GeneratorTest, EveryRecordMeetsTheConsumerChecklist) {
  const DatasetPlan plan = PlanDataset(DemoSize::kM, 5);
  const SchoolRoster r = GenerateSchool(plan.schools[20], &*plan.district, Calendar(), 2);
  auto parse = [](const std::string& id, const std::string& body) {
    const std::string json = ObjectJson(
        StoredObject{.sourced_id = id, .date_last_modified_ms = 1764061200000, .body = body},
        "https://h.example/ims/oneroster/v1p1");
    auto d = std::make_unique<rapidjson::Document>();
    d->Parse(json.c_str(), json.size());
    EXPECT_FALSE(d->HasParseError()) << json;
    EXPECT_STREQ((*d)["dateLastModified"].GetString(), "2025-11-25T09:00:00.000Z");
    return d;
  };
  auto ref_ok = [](const rapidjson::Value& ref) {
    return ref.IsObject() && ref.HasMember("href") && ref.HasMember("sourcedId") &&
           ref.HasMember("type") &&
           std::string(ref["href"].GetString()).ends_with(ref["sourcedId"].GetString());
  };
  for (const Org& o : r.orgs) {
    auto d = parse(o.sourced_id, SerializeBody(o));
    EXPECT_STRNE((*d)["identifier"].GetString(), "");
  }
  for (const AcademicSession& s : r.sessions) {
    auto d = parse(s.sourced_id, SerializeBody(s));
    const std::string year = (*d)["schoolYear"].GetString();
    EXPECT_EQ(year.size(), 4u);
    EXPECT_TRUE(std::all_of(year.begin(), year.end(), ::isdigit));
  }
  for (const Class& c : r.classes) {
    auto d = parse(c.sourced_id, SerializeBody(c));
    EXPECT_GT((*d)["terms"].Size(), 0u);
    EXPECT_TRUE(ref_ok((*d)["school"]));
    EXPECT_TRUE(ref_ok((*d)["course"]));
  }
  for (const User& u : r.users) {
    auto d = parse(u.sourced_id, SerializeBody(u));
    EXPECT_STRNE((*d)["identifier"].GetString(), "");
    EXPECT_STRNE((*d)["givenName"].GetString(), "");
    EXPECT_GT((*d)["orgs"].Size(), 0u);
    EXPECT_TRUE(ref_ok((*d)["orgs"][0]));
    for (const auto& agent : (*d)["agents"].GetArray()) EXPECT_TRUE(ref_ok(agent));
  }
  for (const Enrollment& e : r.enrollments) {
    auto d = parse(e.sourced_id, SerializeBody(e));
    EXPECT_TRUE(ref_ok((*d)["user"]) && ref_ok((*d)["class"]) && ref_ok((*d)["school"]));
  }
}

}  // namespace
}  // namespace muster::roster::generator
