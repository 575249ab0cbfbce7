#pragma once

// The OneRoster 1.1 rostering and resources records as Muster holds them (oneroster.md §2):
// orgs, academic sessions, courses, classes, users, enrollments, demographics and resources.
// Plain values. Every record belongs to one platform site (`site_id` = storage::Site::id):
// the tenancy the RosterStore enforces on every read. References to other records (GUIDRefs
// on the wire) are held as their sourcedIds; lists are in emission order.
//
// Identifiers (sourcedId and every reference) must be URL-safe: 1-255 characters from
// [A-Za-z0-9-._~] (oneroster.md §2.1); the store refuses others (IsValidSourcedId).
// Dates are "YYYY-MM-DD" strings ("" = absent); dateLastModified is Unix milliseconds and
// is assigned by the store on every change, so writers leave it 0. Every member has a
// default, so records can be written with designated initializers under -Wextra.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace muster::roster {

enum class RecordStatus { kActive, kToBeDeleted };
enum class OrgType { kDepartment, kSchool, kDistrict, kLocal, kState, kNational };
enum class SessionType { kGradingPeriod, kSemester, kSchoolYear, kTerm };
enum class ClassType { kHomeroom, kScheduled };
// The 1.1 user roles; enrollments use administrator, proctor, student and teacher.
enum class Role {
  kAdministrator,
  kAide,
  kGuardian,
  kParent,
  kProctor,
  kRelative,
  kStudent,
  kTeacher
};
enum class Sex { kMale, kFemale };
enum class Importance { kPrimary, kSecondary };

// The OneRoster vocabulary words ("active", "tobedeleted", "school", "gradingPeriod", ...).
const char* ToString(RecordStatus v);
const char* ToString(OrgType v);
const char* ToString(SessionType v);
const char* ToString(ClassType v);
const char* ToString(Role v);
const char* ToString(Sex v);
const char* ToString(Importance v);
std::optional<RecordStatus> ParseRecordStatus(std::string_view s);
std::optional<Role> ParseRole(std::string_view s);

// True for 1-255 characters from [A-Za-z0-9-._~].
bool IsValidSourcedId(std::string_view id);

// `metadata`: free-form extension members with string values, in emission order. UK data
// uses "uk."-prefixed keys (e.g. "uk.upn", "uk.yearGroup"; see roster/catalogs.h).
using Metadata = std::vector<std::pair<std::string, std::string>>;

struct Org {
  int64_t site_id = 0;
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  Metadata metadata = {};
  std::string name = {};
  OrgType type = OrgType::kSchool;
  std::string identifier = {};  // DfE number for a school, LA code or trust reference otherwise
  std::string parent_id = {};   // "" = none
  std::vector<std::string> child_ids = {};
};

struct AcademicSession {
  int64_t site_id = 0;
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  Metadata metadata = {};
  std::string title = {};
  SessionType type = SessionType::kTerm;
  std::string start_date = {};
  std::string end_date = {};
  std::string parent_id = {};
  std::vector<std::string> child_ids = {};
  std::string school_year = {};  // four digits: the calendar year the school year ends in
  // Not a 1.1 field (1.1 sessions name no org): the school whose calendar this is, which
  // /schools/{id}/terms lists. Stored, never emitted.
  std::string org_id = {};
};

struct Course {
  int64_t site_id = 0;
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  Metadata metadata = {};
  std::string title = {};
  std::string school_year_id = {};  // academicSession of type schoolYear; "" = none
  std::string course_code = {};
  std::vector<std::string> grades = {};
  std::vector<std::string> subjects = {};
  std::string org_id = {};
  std::vector<std::string> subject_codes = {};
  std::vector<std::string> resource_ids = {};
};

struct Class {
  int64_t site_id = 0;
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  Metadata metadata = {};
  std::string title = {};
  std::string class_code = {};
  ClassType class_type = ClassType::kScheduled;
  std::string location = {};
  std::vector<std::string> grades = {};
  std::vector<std::string> subjects = {};
  std::string course_id = {};
  std::string school_id = {};
  std::vector<std::string> term_ids = {};
  std::vector<std::string> subject_codes = {};
  std::vector<std::string> periods = {};
  std::vector<std::string> resource_ids = {};
};

struct UserId {
  std::string type = {};  // e.g. "UPN", "TRN"
  std::string identifier = {};
};

struct User {
  int64_t site_id = 0;
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  Metadata metadata = {};
  std::string username = {};
  std::vector<UserId> user_ids = {};
  bool enabled_user = true;
  std::string given_name = {};
  std::string family_name = {};
  std::string middle_name = {};
  Role role = Role::kStudent;
  std::string identifier = {};  // admission number, staff code or contact number
  std::string email = {};
  std::string sms = {};
  std::string phone = {};
  std::vector<std::string> agent_ids = {};  // guardians of a pupil; pupils of a guardian
  std::vector<std::string> org_ids = {};
  std::vector<std::string> grades = {};
  // No password: Muster never stores or emits one.
};

struct Enrollment {
  int64_t site_id = 0;
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  Metadata metadata = {};
  std::string user_id = {};
  std::string class_id = {};
  std::string school_id = {};
  Role role = Role::kStudent;
  std::optional<bool> primary = {};  // the class's main teacher
  std::string begin_date = {};
  std::string end_date = {};
};

// sourcedId = the user's sourcedId.
struct Demographics {
  int64_t site_id = 0;
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  Metadata metadata = {};
  std::string birth_date = {};
  std::optional<Sex> sex = {};
  std::optional<bool> american_indian_or_alaska_native = {};
  std::optional<bool> asian = {};
  std::optional<bool> black_or_african_american = {};
  std::optional<bool> native_hawaiian_or_other_pacific_islander = {};
  std::optional<bool> white = {};
  std::optional<bool> demographic_race_two_or_more_races = {};
  std::optional<bool> hispanic_or_latino_ethnicity = {};
  std::string country_of_birth_code = {};
  std::string state_of_birth_abbreviation = {};
  std::string city_of_birth = {};
  std::string public_school_residence_status = {};
};

struct Resource {
  int64_t site_id = 0;
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  Metadata metadata = {};
  std::string title = {};
  std::vector<Role> roles = {};
  std::optional<Importance> importance = {};
  std::string vendor_resource_id = {};
  std::string vendor_id = {};
  std::string application_id = {};
};

}  // namespace muster::roster
