#pragma once

// Syntax of the OData `$filter` option (OData v4 ABNF subset, product.md §4.2):
//
//   filter     := or
//   or         := and { "or" and }
//   and        := comparison { "and" comparison }
//   comparison := unary [ ("eq"|"ne"|"gt"|"ge"|"lt"|"le") unary ]
//   unary      := "not" unary | primary
//   primary    := "(" or ")" | literal | function "(" [ or { "," or } ] ")"
//               | identifier { "/" identifier }                     ; a property path
//   function   := contains | startswith | endswith | substringof | tolower | toupper
//
// so precedence is not > comparison > and > or, as the task and OData's own table give
// (`not A eq B` is `(not A) eq B`, which the binder rejects: write `not (A eq B)`). Keywords
// and function names match in any letter case (OData 4.01); whitespace is optional around
// punctuation. Literals are described in internal/lexer.h.
//
// This is syntax only: names and types are checked by BindFilter (filter_binder.h).
// Total: never throws, never reads out of bounds; input length and nesting depth are capped so
// time and stack are bounded. Fuzzed by tests/fuzz/odata_query_fuzz.cc. Errors are
// kInvalidArgument with reason InvalidFilter or InvalidLiteral and a message naming the
// 1-based position.

#include <cstddef>
#include <string_view>

#include "core/result.h"
#include "odata/query/ast.h"

namespace muster::odata::query {

struct FilterLimits {
  // Longest accepted $filter in bytes (after percent-decoding); real DeX filters are < 300.
  size_t max_length = 4096;
  // Deepest nesting of parentheses, `not` and function calls.
  int max_depth = 32;
};

// `text` is the percent-decoded option value.
Result<Node> ParseFilterSyntax(std::string_view text, const FilterLimits& limits = {});

}  // namespace muster::odata::query
