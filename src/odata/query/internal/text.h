#pragma once

// Small text helpers shared by the OData query parsers. ASCII-only by design: OData names,
// keywords and option names are ASCII; string values pass through untouched.
// The generic ones (case-insensitive compare, trim, UTF-8 check, decimal numbers, Echo) live in
// core/text.h.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/text.h"

namespace muster::odata::query::internal {

using muster::Echo;
using muster::EqualsIgnoreCase;
using muster::IsCleanUtf8;
using muster::IsDigit;
using muster::IsSpace;
using muster::ParseDecimalSaturating;
using muster::Trim;

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

}  // namespace muster::odata::query::internal
