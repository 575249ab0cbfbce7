#pragma once

// England and Wales year groups as the projection names and orders them (sims-platform.md
// §10.2): N1, N2 (nursery), R (Reception), Y1-Y13. Pure; thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace muster::learner {

struct YearGroupName {
  int nc = 0;              // -2 = N1, -1 = N2, 0 = R, 1..13
  std::string code;        // "N1", "N2", "R", "Y7": the key the group's id is derived from
  std::string short_name;  // "N1", "N2", "R", "Year 7" (as SIMS shows them)
  std::string full_name;   // "Nursery 1", "Nursery 2", "Reception", "Year 7"
};

// Reads "N1", "N2", "R", "Reception", "Y7", "7", "Year 7" (any case, spaces ignored);
// nullopt for anything else (the caller keeps such a name as written).
std::optional<YearGroupName> ParseYearGroup(std::string_view text);

// The year group of a OneRoster grade in the demo generator's age-equivalent convention
// (roster/generator/school_generator.h): "PK" -> R, "KG" -> Y1, "01".."12" -> Y2..Y13.
// nullopt for "PR" (which nursery year is unknown) and anything else.
std::optional<YearGroupName> YearGroupOfGrade(std::string_view grade);

// True for a grade of a pupil in Year 6 or below in that convention ("PR", "PK", "KG",
// "01".."05").
bool IsPrimaryGrade(std::string_view grade);

// A sort rank for a grade: earlier years first, unknown grades last.
int GradeRank(std::string_view grade);

}  // namespace muster::learner
