#include "roster/json.h"

#include <algorithm>
#include <cstring>

#include "core/json_writer.h"
#include "core/time_format.h"

namespace muster::roster {
namespace {

constexpr char kRefStart = '\x01';
constexpr char kRefEnd = '\x02';

// GUIDRef targets: the tag stored in a marker, the collection path and the 1.1 type.
struct RefTarget {
  char tag;
  std::string_view path;
  std::string_view type;
};
constexpr RefTarget kOrgRef{'o', "/orgs/", "org"};
constexpr RefTarget kSessionRef{'a', "/academicSessions/", "academicSession"};
constexpr RefTarget kCourseRef{'c', "/courses/", "course"};
constexpr RefTarget kClassRef{'k', "/classes/", "class"};
constexpr RefTarget kUserRef{'u', "/users/", "user"};
constexpr RefTarget kResourceRef{'r', "/resources/", "resource"};
constexpr RefTarget kRefTargets[] = {kOrgRef,   kSessionRef, kCourseRef,
                                     kClassRef, kUserRef,    kResourceRef};

// Writes the members of one body. Starts an object so JsonWriter places the commas; Take()
// drops the braces again.
class BodyWriter {
 public:
  BodyWriter() : w_(out_) { w_.BeginObject(); }

  BodyWriter& Metadata(const roster::Metadata& metadata) {
    if (metadata.empty()) return *this;
    w_.Key("metadata").BeginObject();
    for (const auto& [key, value] : metadata) w_.Member(key, value);
    w_.EndObject();
    return *this;
  }
  BodyWriter& Str(std::string_view key, std::string_view value) {
    w_.Member(key, value);
    return *this;
  }
  BodyWriter& StrIfSet(std::string_view key, std::string_view value) {
    if (!value.empty()) w_.Member(key, value);
    return *this;
  }
  BodyWriter& BoolStr(std::string_view key, std::optional<bool> value) {
    if (value) w_.Member(key, *value ? "true" : "false");
    return *this;
  }
  BodyWriter& Strings(std::string_view key, const std::vector<std::string>& values) {
    w_.Key(key).BeginArray();
    for (const auto& v : values) w_.String(v);
    w_.EndArray();
    return *this;
  }
  BodyWriter& Ref(std::string_view key, const RefTarget& target, std::string_view id) {
    if (id.empty()) return *this;
    w_.Key(key).Raw(Marker(target, id));
    return *this;
  }
  BodyWriter& Refs(std::string_view key, const RefTarget& target,
                   const std::vector<std::string>& ids) {
    w_.Key(key).BeginArray();
    for (const auto& id : ids) w_.Raw(Marker(target, id));
    w_.EndArray();
    return *this;
  }
  JsonWriter& raw() { return w_; }

  std::string Take() {
    w_.EndObject();
    return out_.substr(1, out_.size() - 2);
  }

 private:
  static std::string Marker(const RefTarget& target, std::string_view id) {
    std::string m;
    m.reserve(id.size() + 3);
    m.push_back(kRefStart);
    m.push_back(target.tag);
    m.append(id);
    m.push_back(kRefEnd);
    return m;
  }

  std::string out_;
  JsonWriter w_;
};

const RefTarget* FindTarget(char tag) {
  for (const auto& t : kRefTargets) {
    if (t.tag == tag) return &t;
  }
  return nullptr;
}

// Copies `text`, expanding each GUIDRef marker.
void Expand(std::string& out, std::string_view text, std::string_view href_base) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = text.find(kRefStart, pos);
    if (start == std::string_view::npos) break;
    out.append(text.substr(pos, start - pos));
    const size_t end = text.find(kRefEnd, start);
    const RefTarget* target = start + 1 < text.size() ? FindTarget(text[start + 1]) : nullptr;
    if (end == std::string_view::npos || target == nullptr) {  // not ours: drop the rest
      pos = text.size();
      break;
    }
    const std::string_view id = text.substr(start + 2, end - start - 2);
    out.append(R"({"href":")").append(href_base).append(target->path).append(id);
    out.append(R"(","sourcedId":")").append(id);
    out.append(R"(","type":")").append(target->type).append(R"("})");
    pos = end + 1;
  }
  if (pos < text.size()) out.append(text.substr(pos));
}

// The end of the JSON value starting at `pos` (one past it).
size_t SkipValue(std::string_view body, size_t pos) {
  int depth = 0;
  bool in_string = false;
  for (; pos < body.size(); ++pos) {
    const char c = body[pos];
    if (in_string) {
      if (c == '\\') {
        ++pos;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 0) {
      return pos;
    }
  }
  return pos;
}

bool Selected(std::span<const std::string> fields, std::string_view name) {
  return fields.empty() || std::find(fields.begin(), fields.end(), name) != fields.end();
}

}  // namespace

std::string SerializeBody(const Org& r) {
  BodyWriter w;
  w.Metadata(r.metadata).Str("name", r.name).Str("type", ToString(r.type));
  w.Str("identifier", r.identifier).Ref("parent", kOrgRef, r.parent_id);
  w.Refs("children", kOrgRef, r.child_ids);
  return w.Take();
}

std::string SerializeBody(const AcademicSession& r) {
  BodyWriter w;
  w.Metadata(r.metadata).Str("title", r.title).Str("startDate", r.start_date);
  w.Str("endDate", r.end_date).Str("type", ToString(r.type));
  w.Ref("parent", kSessionRef, r.parent_id).Refs("children", kSessionRef, r.child_ids);
  w.Str("schoolYear", r.school_year);
  return w.Take();
}

std::string SerializeBody(const Course& r) {
  BodyWriter w;
  w.Metadata(r.metadata).Str("title", r.title).Ref("schoolYear", kSessionRef, r.school_year_id);
  w.Str("courseCode", r.course_code).Strings("grades", r.grades).Strings("subjects", r.subjects);
  w.Ref("org", kOrgRef, r.org_id).Strings("subjectCodes", r.subject_codes);
  w.Refs("resources", kResourceRef, r.resource_ids);
  return w.Take();
}

std::string SerializeBody(const Class& r) {
  BodyWriter w;
  w.Metadata(r.metadata).Str("title", r.title).Str("classCode", r.class_code);
  w.Str("classType", ToString(r.class_type)).Str("location", r.location);
  w.Strings("grades", r.grades).Strings("subjects", r.subjects);
  w.Ref("course", kCourseRef, r.course_id).Ref("school", kOrgRef, r.school_id);
  w.Refs("terms", kSessionRef, r.term_ids).Strings("subjectCodes", r.subject_codes);
  // The 1.1 REST binding types periods as one string (1.2 made it an array): the periods
  // comma-joined, as in the 1.1 CSV binding's periods column.
  std::string periods;
  for (const std::string& p : r.periods) periods.append(periods.empty() ? "" : ",").append(p);
  w.Str("periods", periods).Refs("resources", kResourceRef, r.resource_ids);
  return w.Take();
}

std::string SerializeBody(const User& r) {
  BodyWriter w;
  w.Metadata(r.metadata).Str("username", r.username);
  w.raw().Key("userIds").BeginArray();
  for (const auto& id : r.user_ids) {
    w.raw().BeginObject().Member("type", id.type).Member("identifier", id.identifier).EndObject();
  }
  w.raw().EndArray();
  w.BoolStr("enabledUser", r.enabled_user).Str("givenName", r.given_name);
  w.Str("familyName", r.family_name).Str("middleName", r.middle_name);
  w.Str("role", ToString(r.role)).Str("identifier", r.identifier).Str("email", r.email);
  w.Str("sms", r.sms).Str("phone", r.phone).Refs("agents", kUserRef, r.agent_ids);
  w.Refs("orgs", kOrgRef, r.org_ids).Strings("grades", r.grades);
  return w.Take();
}

std::string SerializeBody(const Enrollment& r) {
  BodyWriter w;
  w.Metadata(r.metadata).Ref("user", kUserRef, r.user_id).Ref("class", kClassRef, r.class_id);
  w.Ref("school", kOrgRef, r.school_id).Str("role", ToString(r.role));
  w.BoolStr("primary", r.primary).StrIfSet("beginDate", r.begin_date);
  w.StrIfSet("endDate", r.end_date);
  return w.Take();
}

std::string SerializeBody(const Demographics& r) {
  BodyWriter w;
  w.Metadata(r.metadata).StrIfSet("birthDate", r.birth_date);
  if (r.sex) w.Str("sex", ToString(*r.sex));
  w.BoolStr("americanIndianOrAlaskaNative", r.american_indian_or_alaska_native);
  w.BoolStr("asian", r.asian).BoolStr("blackOrAfricanAmerican", r.black_or_african_american);
  w.BoolStr("nativeHawaiianOrOtherPacificIslander", r.native_hawaiian_or_other_pacific_islander);
  w.BoolStr("white", r.white);
  w.BoolStr("demographicRaceTwoOrMoreRaces", r.demographic_race_two_or_more_races);
  w.BoolStr("hispanicOrLatinoEthnicity", r.hispanic_or_latino_ethnicity);
  w.Str("countryOfBirthCode", r.country_of_birth_code);
  w.Str("stateOfBirthAbbreviation", r.state_of_birth_abbreviation);
  w.Str("cityOfBirth", r.city_of_birth);
  w.Str("publicSchoolResidenceStatus", r.public_school_residence_status);
  return w.Take();
}

std::string SerializeBody(const Resource& r) {
  BodyWriter w;
  w.Metadata(r.metadata).Str("title", r.title);
  w.raw().Key("roles").BeginArray();
  for (Role role : r.roles) w.raw().String(ToString(role));
  w.raw().EndArray();
  if (r.importance) w.Str("importance", ToString(*r.importance));
  w.Str("vendorResourceId", r.vendor_resource_id).Str("vendorId", r.vendor_id);
  w.Str("applicationId", r.application_id);
  return w.Take();
}

void AppendObject(std::string& out, const StoredObjectView& object, std::string_view href_base,
                  std::span<const std::string> fields) {
  out.push_back('{');
  bool first = true;
  // `key` is a member name with its quotes and colon, e.g. "\"status\":" (no escapes).
  auto open = [&](std::string_view key) {
    if (!first) out.push_back(',');
    first = false;
    out.append(key);
  };
  if (Selected(fields, "sourcedId")) {
    open(R"("sourcedId":)");
    AppendJsonString(out, object.sourced_id);
  }
  if (Selected(fields, "status")) {
    open(R"("status":")");
    out.append(ToString(object.status)).push_back('"');
  }
  if (Selected(fields, "dateLastModified")) {
    open(R"("dateLastModified":")");
    AppendIso8601Millis(out, object.date_last_modified_ms);
    out.push_back('"');
  }
  const std::string_view body = object.body;
  if (fields.empty()) {
    if (!body.empty() && !first) out.push_back(',');
    Expand(out, body, href_base);
  } else {
    // Members are "key":value; keys are the serializer's own and hold no escapes.
    size_t pos = 0;
    while (pos < body.size() && body[pos] == '"') {
      const size_t key_end = body.find('"', pos + 1);
      if (key_end == std::string_view::npos) break;
      const size_t value_end = SkipValue(body, key_end + 2);
      if (Selected(fields, body.substr(pos + 1, key_end - pos - 1))) {
        if (!first) out.push_back(',');
        first = false;
        Expand(out, body.substr(pos, value_end - pos), href_base);
      }
      pos = value_end + 1;
    }
  }
  out.push_back('}');
}

void AppendObject(std::string& out, const StoredObject& object, std::string_view href_base,
                  std::span<const std::string> fields) {
  AppendObject(out, ViewOf(object), href_base, fields);
}

std::string ObjectJson(const StoredObject& object, std::string_view href_base,
                       std::span<const std::string> fields) {
  std::string out;
  AppendObject(out, object, href_base, fields);
  return out;
}

}  // namespace muster::roster
