#pragma once

// The English school year that contains a given day, with plausible term dates: the school
// year runs 1 September - 31 August; three terms (Autumn, Spring, Summer) of two half terms
// each. The dates follow the usual pattern rather than any one authority's calendar:
//   Autumn: the first Wednesday on or after 2 Sep to the last Friday on or before 20 Dec,
//           half term in the week of the last Monday of October;
//   Spring: the first weekday on or after 4 Jan to the Thursday before Good Friday,
//           half term in the week of the third Monday of February;
//   Summer: the Monday a week after Easter Monday to the last weekday on or before 22 Jul,
//           half term in the week of the last Monday of May (the Spring bank holiday).
// Pure; thread-safe.

#include <array>
#include <cstdint>
#include <string>

namespace muster::roster::generator {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31

  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

int64_t DaysSinceEpoch(const CivilDate& d);
CivilDate FromDaysSinceEpoch(int64_t days);
CivilDate FromUnixMillis(int64_t unix_ms);  // the UTC date
CivilDate AddDays(const CivilDate& d, int64_t days);
int Weekday(const CivilDate& d);             // 0 = Monday ... 6 = Sunday
std::string FormatDate(const CivilDate& d);  // "YYYY-MM-DD"
CivilDate EasterSunday(int year);            // Gregorian (anonymous algorithm)

struct SchoolPeriod {
  std::string title;  // "Autumn 2026", "Autumn 1 2026"
  CivilDate start;
  CivilDate end;
};

struct SchoolCalendar {
  int start_year = 0;                      // 2026 for 2026/27
  std::string school_year;                 // OneRoster schoolYear: the year it ends in, "2027"
  std::string title;                       // "2026/27"
  CivilDate start;                         // 1 September
  CivilDate end;                           // 31 August
  std::array<SchoolPeriod, 3> terms;       // Autumn, Spring, Summer
  std::array<SchoolPeriod, 6> half_terms;  // Autumn 1, Autumn 2, ..., Summer 2
};

// The school year containing `today`.
SchoolCalendar CalendarFor(const CivilDate& today);

}  // namespace muster::roster::generator
