#include "odata/query/internal/text.h"

#include <cstdint>

namespace muster::odata::query::internal {

bool IsIdentifier(std::string_view s) {
  if (s.empty() || !IsIdentStart(s.front())) return false;
  for (char c : s) {
    if (!IsIdentChar(c)) return false;
  }
  return true;
}

bool IsIdentifierPath(std::string_view s, char separator) {
  bool at_segment_start = true;
  for (char c : s) {
    if (c == separator) {
      if (at_segment_start) return false;
      at_segment_start = true;
    } else if (at_segment_start ? IsIdentStart(c) : IsIdentChar(c)) {
      at_segment_start = false;
    } else {
      return false;
    }
  }
  return !at_segment_start;
}

}  // namespace muster::odata::query::internal
