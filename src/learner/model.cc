#include "learner/model.h"

namespace muster::learner {
namespace {

template <typename E, size_t N>
std::optional<E> ParseName(std::string_view s, const E (&values)[N]) {
  for (E v : values) {
    if (s == ToString(v)) return v;
  }
  return std::nullopt;
}

}  // namespace

const char* ToString(PersonRole v) {
  switch (v) {
    case PersonRole::kStudent:
      return "student";
    case PersonRole::kTeacher:
      return "teacher";
    case PersonRole::kStaff:
      return "staff";
  }
  return "staff";
}

const char* ToString(GroupType v) {
  switch (v) {
    case GroupType::kYearGroup:
      return "YearGroup";
    case GroupType::kRegistrationGroup:
      return "RegistrationGroup";
    case GroupType::kPrimaryClass:
      return "PrimaryClass";
    case GroupType::kHouse:
      return "House";
    case GroupType::kTeachingClass:
      return "TeachingClass";
  }
  return "TeachingClass";
}

const char* ToString(Gender v) {
  switch (v) {
    case Gender::kMale:
      return "Male";
    case Gender::kFemale:
      return "Female";
    case Gender::kUnknown:
      return "Unknown";
  }
  return "Unknown";
}

std::optional<PersonRole> ParsePersonRole(std::string_view s) {
  static constexpr PersonRole kAll[] = {PersonRole::kStudent, PersonRole::kTeacher,
                                        PersonRole::kStaff};
  return ParseName(s, kAll);
}

std::optional<GroupType> ParseGroupType(std::string_view s) { return ParseName(s, kAllGroupTypes); }

std::optional<Gender> ParseGender(std::string_view s) {
  static constexpr Gender kAll[] = {Gender::kMale, Gender::kFemale, Gender::kUnknown};
  return ParseName(s, kAll);
}

}  // namespace muster::learner
