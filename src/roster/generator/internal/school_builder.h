#pragma once

// SchoolBuilder: the state and steps behind GenerateSchool (school_generator.h), split over
// school_builder.cc (orgs, sessions, resources, shared helpers), school_people.cc (pupils,
// families, staff) and school_classes.cc (courses, classes, enrollments).
// Not thread-safe; one per school.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "roster/generator/rng.h"
#include "roster/generator/school_generator.h"

namespace muster::roster::generator::internal {

struct YearGroup {
  int nc = 0;                  // -2 = N1, -1 = N2, 0 = R, 1..13 = Year 1..13
  std::string code;            // "N1", "N2", "R", "Y7"
  std::string label;           // "Nursery 1", "Reception", "Year 7"
  std::string grade;           // CEDS grade: "PR", "PK", "KG", "01".."12"
  int entry_year = 0;          // the calendar year its pupils joined the school (for UPNs)
  int size = 0;                // planned head count
  std::vector<size_t> pupils;  // indices into roster.users
  std::vector<std::vector<size_t>> forms;  // registration groups' pupils (secondary)
  std::vector<size_t> form_classes;        // their classes, as indices into roster.classes
};

struct Teacher {
  size_t user = 0;
  std::string department;  // "Mathematics", ... ; "" for leadership / class teachers
  int classes = 0;         // teaching load so far
};

class SchoolBuilder {
 public:
  SchoolBuilder(const SchoolPlan& plan, const DistrictPlan* district,
                const SchoolCalendar& calendar, int64_t site_id);
  SchoolRoster Build();

 private:
  // school_builder.cc
  void AddOrgs();
  void AddSessions();
  void AddResources();
  void PlanYearGroups();
  User NewUser(Role role);  // sourcedId, site, org, status; the rest is the caller's
  std::string UniqueUsername(std::string base);
  std::string Email(std::string_view local) const;  // local@<slug>.example
  size_t AddCourse(const std::string& title, const std::string& code,
                   const std::vector<std::string>& grades, const std::string& subject);
  size_t AddClass(const std::string& title, const std::string& code, ClassType type, size_t course,
                  const std::vector<std::string>& grades, const std::string& subject,
                  const std::string& location);
  void Enroll(size_t user, size_t klass, Role role, std::optional<bool> primary);
  void Teach(Teacher& teacher, size_t klass, bool primary);

  // school_people.cc
  void AddPupilsAndFamilies();
  size_t AddPupil(YearGroup& year, const std::string& family, std::string_view house);
  size_t AddGuardian(const std::string& family, std::string_view relationship, int priority);
  void AddStaff();
  size_t AddStaffUser(Role role, const std::string& department, const std::string& staff_role);
  size_t AddTeacher(const std::string& department, const std::string& staff_role);
  void SetRegistrationGroup(size_t pupil, const std::string& group);

  // school_classes.cc
  void AddPrimaryClasses();
  void AddSecondaryClasses();
  void AddForms(YearGroup& year);
  void AddSetGroups(YearGroup& year, const std::string& subject, const std::string& code,
                    int groups);
  void AddFormGroups(YearGroup& year, const std::string& subject, const std::string& code);
  void AddOptionBlocks(YearGroup& year);
  void AddSixthForm(YearGroup& year);
  Teacher& TeacherFor(const std::string& department);

  const SchoolPlan& plan_;
  const DistrictPlan* district_;
  const SchoolCalendar& cal_;
  const int64_t site_;
  Rng rng_;
  SchoolRoster roster_;

  std::string school_id_;
  std::string year_id_;                    // the schoolYear session
  std::vector<std::string> term_ids_;      // Autumn, Spring, Summer
  std::vector<std::string> resource_ids_;  // by key stage: [EYFS/KS1, KS2, KS3, KS4]
  std::vector<std::string_view> houses_;
  std::vector<YearGroup> years_;
  std::vector<Teacher> teachers_;
  std::map<int, int> upn_serials_;         // next UPN serial per entry year
  std::map<std::string, size_t> courses_;  // "7|Mathematics" -> index into roster.courses
  std::set<std::string> usernames_;
  std::set<std::string> staff_codes_;
  int next_admission_ = 0;
  int next_contact_ = 0;
};

// "PR", "PK", "KG", "01".."12" for NC year `nc` (-2..13): the age-equivalent US grade.
std::string GradeFor(int nc);
// Lower-case letters and digits of `text` only ("O'Brien" -> "obrien").
std::string Alnum(std::string_view text);

}  // namespace muster::roster::generator::internal
