#include "odata/query/internal/literal.h"

#include <algorithm>

#include "core/time_format.h"
#include "core/uuid.h"
#include "odata/query/internal/text.h"

namespace muster::odata::query::internal {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!IsDigit(s[i])) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "hh:mm" at `pos` with hh <= 23 and mm <= 59.
bool HourMinute(std::string_view s, size_t pos, int* hour, int* minute) {
  return Digits(s, pos, 2, hour) && pos + 2 < s.size() && s[pos + 2] == ':' &&
         Digits(s, pos + 3, 2, minute) && *hour <= 23 && *minute <= 59;
}

std::string TwoDigits(int v) {
  std::string out(2, '0');
  out[0] = static_cast<char>('0' + v / 10);
  out[1] = static_cast<char>('0' + v % 10);
  return out;
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view s) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (s.size() != 10 || !Digits(s, 0, 4, &year) || s[4] != '-' || !Digits(s, 5, 2, &month) ||
      s[7] != '-' || !Digits(s, 8, 2, &day)) {
    return std::nullopt;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<int64_t> ParseDateTimeOffset(std::string_view s, bool zone_optional) {
  if (s.size() < 16 || !ParseDate(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't')) {
    return std::nullopt;
  }
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!HourMinute(s, 11, &hour, &minute)) return std::nullopt;
  size_t pos = 16;
  std::string fraction;
  if (pos < s.size() && s[pos] == ':') {
    if (!Digits(s, pos + 1, 2, &second) || second > 59) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      const size_t start = ++pos;
      while (pos < s.size() && IsDigit(s[pos])) ++pos;
      if (pos == start || pos - start > 12) return std::nullopt;
      fraction = s.substr(start, std::min<size_t>(pos - start, 3));
    }
  }
  std::string zone;
  if (pos == s.size()) {
    if (!zone_optional) return std::nullopt;
    zone = "Z";
  } else if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
    zone = "Z";
  } else if (s[pos] == '+' || s[pos] == '-') {
    int zone_hour = 0;
    int zone_minute = 0;
    if (!HourMinute(s, pos + 1, &zone_hour, &zone_minute) || pos + 6 != s.size()) {
      return std::nullopt;
    }
    zone = std::string(1, s[pos]) + TwoDigits(zone_hour) + ":" + TwoDigits(zone_minute);
  } else {
    return std::nullopt;
  }
  std::string iso(s.substr(0, 10));
  iso.append("T").append(TwoDigits(hour)).append(":").append(TwoDigits(minute));
  iso.append(":").append(TwoDigits(second));
  if (!fraction.empty()) iso.append(".").append(fraction);
  iso.append(zone);
  return ParseIso8601Millis(iso);
}

std::optional<std::string> ParseGuid(std::string_view text) { return NormalizeGuid(text); }

}  // namespace muster::odata::query::internal
