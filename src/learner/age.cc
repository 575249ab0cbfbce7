#include "learner/age.h"

namespace muster::learner {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Parses exactly `n` digits at `s[pos]`; -1 if they are not digits.
int Digits(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// Months completed, possibly negative.
int MonthsBetween(const CivilDate& from, const CivilDate& to) {
  int months = (to.year - from.year) * 12 + (to.month - from.month);
  // The day of the month `from` recurs on: its own, or the month's last when it has fewer
  // days (born 31 January: a month old on 28 February).
  int anniversary = from.day < DaysIn(to.year, to.month) ? from.day : DaysIn(to.year, to.month);
  if (from.month == 2 && from.day == 29 && to.month == 2 && !IsLeap(to.year)) {
    anniversary = 29;  // 29 February birthdays fall on 1 March in common years
  }
  if (to.day < anniversary) --months;
  return months;
}

}  // namespace

std::optional<CivilDate> ParseCivilDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  CivilDate d{Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2)};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  if (d.day > DaysIn(d.year, d.month)) return std::nullopt;
  return d;
}

CivilDate UtcDate(int64_t unix_ms) {
  int64_t days = unix_ms / 86400000;
  if (unix_ms % 86400000 < 0) --days;
  // Howard Hinnant's civil_from_days.
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDate{year, month, day};
}

std::optional<int> AgeInMonths(const CivilDate& birth, const CivilDate& today) {
  if (birth > today) return std::nullopt;
  return MonthsBetween(birth, today);
}

std::optional<int> AgeInYears(const CivilDate& birth, const CivilDate& today) {
  auto months = AgeInMonths(birth, today);
  if (!months) return std::nullopt;
  return *months / 12;
}

}  // namespace muster::learner
