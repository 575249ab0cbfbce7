#pragma once

// Time formats on the wire: ISO 8601 UTC with milliseconds (OneRoster, audit, JSON),
// and the IMF-fixdate of HTTP's Date header (RFC 9110 §5.6.7).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace muster {

// "2026-11-25T08:34:06.123Z"
std::string FormatIso8601Millis(int64_t unix_millis);
// The same, appended to `out` (no temporary: for response writers).
void AppendIso8601Millis(std::string& out, int64_t unix_millis);
// "Wed, 25 Nov 2026 08:34:06 GMT"
std::string FormatHttpDate(int64_t unix_seconds);
// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS[.fff]Z" and "+HH:MM" offsets; nullopt otherwise.
std::optional<int64_t> ParseIso8601Millis(std::string_view text);

}  // namespace muster
