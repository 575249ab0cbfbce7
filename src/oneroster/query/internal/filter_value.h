#pragma once

// Converts the text of one quoted filter value to the typed FilterValue its field needs, and
// checks that the operator suits the field's type. Errors carry only a message fragment (no
// position); the filter parser adds where the value starts.

#include <string>

#include "core/result.h"
#include "oneroster/query/field_catalog.h"
#include "oneroster/query/query.h"

namespace muster::oneroster::query::internal {

Result<FilterValue> ConvertFilterValue(const FieldSpec& spec, CompareOp op, std::string raw);

// Lenient ISO 8601 instant: what ParseIso8601Millis accepts, plus a space for 'T', a missing
// zone read as UTC, and "+HH:MM" whose '+' became a space in form decoding. nullopt if invalid.
std::optional<int64_t> ParseInstantMillis(std::string_view text);

}  // namespace muster::oneroster::query::internal
