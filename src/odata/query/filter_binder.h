#pragma once

// Checks a `$filter` syntax tree (filter_parser.h) against an EntityCatalog and rewrites it
// into the normal form the SQL compiler accepts:
//
//   kAnd, kOr   2+ bound conditions            kNot       1 bound condition
//   kCompare    [operand, literal]             kFunction  contains/startswith/endswith:
//                                                          [operand, kString literal]
//   operand  := kProperty (filterable) | tolower/toupper(kProperty of type Edm.String)
//
// Rewrites: `substringof('x', P)` (OData v3) -> `contains(P, 'x')`; `5 lt P` -> `P gt 5`;
// a bare Edm.Boolean property `P` -> `P eq true`; `f(...) eq true` / `ne false` -> `f(...)`
// and `eq false` / `ne true` -> `not f(...)` for a condition f (the v3 idiom
// `substringof('x', P) eq true`).
//
// Literals are converted to the property's type; what each type accepts:
//   Edm.String          'text'
//   Edm.Guid            a GUID, bare or guid'…', or a quoted GUID string; stored upper case
//   Edm.Int64           an integer (42, 42L)
//   Edm.Decimal         an integer or a decimal
//   Edm.Boolean         true / false
//   Edm.Date            a date, or a date-time that is midnight UTC
//   Edm.DateTimeOffset  a date-time (any offset, stored as UTC ms), or a date (its midnight UTC)
//   enum                Namespace.Type'Member' with the property's type, or 'Member'; the
//                       member must be one of the catalog's (any case; canonical spelling kept)
// and `null` goes with every type, but only with eq and ne. gt/ge/lt/le do not apply to
// Edm.Boolean, Edm.Guid or enum properties (their SQL order is not OData's order).
// contains/startswith/endswith take an Edm.String property and a string literal.
//
// Errors: kInvalidArgument with reason UnknownProperty (a name that is not in the catalog or
// not filterable), InvalidLiteral (a literal the property cannot take) or InvalidFilter (a
// misplaced expression), each naming the 1-based position of the offending node.

#include <string_view>

#include "core/result.h"
#include "odata/query/ast.h"
#include "odata/query/entity_catalog.h"
#include "odata/query/filter_parser.h"

namespace muster::odata::query {

Result<Node> BindFilter(const Node& syntax, const EntityCatalog& catalog);

// ParseFilterSyntax + BindFilter.
Result<Node> ParseFilter(std::string_view text, const EntityCatalog& catalog,
                         const FilterLimits& limits = {});

}  // namespace muster::odata::query
