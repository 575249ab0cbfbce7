#include "http/basic_auth.h"

#include "core/base64.h"
#include "core/form.h"
#include "core/text.h"

namespace muster::http {

std::optional<BasicCredentials> ParseBasicAuth(std::string_view header) {
  constexpr std::string_view kScheme = "basic ";
  if (header.size() <= kScheme.size() || header.size() > 4096) return std::nullopt;
  if (!StartsWithIgnoreCase(header, kScheme)) return std::nullopt;
  std::string_view encoded = header.substr(kScheme.size());
  while (!encoded.empty() && encoded.front() == ' ') encoded.remove_prefix(1);
  while (!encoded.empty() && encoded.back() == ' ') encoded.remove_suffix(1);
  auto decoded = Base64Decode(encoded);
  if (!decoded) return std::nullopt;
  size_t colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  auto user = PercentDecode(std::string_view(*decoded).substr(0, colon), true);
  auto password = PercentDecode(std::string_view(*decoded).substr(colon + 1), true);
  if (!user || !password || user->empty()) return std::nullopt;
  return BasicCredentials{std::move(*user), std::move(*password)};
}

}  // namespace muster::http
