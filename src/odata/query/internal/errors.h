#pragma once

// The one shape of this layer's client errors: ErrorCode::kInvalidArgument, an OData code
// (query.h) as the reason, and a message that names the option and, where there is one, the
// 1-based character position ("$filter at position 14: unknown property 'Surnme'").

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace muster::odata::query::internal {

inline Error QueryError(const char* reason, std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, reason, std::move(message));
}

// `pos` is the 0-based byte offset into the option's (percent-decoded) value.
inline Error PositionError(const char* reason, std::string_view option, size_t pos,
                           std::string_view what) {
  std::string message(option);
  message.append(" at position ").append(std::to_string(pos + 1)).append(": ").append(what);
  return QueryError(reason, std::move(message));
}

}  // namespace muster::odata::query::internal
