#pragma once

// Calendar arithmetic for learners' ages: DeX's AgeMonths and the provisioning API's age
// range brackets, both computed from a date of birth and the injected clock's UTC date (so
// they are deterministic in tests). Pure; thread-safe.

#include <cstdint>
#include <optional>
#include <string_view>

namespace muster::learner {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31

  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// "YYYY-MM-DD" with a real calendar day (leap years included); nullopt otherwise.
std::optional<CivilDate> ParseCivilDate(std::string_view text);

// The UTC calendar date of a Unix time in milliseconds.
CivilDate UtcDate(int64_t unix_ms);

// Whole months / years completed between `birth` and `today` (a birthday counts on its day;
// a 29 February birthday on 1 March in other years). nullopt when `birth` is after `today`.
std::optional<int> AgeInMonths(const CivilDate& birth, const CivilDate& today);
std::optional<int> AgeInYears(const CivilDate& birth, const CivilDate& today);

}  // namespace muster::learner
