#pragma once

// application/x-www-form-urlencoded and URL query strings (WHATWG URL §5.1).
// Parsers of untrusted input: total (never throw), bounded, fuzzed in tests/fuzz.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace muster {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Percent-decodes one component; '+' is a space when `plus_is_space`. nullopt on a bad escape.
std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space);
std::string PercentEncode(std::string_view in);

// Parses `a=1&b=2`. Fails on a malformed escape or more than `max_fields` fields.
Result<FormFields> ParseForm(std::string_view body, size_t max_fields = 64);

// The value of the one field called `name`: nullopt when absent. A field given twice is an
// error for OAuth2 (RFC 6749 §3.2), reported through `duplicate`.
std::optional<std::string_view> FindField(const FormFields& fields, std::string_view name,
                                          bool* duplicate = nullptr);

}  // namespace muster
