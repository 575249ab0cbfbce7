#include "odata/query/next_link.h"

#include <cstdint>

#include "odata/query/internal/text.h"

namespace muster::odata::query {

std::string EncodeQueryComponent(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + 8);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (internal::IsAlpha(ch) || internal::IsDigit(ch) || ch == '-' || ch == '.' || ch == '_' ||
        ch == '~' || ch == '$') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string BuildNextLink(std::string_view base_url, const FormFields& params, const Query& query,
                          bool more_rows) {
  if (!more_rows || query.top <= 0 || query.skip < 0) return {};
  if (query.requested_top && *query.requested_top <= query.top) return {};
  if (query.skip > INT64_MAX - query.top) return {};
  std::string link(base_url);
  link.push_back(base_url.find('?') == std::string_view::npos ? '?' : '&');
  for (const auto& [name, value] : params) {
    if (internal::EqualsIgnoreCase(name, "$skip") || internal::EqualsIgnoreCase(name, "$top")) {
      continue;
    }
    link.append(EncodeQueryComponent(name)).append("=").append(EncodeQueryComponent(value));
    link.push_back('&');
  }
  if (query.requested_top) {
    link.append("$top=").append(std::to_string(*query.requested_top - query.top)).push_back('&');
  }
  link.append("$skip=").append(std::to_string(query.skip + query.top));
  return link;
}

}  // namespace muster::odata::query
