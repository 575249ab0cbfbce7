#pragma once

// Catalog lookups with the client-facing error every query option shares: unknown names get a
// "did you mean" hint (case-insensitive match) and a navigation property named where a
// property is needed says how to reach its properties. Errors are UnknownProperty without a
// position; the caller adds where the name starts (internal/errors.h).

#include <string_view>

#include "core/result.h"
#include "odata/query/entity_catalog.h"

namespace muster::odata::query::internal {

enum class Use { kFilter, kOrderBy };

// A property allowed for `use` (filterable / sortable).
Result<const PropertySpec*> LookUpProperty(const EntityCatalog& catalog, std::string_view name,
                                           Use use);

// "unknown property 'X' (did you mean 'Y'?)"
std::string UnknownName(const EntityCatalog& catalog, std::string_view name);

}  // namespace muster::odata::query::internal
