#pragma once

// Turns a DeX (OData) collection request's percent-decoded query parameters into a Query,
// validated against the entity set's EntityCatalog (product.md §4.2):
//
//   $top          a non-negative integer; above max_page_size the page is clamped and the
//                 rest is reached through @odata.nextLink (next_link.h). Default: a full page.
//   $skip         a non-negative integer (default 0).
//   $filter       filter_parser.h + filter_binder.h.
//   $orderby      `path [asc|desc]`, comma-separated, sortable properties.
//   $select       selectable property / navigation names, or `*`.
//   $expand       expandable navigation names, or `*`; no nested options.
//   $count        true | false.   $inlinecount (OData v3): allpages | none, the same thing.
//   $format       json (or application/json[;...]); anything else is refused.
//
// Option names match in any letter case (OData 4.01). Parameters not starting with '$' are
// ignored (they belong to the caller). Any other `$` option — unknown, or known but not
// supported ($search, $skiptoken, $apply, ...) — is a 400, as is an option given twice
// ($count together with $inlinecount counts as twice) or given empty.
// Errors: kInvalidArgument with an OData code from query.h as the reason.
// Total (never throws); pure; fuzzed by tests/fuzz/odata_query_fuzz.cc.

#include <cstddef>
#include <cstdint>

#include "core/form.h"
#include "core/result.h"
#include "odata/query/entity_catalog.h"
#include "odata/query/filter_parser.h"
#include "odata/query/query.h"

namespace muster::odata::query {

struct QueryOptions {
  // Largest page (and the page without $top). DeX itself returns at most 1000 records per
  // call plus a continuation link (sims-platform.md §4); a larger page costs memory per request.
  int64_t max_page_size = 1000;
  // $filter: 4 KiB and 32 levels of nesting bound parse time and stack.
  FilterLimits filter = {};
  // Longest $orderby, $select or $expand value, in bytes.
  size_t max_list_length = 4096;
  // Most $orderby items (each adds a sort key) and most $select / $expand names.
  size_t max_orderby_items = 8;
  size_t max_list_items = 100;
};

Result<Query> ParseQuery(const FormFields& params, const EntityCatalog& catalog,
                         const QueryOptions& options = {});

}  // namespace muster::odata::query
