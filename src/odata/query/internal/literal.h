#pragma once

// Parsers for the text of OData date, date-time and GUID literals, shared by the $filter lexer
// and the literal conversions. Strict (OData v4 ABNF) apart from the leniencies named below.
// Pure; nullopt on anything invalid.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace muster::odata::query::internal {

// "YYYY-MM-DD", years 0001-9999, a day that exists in that month. Returns the same text.
std::optional<std::string> ParseDate(std::string_view text);

// "YYYY-MM-DDThh:mm[:ss[.fraction]]" plus a zone "Z" or "+hh:mm"/"-hh:mm" (the 'T' and 'Z'
// in either case, fraction up to 12 digits, kept to milliseconds). Without a zone it is
// accepted only if `zone_optional` (the v3 `datetime'…'` form, read as UTC). Returns Unix ms.
std::optional<int64_t> ParseDateTimeOffset(std::string_view text, bool zone_optional);

// 8-4-4-4-12 hex digits in any case; returns the canonical upper-case form.
std::optional<std::string> ParseGuid(std::string_view text);

}  // namespace muster::odata::query::internal
