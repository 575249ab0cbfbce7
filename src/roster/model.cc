#include "roster/model.h"

namespace muster::roster {

const char* ToString(RecordStatus v) {
  return v == RecordStatus::kActive ? "active" : "tobedeleted";
}

const char* ToString(OrgType v) {
  switch (v) {
    case OrgType::kDepartment:
      return "department";
    case OrgType::kSchool:
      return "school";
    case OrgType::kDistrict:
      return "district";
    case OrgType::kLocal:
      return "local";
    case OrgType::kState:
      return "state";
    case OrgType::kNational:
      return "national";
  }
  return "school";
}

const char* ToString(SessionType v) {
  switch (v) {
    case SessionType::kGradingPeriod:
      return "gradingPeriod";
    case SessionType::kSemester:
      return "semester";
    case SessionType::kSchoolYear:
      return "schoolYear";
    case SessionType::kTerm:
      return "term";
  }
  return "term";
}

const char* ToString(ClassType v) { return v == ClassType::kHomeroom ? "homeroom" : "scheduled"; }

const char* ToString(Role v) {
  switch (v) {
    case Role::kAdministrator:
      return "administrator";
    case Role::kAide:
      return "aide";
    case Role::kGuardian:
      return "guardian";
    case Role::kParent:
      return "parent";
    case Role::kProctor:
      return "proctor";
    case Role::kRelative:
      return "relative";
    case Role::kStudent:
      return "student";
    case Role::kTeacher:
      return "teacher";
  }
  return "student";
}

const char* ToString(Sex v) { return v == Sex::kMale ? "male" : "female"; }

const char* ToString(Importance v) { return v == Importance::kPrimary ? "primary" : "secondary"; }

std::optional<RecordStatus> ParseRecordStatus(std::string_view s) {
  if (s == "active") return RecordStatus::kActive;
  if (s == "tobedeleted") return RecordStatus::kToBeDeleted;
  return std::nullopt;
}

std::optional<Role> ParseRole(std::string_view s) {
  for (Role r : {Role::kAdministrator, Role::kAide, Role::kGuardian, Role::kParent, Role::kProctor,
                 Role::kRelative, Role::kStudent, Role::kTeacher}) {
    if (s == ToString(r)) return r;
  }
  return std::nullopt;
}

bool IsValidSourcedId(std::string_view id) {
  if (id.empty() || id.size() > 255) return false;
  for (char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.' || c == '_' || c == '~';
    if (!ok) return false;
  }
  return true;
}

}  // namespace muster::roster
