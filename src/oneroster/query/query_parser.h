#pragma once

// Turns a OneRoster request's percent-decoded query parameters into a Query, validated against
// the endpoint's FieldCatalog (oneroster.md §1.6, §1.8):
//
//   limit    default 100; a positive integer; above max_limit it is clamped (limit_clamped).
//            Zero, negative or non-numeric -> 400 invaliddata.
//   offset   default 0; a non-negative integer, else 400 invaliddata.
//   sort     one sortable field; unknown -> warning invalid_sort_field, default order.
//   orderBy  asc | desc, any case; anything else -> warning invalid_sort_field, asc.
//            Without `sort` it orders the key (sourcedId).
//   fields   comma-separated selectable names; unknown ones -> warning invalid_selection_field
//            and are dropped; all unknown or blank -> 400 invalid_selection_field.
//   filter   filter_parser.h; any problem -> 400 invalid_filter_field.
//
// Parameter names match in any letter case; other parameters are ignored. One of these six
// given twice -> 400 invaliddata. An empty `sort`/`orderBy` counts as absent; an empty
// `filter`, `fields`, `limit` or `offset` is an error.
// Total (never throws); pure; fuzzed by tests/fuzz/oneroster_query_fuzz.cc.

#include <cstddef>
#include <cstdint>

#include "core/form.h"
#include "core/result.h"
#include "oneroster/query/field_catalog.h"
#include "oneroster/query/filter_parser.h"
#include "oneroster/query/query.h"

namespace muster::oneroster::query {

struct QueryOptions {
  // Page size when `limit` is absent; the 1.1 and 1.2 OpenAPI default.
  int64_t default_limit = 100;
  // Largest page. Google asks for 10000 and SDS 5000; higher asks are clamped rather than
  // refused, so greedy clients still page (X-Total-Count and Link tell them there is more).
  int64_t max_limit = 10000;
  // Longest accepted `filter`, in bytes; a real 1.1 filter is well under 200.
  size_t max_filter_length = kDefaultMaxFilterLength;
  // Most names accepted in `fields`.
  size_t max_fields = 100;
};

// For collection endpoints: all six parameters.
Result<Query> ParseCollectionQuery(const FormFields& params, const FieldCatalog& catalog,
                                   const QueryOptions& options = {});

// For single-object endpoints, which accept only `fields` (oneroster.md §1.3): the other five
// are ignored and the Query keeps its defaults.
Result<Query> ParseObjectQuery(const FormFields& params, const FieldCatalog& catalog,
                               const QueryOptions& options = {});

}  // namespace muster::oneroster::query
