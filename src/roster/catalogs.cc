#include "roster/catalogs.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace muster::roster {
namespace {

using oneroster::query::FieldCatalog;
using oneroster::query::FieldSpec;
using oneroster::query::FieldType;

// Shorthands for the common shapes of a field.
FieldSpec Text(std::string name, std::string column) {
  return {.name = std::move(name), .column = std::move(column)};
}
FieldSpec List(std::string name, std::string column) {  // comma-joined; not sortable
  return {.name = std::move(name), .column = std::move(column), .sortable = false};
}
FieldSpec Enum(std::string name, std::string column, std::vector<std::string> values) {
  return {.name = std::move(name),
          .column = std::move(column),
          .type = FieldType::kEnum,
          .enum_values = std::move(values)};
}
FieldSpec Typed(std::string name, std::string column, FieldType type) {
  return {.name = std::move(name), .column = std::move(column), .type = type};
}
FieldSpec SelectOnly(std::string name) {
  return {.name = std::move(name), .filterable = false, .sortable = false};
}
FieldSpec FilterOnly(std::string name, std::string column) {  // a dotted view of a GUIDRef
  return {.name = std::move(name), .column = std::move(column), .selectable = false};
}
FieldSpec FilterOnlyList(std::string name, std::string column) {
  return {
      .name = std::move(name), .column = std::move(column), .sortable = false, .selectable = false};
}

const std::vector<std::string> kRoles = {"administrator", "aide",     "guardian", "parent",
                                         "proctor",       "relative", "student",  "teacher"};

// sourcedId, status, dateLastModified and metadata, on table alias `t`.
std::vector<FieldSpec> Base(const std::string& t) {
  return {Text("sourcedId", t + ".sourced_id"),
          Enum("status", t + ".status", {"active", "tobedeleted"}),
          Typed("dateLastModified", t + ".date_last_modified_ms", FieldType::kDateTime),
          SelectOnly("metadata")};
}

std::vector<FieldSpec> With(std::vector<FieldSpec> base, std::vector<FieldSpec> more) {
  for (auto& spec : more) base.push_back(std::move(spec));
  return base;
}

std::vector<FieldSpec> OrgFields() {
  return With(
      Base("o"),
      {Text("name", "o.name"),
       Enum("type", "o.type", {"department", "school", "district", "local", "state", "national"}),
       Text("identifier", "o.identifier"), SelectOnly("parent"),
       FilterOnly("parent.sourcedId", "o.parent_sourced_id"), SelectOnly("children")});
}

std::vector<FieldSpec> AcademicSessionFields() {
  return With(Base("a"),
              {Text("title", "a.title"), Typed("startDate", "a.start_date", FieldType::kDate),
               Typed("endDate", "a.end_date", FieldType::kDate),
               Enum("type", "a.type", {"gradingPeriod", "semester", "schoolYear", "term"}),
               SelectOnly("parent"), FilterOnly("parent.sourcedId", "a.parent_sourced_id"),
               SelectOnly("children"), Text("schoolYear", "a.school_year")});
}

std::vector<FieldSpec> CourseFields() {
  return With(Base("co"), {Text("title", "co.title"), SelectOnly("schoolYear"),
                           FilterOnly("schoolYear.sourcedId", "co.school_year_sourced_id"),
                           Text("courseCode", "co.course_code"), List("grades", "co.grades"),
                           List("subjects", "co.subjects"), SelectOnly("org"),
                           FilterOnly("org.sourcedId", "co.org_sourced_id"),
                           SelectOnly("subjectCodes"), SelectOnly("resources")});
}

std::vector<FieldSpec> ClassFields() {
  return With(
      Base("c"),
      {Text("title", "c.title"), Text("classCode", "c.class_code"),
       Enum("classType", "c.class_type", {"homeroom", "scheduled"}), Text("location", "c.location"),
       List("grades", "c.grades"), List("subjects", "c.subjects"), SelectOnly("course"),
       FilterOnly("course.sourcedId", "c.course_sourced_id"), SelectOnly("school"),
       FilterOnly("school.sourcedId", "c.school_sourced_id"), SelectOnly("terms"),
       FilterOnlyList("terms.sourcedId", "c.term_sourced_ids"), SelectOnly("subjectCodes"),
       List("periods", "c.periods"), SelectOnly("resources")});
}

std::vector<FieldSpec> UserFields() {
  return With(Base("u"), {Text("username", "u.username"),
                          SelectOnly("userIds"),
                          Typed("enabledUser", "u.enabled_user", FieldType::kBoolean),
                          Text("givenName", "u.given_name"),
                          Text("familyName", "u.family_name"),
                          Text("middleName", "u.middle_name"),
                          Enum("role", "u.role", kRoles),
                          Text("identifier", "u.identifier"),
                          Text("email", "u.email"),
                          Text("sms", "u.sms"),
                          Text("phone", "u.phone"),
                          SelectOnly("agents"),
                          FilterOnlyList("agents.sourcedId", "u.agent_sourced_ids"),
                          SelectOnly("orgs"),
                          FilterOnlyList("orgs.sourcedId", "u.org_sourced_ids"),
                          List("grades", "u.grades"),
                          FilterOnly("metadata.uk.upn", "u.uk_upn"),
                          FilterOnly("metadata.uk.yearGroup", "u.uk_year_group"),
                          FilterOnly("metadata.uk.registrationGroup", "u.uk_registration_group"),
                          FilterOnly("metadata.uk.house", "u.uk_house")});
}

std::vector<FieldSpec> EnrollmentFields() {
  return With(
      Base("e"),
      {SelectOnly("user"), FilterOnly("user.sourcedId", "e.user_sourced_id"), SelectOnly("class"),
       FilterOnly("class.sourcedId", "e.class_sourced_id"), SelectOnly("school"),
       FilterOnly("school.sourcedId", "e.school_sourced_id"), Enum("role", "e.role", kRoles),
       Typed("primary", "e.is_primary", FieldType::kBoolean),
       Typed("beginDate", "e.begin_date", FieldType::kDate),
       Typed("endDate", "e.end_date", FieldType::kDate)});
}

std::vector<FieldSpec> DemographicsFields() {
  std::vector<FieldSpec> fields =
      With(Base("d"), {Typed("birthDate", "d.birth_date", FieldType::kDate),
                       Enum("sex", "d.sex", {"male", "female"})});
  const std::pair<const char*, const char*> flags[] = {
      {"americanIndianOrAlaskaNative", "american_indian_or_alaska_native"},
      {"asian", "asian"},
      {"blackOrAfricanAmerican", "black_or_african_american"},
      {"nativeHawaiianOrOtherPacificIslander", "native_hawaiian_or_other_pacific_islander"},
      {"white", "white"},
      {"demographicRaceTwoOrMoreRaces", "demographic_race_two_or_more_races"},
      {"hispanicOrLatinoEthnicity", "hispanic_or_latino_ethnicity"}};
  for (const auto& [name, column] : flags) {
    fields.push_back(Typed(name, std::string("d.") + column, FieldType::kBoolean));
  }
  return With(std::move(fields),
              {Text("countryOfBirthCode", "d.country_of_birth_code"),
               Text("stateOfBirthAbbreviation", "d.state_of_birth_abbreviation"),
               Text("cityOfBirth", "d.city_of_birth"),
               Text("publicSchoolResidenceStatus", "d.public_school_residence_status")});
}

std::vector<FieldSpec> ResourceFields() {
  return With(Base("r"),
              {Text("title", "r.title"), List("roles", "r.roles"),
               Enum("importance", "r.importance", {"primary", "secondary"}),
               Text("vendorResourceId", "r.vendor_resource_id"), Text("vendorId", "r.vendor_id"),
               Text("applicationId", "r.application_id")});
}

// A catalog defined here is a constant of the program: a bad one is a bug, caught by the
// first test that touches it.
const FieldCatalog* Build(std::vector<FieldSpec> fields) {
  auto catalog = FieldCatalog::Create(std::move(fields));
  if (!catalog.ok()) {
    std::fprintf(stderr, "roster catalog: %s\n", catalog.error().internal.c_str());
    std::abort();
  }
  return new FieldCatalog(std::move(catalog).value());
}

}  // namespace

const oneroster::query::FieldCatalog& CatalogFor(Entity entity) {
  // Built on first use, never destroyed (no destruction-order hazards at exit).
  static const FieldCatalog* const kCatalogs[] = {
      Build(OrgFields()),          Build(AcademicSessionFields()),
      Build(CourseFields()),       Build(ClassFields()),
      Build(UserFields()),         Build(EnrollmentFields()),
      Build(DemographicsFields()), Build(ResourceFields())};
  return *kCatalogs[static_cast<size_t>(entity)];
}

}  // namespace muster::roster
