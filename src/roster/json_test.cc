#include "roster/json.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace muster::roster {
namespace {

constexpr char kBase[] = "https://h.example/ims/oneroster/v1p1";

rapidjson::Document Parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  EXPECT_FALSE(d.HasParseError()) << json;
  return d;
}

StoredObject Stored(std::string id, std::string body) {
  return StoredObject{.sourced_id = std::move(id),
                      .status = RecordStatus::kActive,
                      .date_last_modified_ms = 1764061200123,  // 2025-11-25T09:00:00.123Z
                      .body = std::move(body)};
}

User SampleUser() {
  User u;
  u.sourced_id = "stu-1042";
  u.metadata = {{"uk.upn", "A801200005001"}, {"uk.yearGroup", "Y9"}};
  u.username = "23jonesa";
  u.user_ids = {{"UPN", "A801200005001"}};
  u.given_name = "Amy";
  u.family_name = "Jones";
  u.role = Role::kStudent;
  u.identifier = "004512";
  u.email = "23jonesa@school.example";
  u.agent_ids = {"par-77"};
  u.org_ids = {"sch-1"};
  u.grades = {"08"};
  return u;
}

TEST(RosterJsonTest, UserHasThe11ShapeWithAbsoluteHrefs) {
  const std::string json = ObjectJson(Stored("stu-1042", SerializeBody(SampleUser())), kBase);
  rapidjson::Document d = Parse(json);
  EXPECT_STREQ(d["sourcedId"].GetString(), "stu-1042");
  EXPECT_STREQ(d["status"].GetString(), "active");
  EXPECT_STREQ(d["dateLastModified"].GetString(), "2025-11-25T09:00:00.123Z");
  EXPECT_STREQ(d["metadata"]["uk.upn"].GetString(), "A801200005001");
  EXPECT_STREQ(d["enabledUser"].GetString(), "true");
  EXPECT_STREQ(d["middleName"].GetString(), "");
  EXPECT_STREQ(d["role"].GetString(), "student");
  EXPECT_STREQ(d["userIds"][0]["type"].GetString(), "UPN");
  EXPECT_STREQ(d["agents"][0]["href"].GetString(),
               "https://h.example/ims/oneroster/v1p1/users/par-77");
  EXPECT_STREQ(d["agents"][0]["sourcedId"].GetString(), "par-77");
  EXPECT_STREQ(d["agents"][0]["type"].GetString(), "user");
  EXPECT_STREQ(d["orgs"][0]["href"].GetString(), "https://h.example/ims/oneroster/v1p1/orgs/sch-1");
  EXPECT_STREQ(d["orgs"][0]["type"].GetString(), "org");
  EXPECT_STREQ(d["grades"][0].GetString(), "08");
  EXPECT_FALSE(d.HasMember("password"));
  // Members come in 1.1 model order, base first.
  std::vector<std::string> keys;
  for (const auto& m : d.GetObject()) keys.emplace_back(m.name.GetString());
  EXPECT_EQ(keys, (std::vector<std::string>{"sourcedId", "status", "dateLastModified", "metadata",
                                            "username", "userIds", "enabledUser", "givenName",
                                            "familyName", "middleName", "role", "identifier",
                                            "email", "sms", "phone", "agents", "orgs", "grades"}));
}

TEST(RosterJsonTest, FieldsSelectTopLevelMembersInObjectOrder) {
  const StoredObject o = Stored("stu-1042", SerializeBody(SampleUser()));
  const std::vector<std::string> fields = {"orgs", "givenName", "sourcedId", "nope"};
  rapidjson::Document d = Parse(ObjectJson(o, kBase, fields));
  std::vector<std::string> keys;
  for (const auto& m : d.GetObject()) keys.emplace_back(m.name.GetString());
  EXPECT_EQ(keys, (std::vector<std::string>{"sourcedId", "givenName", "orgs"}));
  EXPECT_STREQ(d["orgs"][0]["href"].GetString(), "https://h.example/ims/oneroster/v1p1/orgs/sch-1");
  // Metadata (an object with commas and quotes inside) is skipped as one value.
  const std::vector<std::string> after_metadata = {"username"};
  EXPECT_EQ(ObjectJson(o, kBase, after_metadata), R"({"username":"23jonesa"})");
  const std::vector<std::string> only_metadata = {"metadata"};
  EXPECT_EQ(ObjectJson(o, kBase, only_metadata),
            R"({"metadata":{"uk.upn":"A801200005001","uk.yearGroup":"Y9"}})");
}

TEST(RosterJsonTest, TextIsEscaped) {
  User u = SampleUser();
  u.family_name = "O'Brien \"Jr\"\n";
  u.metadata = {{"uk.note", "a,b}{[\"x\""}};
  const StoredObject o = Stored("u1", SerializeBody(u));
  rapidjson::Document d = Parse(ObjectJson(o, kBase));
  EXPECT_STREQ(d["familyName"].GetString(), "O'Brien \"Jr\"\n");
  const std::vector<std::string> fields = {"familyName", "role"};
  rapidjson::Document some = Parse(ObjectJson(o, kBase, fields));
  EXPECT_STREQ(some["role"].GetString(), "student");
  EXPECT_EQ(some.MemberCount(), 2u);
}

TEST(RosterJsonTest, ControlBytesInTextCannotForgeAReference) {
  User u = SampleUser();
  u.given_name = std::string("A\x01ux\x02B");
  u.metadata = {{"k\x01", "\x02"}};
  rapidjson::Document d = Parse(ObjectJson(Stored("u1", SerializeBody(u)), kBase));
  EXPECT_EQ(std::string(d["givenName"].GetString()), "A\x01ux\x02B");
  EXPECT_EQ(d["agents"].Size(), 1u);
}

TEST(RosterJsonTest, ClassAndEnrollmentAndSession) {
  Class c;
  c.title = "Year 7 Mathematics Set 1";
  c.class_code = "7x/Ma1";
  c.class_type = ClassType::kScheduled;
  c.course_id = "crs-1";
  c.school_id = "sch-1";
  c.term_ids = {"t1", "t2"};
  c.periods = {"1", "2"};
  rapidjson::Document dc = Parse(ObjectJson(Stored("cls-1", SerializeBody(c)), kBase));
  EXPECT_STREQ(dc["classType"].GetString(), "scheduled");
  EXPECT_STREQ(dc["course"]["href"].GetString(),
               "https://h.example/ims/oneroster/v1p1/courses/crs-1");
  EXPECT_STREQ(dc["course"]["type"].GetString(), "course");
  EXPECT_EQ(dc["terms"].Size(), 2u);
  EXPECT_STREQ(dc["terms"][1]["type"].GetString(), "academicSession");
  EXPECT_STREQ(dc["periods"].GetString(), "1,2");  // 1.1 binding: one string
  EXPECT_TRUE(dc["resources"].IsArray());

  Enrollment e;
  e.user_id = "u1";
  e.class_id = "cls-1";
  e.school_id = "sch-1";
  e.role = Role::kTeacher;
  e.primary = true;
  rapidjson::Document de = Parse(ObjectJson(Stored("enr-1", SerializeBody(e)), kBase));
  EXPECT_STREQ(de["primary"].GetString(), "true");
  EXPECT_STREQ(de["class"]["href"].GetString(),
               "https://h.example/ims/oneroster/v1p1/classes/cls-1");
  EXPECT_STREQ(de["class"]["type"].GetString(), "class");
  EXPECT_FALSE(de.HasMember("beginDate"));

  AcademicSession s;
  s.title = "Autumn 2026";
  s.type = SessionType::kTerm;
  s.start_date = "2026-09-02";
  s.end_date = "2026-12-18";
  s.parent_id = "sy";
  s.school_year = "2027";
  rapidjson::Document ds = Parse(ObjectJson(Stored("t1", SerializeBody(s)), kBase));
  EXPECT_STREQ(ds["schoolYear"].GetString(), "2027");
  EXPECT_STREQ(ds["parent"]["sourcedId"].GetString(), "sy");
  EXPECT_EQ(ds["children"].Size(), 0u);
}

TEST(RosterJsonTest, TombstoneAndEmptyBody) {
  StoredObject o = Stored("x", "");
  o.status = RecordStatus::kToBeDeleted;
  EXPECT_EQ(
      ObjectJson(o, kBase),
      R"({"sourcedId":"x","status":"tobedeleted","dateLastModified":"2025-11-25T09:00:00.123Z"})");
  const std::vector<std::string> fields = {"status"};
  EXPECT_EQ(ObjectJson(o, kBase, fields), R"({"status":"tobedeleted"})");
}

TEST(RosterJsonTest, DemographicsAndResourceBooleansAreStrings) {
  Demographics d;
  d.birth_date = "2013-04-02";
  d.sex = Sex::kFemale;
  d.white = false;
  rapidjson::Document dd = Parse(ObjectJson(Stored("u1", SerializeBody(d)), kBase));
  EXPECT_STREQ(dd["white"].GetString(), "false");
  EXPECT_FALSE(dd.HasMember("asian"));
  EXPECT_STREQ(dd["sex"].GetString(), "female");

  Resource r;
  r.title = "Maths";
  r.roles = {Role::kStudent, Role::kTeacher};
  r.importance = Importance::kPrimary;
  r.vendor_resource_id = "dlm-ks3";
  rapidjson::Document dr = Parse(ObjectJson(Stored("res-1", SerializeBody(r)), kBase));
  EXPECT_STREQ(dr["roles"][1].GetString(), "teacher");
  EXPECT_STREQ(dr["importance"].GetString(), "primary");
}

}  // namespace
}  // namespace muster::roster
