#include "oneroster/query/internal/text.h"

namespace muster::oneroster::query::internal {

bool IsFieldChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_' || c == '.';
}

bool IsFieldName(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsFieldChar(s[i])) return false;
    if (s[i] == '.' && i + 1 < s.size() && s[i + 1] == '.') return false;
  }
  return true;
}

}  // namespace muster::oneroster::query::internal
