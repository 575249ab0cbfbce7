#pragma once

// The comma-separated system query options: $orderby, $select and $expand, each checked
// against the EntityCatalog. Names are exact-case (OData); `asc`/`desc` and `*` as OData
// gives them. Errors name the option and the 1-based position of the offending item:
// InvalidQueryOption for syntax, repeats and limits, UnknownProperty for names the catalog
// does not allow for that option.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "odata/query/entity_catalog.h"
#include "odata/query/query.h"

namespace muster::odata::query::internal {

// `path [asc|desc]` items; paths are sortable properties (navigation paths included when the
// catalog lists them). An item may not repeat.
Result<std::vector<OrderItem>> ParseOrderBy(std::string_view text, const EntityCatalog& catalog,
                                            size_t max_items);

// Selectable property and navigation names; `*` anywhere selects everything (empty result).
// Repeats are dropped.
Result<std::vector<std::string>> ParseSelect(std::string_view text, const EntityCatalog& catalog,
                                             size_t max_items);

// Expandable navigation names only (no `(…)` options, no paths); `*` = every expandable one.
// Repeats are dropped.
Result<std::vector<std::string>> ParseExpand(std::string_view text, const EntityCatalog& catalog,
                                             size_t max_items);

}  // namespace muster::odata::query::internal
