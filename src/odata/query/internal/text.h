#pragma once

// Small text helpers shared by the OData query parsers. ASCII-only by design: OData names,
// keywords and option names are ASCII; string values pass through untouched.
// (The OneRoster query layer has the same few helpers; a module may not depend on another
// API module, so they would move to core/ once a third user appears.)

#include <cstddef>
#include <string>
#include <string_view>

namespace muster::odata::query::internal {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// OData simple identifier characters: the first is [A-Za-z_], the rest [A-Za-z0-9_].
inline bool IsIdentStart(char c) { return IsAlpha(c) || c == '_'; }
inline bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }

// One identifier, or several joined by `separator` ('/' for property paths, '.' for namespaces).
bool IsIdentifier(std::string_view s);
bool IsIdentifierPath(std::string_view s, char separator);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string_view Trim(std::string_view s);
// Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF) and no NUL.
bool IsCleanUtf8(std::string_view s);
// Messages in this module are built as `std::string("...") + Echo(...)`, never
// `"..." + Echo(...)`: g++ 12 at -O3 reports a false -Wrestrict on `literal + std::string&&`.
//
// Request text made safe to quote in a client-facing message: printable ASCII kept, every
// other byte shown as '?', and cut to `max_len` characters with "..." appended.
std::string Echo(std::string_view s, size_t max_len = 64);

}  // namespace muster::odata::query::internal
