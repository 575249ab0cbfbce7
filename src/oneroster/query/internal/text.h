#pragma once

// Small text helpers shared by the query parsers. ASCII-only by design: OneRoster field names,
// keywords and parameter names are ASCII; values are passed through untouched.

#include <cstddef>
#include <string>
#include <string_view>

namespace muster::oneroster::query::internal {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// A character of a (possibly dotted) field name: [A-Za-z0-9_.].
bool IsFieldChar(char c);
// Non-empty, [A-Za-z0-9_.], no leading/trailing/double dot.
bool IsFieldName(std::string_view s);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string_view Trim(std::string_view s);
// Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF) and no NUL.
bool IsCleanUtf8(std::string_view s);

// Request text made safe to quote in a client-facing message: printable ASCII kept, every
// other byte shown as '?', and cut to `max_len` characters with "..." appended.
std::string Echo(std::string_view s, size_t max_len = 64);

}  // namespace muster::oneroster::query::internal
