#include "roster/generator/school_calendar.h"

#include <gtest/gtest.h>

namespace muster::roster::generator {
namespace {

TEST(CivilDateTest, RoundTripsAndWeekdays) {
  for (int64_t d = -800; d < 40000; d += 37) {
    EXPECT_EQ(DaysSinceEpoch(FromDaysSinceEpoch(d)), d);
  }
  EXPECT_EQ(FormatDate(FromUnixMillis(1764061200123)), "2025-11-25");
  EXPECT_EQ(FormatDate(FromUnixMillis(-1)), "1969-12-31");
  EXPECT_EQ(Weekday({2026, 11, 25}), 2);  // a Wednesday
  EXPECT_EQ(Weekday({1970, 1, 1}), 3);    // a Thursday
  EXPECT_EQ(AddDays({2027, 2, 28}, 1), (CivilDate{2027, 3, 1}));
  EXPECT_EQ(AddDays({2028, 2, 28}, 1), (CivilDate{2028, 2, 29}));
}

TEST(CivilDateTest, Easter) {
  EXPECT_EQ(EasterSunday(2025), (CivilDate{2025, 4, 20}));
  EXPECT_EQ(EasterSunday(2026), (CivilDate{2026, 4, 5}));
  EXPECT_EQ(EasterSunday(2027), (CivilDate{2027, 3, 28}));
  EXPECT_EQ(EasterSunday(2038), (CivilDate{2038, 4, 25}));
}

TEST(SchoolCalendarTest, TheSchoolYearOfToday) {
  const SchoolCalendar cal = CalendarFor({2026, 11, 25});
  EXPECT_EQ(cal.start_year, 2026);
  EXPECT_EQ(cal.school_year, "2027");
  EXPECT_EQ(cal.title, "2026/27");
  EXPECT_EQ(FormatDate(cal.start), "2026-09-01");
  EXPECT_EQ(FormatDate(cal.end), "2027-08-31");
  EXPECT_EQ(FormatDate(cal.terms[0].start), "2026-09-02");
  EXPECT_EQ(FormatDate(cal.terms[0].end), "2026-12-18");
  EXPECT_EQ(cal.terms[0].title, "Autumn 2026");
  EXPECT_EQ(FormatDate(cal.half_terms[0].end), "2026-10-23");  // before half term 26-30 Oct
  EXPECT_EQ(FormatDate(cal.half_terms[1].start), "2026-11-02");
  EXPECT_EQ(FormatDate(cal.terms[1].start), "2027-01-04");
  EXPECT_EQ(FormatDate(cal.terms[1].end), "2027-03-25");  // Maundy Thursday
  EXPECT_EQ(FormatDate(cal.terms[2].start), "2027-04-05");
  EXPECT_EQ(FormatDate(cal.terms[2].end), "2027-07-22");
  EXPECT_EQ(CalendarFor({2027, 8, 31}).start_year, 2026);
  EXPECT_EQ(CalendarFor({2027, 9, 1}).start_year, 2027);
  EXPECT_EQ(CalendarFor({2027, 1, 1}).school_year, "2027");
}

TEST(SchoolCalendarTest, PeriodsNestAndDoNotOverlapForTwentyYears) {
  for (int year = 2020; year < 2040; ++year) {
    const SchoolCalendar cal = CalendarFor({year, 10, 1});
    for (size_t t = 0; t < 3; ++t) {
      const SchoolPeriod& term = cal.terms[t];
      EXPECT_LT(term.start, term.end) << year;
      EXPECT_LE(cal.start, term.start);
      EXPECT_LE(term.end, cal.end);
      EXPECT_LT(Weekday(term.start), 5) << FormatDate(term.start);
      EXPECT_LT(Weekday(term.end), 5) << FormatDate(term.end);
      if (t > 0) {
        EXPECT_LT(cal.terms[t - 1].end, term.start) << year;
      }
      const SchoolPeriod& first = cal.half_terms[2 * t];
      const SchoolPeriod& second = cal.half_terms[2 * t + 1];
      EXPECT_EQ(first.start, term.start);
      EXPECT_EQ(second.end, term.end);
      EXPECT_LT(first.end, second.start) << year;
      EXPECT_LT(first.start, first.end) << year;
      EXPECT_LT(second.start, second.end) << year;
    }
  }
}

}  // namespace
}  // namespace muster::roster::generator
