#pragma once

// Parser for the OneRoster 1.1 `filter` parameter (oneroster.md §1.6):
//
//   filter  := clause [ logical clause ]     ; at most one AND/OR, as 1.1 allows
//   clause  := field op "'" value "'"
//   op      := "=" | "!=" | ">" | ">=" | "<" | "<=" | "~"      ; "~" = contains
//   logical := "AND" | "OR"                                   ; any letter case
//
// Whitespace is optional around fields, operators and values (a keyword needs a boundary
// after it). A quote inside a value is written twice ('O''Brien'), as in SQL and OData; the
// spec gives no escape, so this is our choice. Field names are matched exactly against the
// catalog (dotted names such as "metadata.ukUpn" only if the catalog defines them) and values
// are converted to the field's type (field_catalog.h).
//
// Total: never throws, never reads out of bounds, linear in the input; fuzzed by
// tests/fuzz/oneroster_query_fuzz.cc. Errors are kInvalidArgument with reason
// "invalid_filter_field" and a message naming the 1-based position.

#include <cstddef>
#include <string_view>

#include "core/result.h"
#include "oneroster/query/field_catalog.h"
#include "oneroster/query/query.h"

namespace muster::oneroster::query {

inline constexpr size_t kDefaultMaxFilterLength = 4096;

// `text` is the percent-decoded parameter value.
Result<Filter> ParseFilter(std::string_view text, const FieldCatalog& catalog,
                           size_t max_length = kDefaultMaxFilterLength);

}  // namespace muster::oneroster::query
