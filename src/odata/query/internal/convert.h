#pragma once

// Converts a $filter literal to the type of the property it is compared with
// (filter_binder.h has the table). Errors are InvalidLiteral with a message fragment and no
// position; the binder adds where the literal starts.

#include "core/result.h"
#include "odata/query/ast.h"
#include "odata/query/entity_catalog.h"

namespace muster::odata::query::internal {

// `null` converts to null for every type. The result's kind is the property's:
// kString/kGuid/kDate/kEnum carry `text`, kInt/kDateTimeOffset/kBool `integer`, kDecimal
// `decimal` (and `text`).
Result<Literal> ConvertLiteral(const PropertySpec& spec, const Literal& literal);

}  // namespace muster::odata::query::internal
