#include "roster/generator/school_calendar.h"

#include <cstdio>

namespace muster::roster::generator {
namespace {

// The first day on or after `from` that is `weekday`.
CivilDate OnOrAfter(const CivilDate& from, int weekday) {
  return AddDays(from, (weekday - Weekday(from) + 7) % 7);
}

// The last day on or before `from` that is `weekday`.
CivilDate OnOrBefore(const CivilDate& from, int weekday) {
  return AddDays(from, -((Weekday(from) - weekday + 7) % 7));
}

// The first / last Monday-to-Friday day on or after / before `d`.
CivilDate WeekdayOnOrAfter(const CivilDate& d) {
  const int w = Weekday(d);
  return w < 5 ? d : AddDays(d, 7 - w);
}
CivilDate WeekdayOnOrBefore(const CivilDate& d) {
  const int w = Weekday(d);
  return w < 5 ? d : AddDays(d, 4 - w);
}

constexpr int kMonday = 0;
constexpr int kWednesday = 2;
constexpr int kThursday = 3;
constexpr int kFriday = 4;

SchoolPeriod Period(std::string title, CivilDate start, CivilDate end) {
  return SchoolPeriod{std::move(title), start, end};
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysSinceEpoch(const CivilDate& d) {
  const int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate FromDaysSinceEpoch(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDate{year, month, day};
}

CivilDate FromUnixMillis(int64_t unix_ms) {
  const int64_t days = unix_ms >= 0 ? unix_ms / 86400000 : (unix_ms - 86399999) / 86400000;
  return FromDaysSinceEpoch(days);
}

CivilDate AddDays(const CivilDate& d, int64_t days) {
  return FromDaysSinceEpoch(DaysSinceEpoch(d) + days);
}

int Weekday(const CivilDate& d) {
  // 1970-01-01 was a Thursday (3).
  const int64_t days = DaysSinceEpoch(d);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string FormatDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
  return buf;
}

CivilDate EasterSunday(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = ((h + l - 7 * m + 114) % 31) + 1;
  return CivilDate{y, month, day};
}

SchoolCalendar CalendarFor(const CivilDate& today) {
  SchoolCalendar cal;
  cal.start_year = today.month >= 9 ? today.year : today.year - 1;
  const int y0 = cal.start_year;
  const int y1 = y0 + 1;
  char title[16];
  std::snprintf(title, sizeof title, "%04d/%02d", y0 % 10000, y1 % 100);
  cal.title = title;
  cal.school_year = std::to_string(y1);
  cal.start = CivilDate{y0, 9, 1};
  cal.end = CivilDate{y1, 8, 31};

  const CivilDate autumn_start = OnOrAfter({y0, 9, 2}, kWednesday);
  const CivilDate autumn_end = OnOrBefore({y0, 12, 20}, kFriday);
  const CivilDate october_half = OnOrBefore({y0, 10, 31}, kMonday);
  const CivilDate spring_start = WeekdayOnOrAfter({y1, 1, 4});
  const CivilDate easter = EasterSunday(y1);
  const CivilDate spring_end = OnOrBefore(AddDays(easter, -3), kThursday);
  const CivilDate february_half = AddDays(OnOrAfter({y1, 2, 1}, kMonday), 14);
  const CivilDate summer_start = AddDays(easter, 8);
  const CivilDate may_half = OnOrBefore({y1, 5, 31}, kMonday);
  const CivilDate summer_end = WeekdayOnOrBefore({y1, 7, 22});

  const std::string s0 = std::to_string(y0);
  const std::string s1 = std::to_string(y1);
  cal.terms = {Period("Autumn " + s0, autumn_start, autumn_end),
               Period("Spring " + s1, spring_start, spring_end),
               Period("Summer " + s1, summer_start, summer_end)};
  cal.half_terms = {Period("Autumn 1 " + s0, autumn_start, AddDays(october_half, -3)),
                    Period("Autumn 2 " + s0, AddDays(october_half, 7), autumn_end),
                    Period("Spring 1 " + s1, spring_start, AddDays(february_half, -3)),
                    Period("Spring 2 " + s1, AddDays(february_half, 7), spring_end),
                    Period("Summer 1 " + s1, summer_start, AddDays(may_half, -3)),
                    Period("Summer 2 " + s1, AddDays(may_half, 7), summer_end)};
  return cal;
}

}  // namespace muster::roster::generator
