#include "oneroster/query/link_header.h"

#include <algorithm>

#include "oneroster/query/internal/text.h"

namespace muster::oneroster::query {
namespace {

std::string EncodedParams(const FormFields& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (internal::EqualsIgnoreCase(name, "limit") || internal::EqualsIgnoreCase(name, "offset")) {
      continue;
    }
    out.append(PercentEncode(name)).append("=").append(PercentEncode(value)).append("&");
  }
  return out;
}

void AppendLink(std::string& header, std::string_view base, std::string_view query, int64_t limit,
                int64_t offset, std::string_view rel) {
  if (!header.empty()) header.append(", ");
  header.append("<").append(base).append(query);
  header.append("limit=").append(std::to_string(limit));
  header.append("&offset=").append(std::to_string(offset));
  header.append(">; rel=\"").append(rel).append("\"");
}

}  // namespace

std::string BuildLinkHeader(std::string_view base_url, const FormFields& params, int64_t limit,
                            int64_t offset, int64_t total) {
  limit = std::max<int64_t>(limit, 1);
  offset = std::max<int64_t>(offset, 0);
  total = std::max<int64_t>(total, 0);
  const int64_t last = total == 0 ? 0 : (total - 1) / limit * limit;
  std::string query(base_url.find('?') == std::string_view::npos ? "?" : "&");
  query += EncodedParams(params);

  std::string header;
  AppendLink(header, base_url, query, limit, 0, "first");
  if (offset > 0) {
    const int64_t prev = std::min(offset > limit ? offset - limit : 0, last);
    AppendLink(header, base_url, query, limit, prev, "prev");
  }
  if (offset < total && total - offset > limit) {  // overflow-safe offset + limit < total
    AppendLink(header, base_url, query, limit, offset + limit, "next");
  }
  AppendLink(header, base_url, query, limit, last, "last");
  return header;
}

}  // namespace muster::oneroster::query
