#pragma once

// GenerateSchool: one fictional English school's OneRoster roster, deterministic in
// (plan, calendar, site id). What it makes:
//   orgs      the school (sourcedId = the site's organisation id; identifier = DfE number;
//             metadata uk.urn/uk.laCode/uk.phase) and, for a trust or LA member, that
//             district's org (one copy per site: children = this school only);
//   sessions  the current school year, its three terms and six half terms (gradingPeriods);
//   users     pupils by year group (N1/N2/R/Y1-Y6 in a primary, Y7-Y11 and Y12-Y13 in a
//             secondary) with a UPN (valid check letter) in userIds and metadata uk.upn,
//             uk.yearGroup, uk.registrationGroup and uk.house; guardians (about 1.5 per pupil;
//             siblings share them) linked both ways through `agents`; teachers and support
//             staff (aides and administrators);
//   classes   registration groups (`homeroom`: forms in a secondary, mixed-age classes in a
//             primary) and, in a secondary, teaching groups (`scheduled`) per subject: sets
//             for English, maths and science, form groups for the rest of KS3, option blocks
//             in KS4 and A-level groups in the sixth form; each with its course (one per
//             subject and year), all three terms, periods and a room;
//   enrollments every pupil in their registration group and teaching groups; a `primary`
//             teacher per class, sometimes a second;
//   demographics birth date (consistent with the year group) and sex, for pupils only;
//   resources the demo application's maths products, linked to maths courses and classes.
// Grades follow the age-equivalent US grade: Year N -> N-1 ("06" for Year 7), Reception ->
// "PK", nursery -> "PR"; the NC year itself is in metadata uk.yearGroup.
// Pure; thread-safe.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "roster/generator/plan.h"
#include "roster/generator/school_calendar.h"
#include "roster/model.h"

namespace muster::roster::generator {

struct SchoolRoster {
  std::vector<Org> orgs;
  std::vector<AcademicSession> sessions;
  std::vector<Course> courses;
  std::vector<Class> classes;
  std::vector<User> users;
  std::vector<Enrollment> enrollments;
  std::vector<Demographics> demographics;
  std::vector<Resource> resources;

  size_t RecordCount() const {
    return orgs.size() + sessions.size() + courses.size() + classes.size() + users.size() +
           enrollments.size() + demographics.size() + resources.size();
  }
};

// `district` is the data set's trust or LA when `school.in_district`, else ignored.
SchoolRoster GenerateSchool(const SchoolPlan& school, const DistrictPlan* district,
                            const SchoolCalendar& calendar, int64_t site_id);

}  // namespace muster::roster::generator
