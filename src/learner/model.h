#pragma once

// The learner projection: a school's pupils, staff and groups in the shape the DeX learner
// API and the provisioning API read (sims-platform.md §4, §5, §10.2), derived from the
// OneRoster roster by learner/projection.h and held by a LearnerStore. Plain values.
//
// Every id is an upper-case GUID (core/uuid.h): a person's is their roster sourcedId when
// that is a GUID, else a GUID derived from it; a class-based group's likewise from the
// class; a year group's and a house's are derived from the site and the group's name, so
// they are stable across re-imports and differ between schools. Dates are "YYYY-MM-DD"
// ("" = unknown).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster::learner {

// Who a person is at the school. Guardians are not in the projection.
enum class PersonRole { kStudent, kTeacher, kStaff };

// SIMS.GroupTypeEnum. A homeroom class is a PrimaryClass when all its pupils are of primary
// age (Year 6 or below), else a RegistrationGroup (a form); scheduled classes are
// TeachingClasses; year groups and houses come from the pupils' UK metadata.
enum class GroupType { kYearGroup, kRegistrationGroup, kPrimaryClass, kHouse, kTeachingClass };
inline constexpr GroupType kAllGroupTypes[] = {GroupType::kYearGroup, GroupType::kRegistrationGroup,
                                               GroupType::kPrimaryClass, GroupType::kHouse,
                                               GroupType::kTeachingClass};

enum class Gender { kMale, kFemale, kUnknown };

// "student" | "teacher" | "staff"; "YearGroup" | ... (the enum member names); "Male" | ...
const char* ToString(PersonRole v);
const char* ToString(GroupType v);
const char* ToString(Gender v);
std::optional<PersonRole> ParsePersonRole(std::string_view s);
std::optional<GroupType> ParseGroupType(std::string_view s);
std::optional<Gender> ParseGender(std::string_view s);

// A person's membership of one group, as a lookup: what DeX shows as CurrentYearGroup
// {Description, ExternalID, Type} and provisioning as a user's group.
struct GroupRef {
  std::string external_id = {};
  std::string name = {};  // the group's full name ("Year 7", "7A", "Brunel")
  GroupType type = GroupType::kYearGroup;

  bool operator==(const GroupRef&) const = default;
};

struct Person {
  int64_t site_id = 0;
  std::string external_id = {};
  std::string user_sourced_id = {};  // the roster user it was derived from
  PersonRole role = PersonRole::kStudent;
  std::string forename = {};
  std::string surname = {};
  std::string middle_names = {};
  std::string preferred_forename = {};  // the legal name unless the roster names another
  std::string preferred_surname = {};
  Gender gender = Gender::kUnknown;
  std::string date_of_birth = {};  // never leaves through the provisioning API
  std::string upn = {};            // pupils in England and Wales; "" otherwise
  std::string on_roll_state = {};  // "Current" (a roster holds only pupils on roll)
  // Pupils only; nullopt when the roster says nothing.
  std::optional<GroupRef> year_group = {};
  std::optional<GroupRef> registration_group = {};  // type RegistrationGroup or PrimaryClass
  std::optional<GroupRef> house = {};
  int64_t date_last_modified_ms = 0;  // the later of the user's and demographics' stamps

  bool operator==(const Person&) const = default;
};

struct Group {
  int64_t site_id = 0;
  std::string external_id = {};
  GroupType type = GroupType::kYearGroup;
  std::string short_name = {};        // "N1", "Year 5", "7A", "Oak", "Brunel"
  std::string full_name = {};         // "Nursery 1", "Year 5", "7A", "Oak Class (Year 1/2)"
  int64_t display_order = 0;          // 1, 2, ... within the type
  std::string class_sourced_id = {};  // the roster class of a class-based group; else ""

  bool operator==(const Group&) const = default;
};

// What one site's roster projects to.
struct Projection {
  std::vector<Person> people;  // ordered by external_id
  std::vector<Group> groups;   // ordered by external_id
};

}  // namespace muster::learner
