#pragma once

// Small text helpers shared by the query parsers. ASCII-only by design: OneRoster field names,
// keywords and parameter names are ASCII; values are passed through untouched.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/text.h"

namespace muster::oneroster::query::internal {

using muster::Echo;
using muster::EqualsIgnoreCase;
using muster::IsCleanUtf8;
using muster::IsDigit;
using muster::IsSpace;
using muster::ParseDecimalSaturating;
using muster::Trim;

// A character of a (possibly dotted) field name: [A-Za-z0-9_.].
bool IsFieldChar(char c);
// Non-empty, [A-Za-z0-9_.], no leading/trailing/double dot.
bool IsFieldName(std::string_view s);

}  // namespace muster::oneroster::query::internal
