// SchoolBuilder: pupils in families with their guardians, and the staff.

#include <algorithm>
#include <cstdio>

#include "roster/generator/internal/school_builder.h"
#include "roster/generator/names.h"
#include "roster/generator/uk_identifiers.h"

namespace muster::roster::generator::internal {
namespace {

std::string Digits(int value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, value % 10000000);
  return buf;
}

// A phone number in Ofcom's range reserved for drama (07700 900000-900999): never real.
std::string DramaMobile(Rng& rng) { return "07700 900" + Digits(rng.Between(0, 999), 3); }

bool IsFemale(std::string_view relationship) {
  return relationship == "Mother" || relationship == "Stepmother" ||
         relationship == "Grandmother" || relationship == "Aunt";
}

Role RoleFor(std::string_view relationship) {
  if (relationship == "Mother" || relationship == "Father") return Role::kParent;
  if (relationship == "Grandmother" || relationship == "Grandfather" || relationship == "Aunt" ||
      relationship == "Uncle") {
    return Role::kRelative;
  }
  return Role::kGuardian;  // step-parents, carers
}

}  // namespace

void SchoolBuilder::AddPupilsAndFamilies() {
  // One slot per pupil, naming its year group; shuffled, so families span year groups.
  std::vector<size_t> slots;
  for (size_t y = 0; y < years_.size(); ++y) slots.insert(slots.end(), years_[y].size, y);
  rng_.Shuffle(std::span(slots));
  next_admission_ = rng_.Between(1000, 4000);
  next_contact_ = rng_.Between(10000, 40000);
  size_t next = 0;
  while (next < slots.size()) {
    const int r = rng_.Between(0, 99);
    const size_t children = std::min<size_t>(r < 80 ? 1 : r < 96 ? 2 : 3, slots.size() - next);
    const std::string family(rng_.Pick(names::FamilyNames()));
    const std::string_view house = houses_[rng_.Below(houses_.size())];

    std::vector<size_t> guardians;
    const int first = rng_.Between(0, 99);
    const std::string_view g1 = first < 62   ? "Mother"
                                : first < 92 ? "Father"
                                : first < 96 ? "Grandmother"
                                             : "Carer";
    guardians.push_back(AddGuardian(family, g1, 1));
    if (rng_.Chance(0.82)) {
      const bool step = rng_.Chance(0.1);
      const std::string_view g2 = g1 == "Father"   ? (step ? "Stepmother" : "Mother")
                                  : g1 == "Mother" ? (step ? "Stepfather" : "Father")
                                                   : (rng_.Chance(0.5) ? "Grandfather" : "Aunt");
      const std::string surname =
          rng_.Chance(0.75) ? family : std::string(rng_.Pick(names::FamilyNames()));
      guardians.push_back(AddGuardian(surname, g2, 2));
    }
    if (rng_.Chance(0.08)) {
      guardians.push_back(AddGuardian(std::string(rng_.Pick(names::FamilyNames())),
                                      rng_.Chance(0.5) ? "Grandmother" : "Grandfather",
                                      static_cast<int>(guardians.size()) + 1));
    }
    for (size_t c = 0; c < children; ++c) {
      YearGroup& year = years_[slots[next++]];
      const std::string surname =
          rng_.Chance(0.88) ? family : std::string(rng_.Pick(names::FamilyNames()));
      const size_t pupil = AddPupil(year, surname, house);
      for (size_t g : guardians) {
        roster_.users[pupil].agent_ids.push_back(roster_.users[g].sourced_id);
        roster_.users[g].agent_ids.push_back(roster_.users[pupil].sourced_id);
      }
    }
  }
}

size_t SchoolBuilder::AddPupil(YearGroup& year, const std::string& family, std::string_view house) {
  User u = NewUser(Role::kStudent);
  const bool girl = rng_.Chance(0.49);
  const auto given_names = girl ? names::GirlNames() : names::BoyNames();
  u.given_name = std::string(rng_.Pick(given_names));
  if (rng_.Chance(0.4)) u.middle_name = std::string(rng_.Pick(given_names));
  u.family_name = family;
  u.username = UniqueUsername(Digits(year.entry_year % 100, 2) + Alnum(family).substr(0, 8) +
                              Alnum(u.given_name).substr(0, 1));
  u.email = Email(u.username);
  u.identifier = Digits(next_admission_++, 6);
  const std::string upn =
      MakeUpn(plan_.la_code, plan_.estab, year.entry_year % 100, upn_serials_[year.entry_year]++);
  u.user_ids = {{"UPN", upn}};
  u.grades = {year.grade};
  u.metadata = {{"uk.upn", upn},
                {"uk.yearGroup", year.code},
                {"uk.registrationGroup", ""},
                {"uk.house", std::string(house)}};

  // Born in the twelve months to 31 August, (4 + NC year) years before the school year.
  const int born = cal_.start_year - year.nc - 5;
  const CivilDate birth = AddDays(CivilDate{born, 9, 1}, rng_.Between(0, 364));
  roster_.demographics.push_back(Demographics{.site_id = site_,
                                              .sourced_id = u.sourced_id,
                                              .birth_date = FormatDate(birth),
                                              .sex = girl ? Sex::kFemale : Sex::kMale});
  roster_.users.push_back(std::move(u));
  year.pupils.push_back(roster_.users.size() - 1);
  return roster_.users.size() - 1;
}

size_t SchoolBuilder::AddGuardian(const std::string& family, std::string_view relationship,
                                  int priority) {
  User u = NewUser(RoleFor(relationship));
  const bool female = relationship == "Carer" ? rng_.Chance(0.7) : IsFemale(relationship);
  u.given_name = std::string(rng_.Pick(female ? names::AdultGirlNames() : names::AdultBoyNames()));
  u.family_name = family;
  // A personal address; it is the username too, so it must be unique in the school.
  for (int attempt = 0;; ++attempt) {
    u.email = Alnum(u.given_name) + "." + Alnum(family) +
              Digits(rng_.Between(1, attempt < 20 ? 99 : 99999), attempt < 20 ? 2 : 5) + "@" +
              std::string(rng_.Pick(names::MailDomains()));
    if (usernames_.insert(u.email).second) break;
  }
  u.username = u.email;
  u.identifier = "C" + Digits(next_contact_++, 6);
  u.sms = DramaMobile(rng_);
  u.phone = u.sms;
  const bool responsibility = RoleFor(relationship) == Role::kParent || relationship == "Carer" ||
                              relationship.starts_with("Step");
  u.metadata = {{"uk.relationship", std::string(relationship)},
                {"uk.priority", std::to_string(priority)},
                {"uk.parentalResponsibility", responsibility ? "true" : "false"}};
  roster_.users.push_back(std::move(u));
  return roster_.users.size() - 1;
}

void SchoolBuilder::SetRegistrationGroup(size_t pupil, const std::string& group) {
  for (auto& [key, value] : roster_.users[pupil].metadata) {
    if (key == "uk.registrationGroup") value = group;
  }
}

size_t SchoolBuilder::AddStaffUser(Role role, const std::string& department,
                                   const std::string& staff_role) {
  User u = NewUser(role);
  const bool female = rng_.Chance(0.7);  // the school workforce is about 3/4 women
  u.given_name = std::string(rng_.Pick(female ? names::AdultGirlNames() : names::AdultBoyNames()));
  u.family_name = std::string(rng_.Pick(names::FamilyNames()));
  const std::string family = Alnum(u.family_name);
  const std::string base = Alnum(u.given_name).substr(0, 1) + family;
  u.username = UniqueUsername(base);
  u.email = Email(Alnum(u.given_name) + "." + family + u.username.substr(base.size()));
  // Staff code: initial and two letters of the surname ("JSM"), else initials and a number.
  std::string code(1, static_cast<char>(u.given_name[0] & ~0x20));
  for (char c : family.substr(0, 2)) code.push_back(static_cast<char>(c & ~0x20));
  for (int n = 1; !staff_codes_.insert(code).second; ++n) {
    code = code.substr(0, 2) + std::to_string(n);
  }
  u.identifier = code;
  const char* titles_f[] = {"Mrs", "Ms", "Miss", "Dr"};
  const char* titles_m[] = {"Mr", "Mr", "Mr", "Dr"};
  const char* title = female ? titles_f[rng_.Below(4)] : titles_m[rng_.Below(4)];
  u.metadata = {{"uk.title", title}, {"uk.staffCode", code}, {"uk.staffRole", staff_role}};
  if (!department.empty()) u.metadata.emplace_back("uk.department", department);
  if (role == Role::kTeacher) u.user_ids = {{"TRN", Digits(rng_.Between(1000000, 9999999), 7)}};
  roster_.users.push_back(std::move(u));
  return roster_.users.size() - 1;
}

size_t SchoolBuilder::AddTeacher(const std::string& department, const std::string& staff_role) {
  teachers_.push_back(Teacher{AddStaffUser(Role::kTeacher, department, staff_role), department, 0});
  return teachers_.size() - 1;
}

void SchoolBuilder::AddStaff() {
  int pupils = 0;
  for (const YearGroup& y : years_) pupils += y.size;
  const bool primary = plan_.phase == Phase::kPrimary;
  AddTeacher("", "Headteacher");
  AddTeacher("", "Deputy Headteacher");
  if (!primary) {
    AddTeacher("", "Deputy Headteacher");
    AddTeacher("", "Assistant Headteacher");
    AddTeacher("", "Assistant Headteacher");
  }
  AddTeacher("", "SENCO");
  // Support staff: about one per 18 pupils, mostly teaching assistants.
  static const char* const kOffice[] = {
      "School Business Manager", "Office Manager",  "Receptionist",  "Data Manager",
      "Attendance Officer",      "Finance Officer", "Exams Officer", "Administrative Assistant"};
  const int support = std::max(4, pupils * 55 / 1000);
  for (int i = 0; i < support; ++i) {
    const int r = rng_.Between(0, 99);
    if (r < (primary ? 70 : 50)) {
      AddStaffUser(Role::kAide, "", "Teaching Assistant");
    } else if (!primary && r < 62) {
      AddStaffUser(Role::kAide, "", "Cover Supervisor");
    } else if (!primary && r < 72) {
      AddStaffUser(Role::kAide, "Science", "Technician");
    } else {
      AddStaffUser(Role::kAdministrator, "", kOffice[rng_.Below(primary ? 3 : 8)]);
    }
  }
}

}  // namespace muster::roster::generator::internal
