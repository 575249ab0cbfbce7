#pragma once

// Base64 (RFC 4648 §4) and base64url without padding (§5), as JWS and JWK use it.

#include <optional>
#include <string>
#include <string_view>

namespace muster {

std::string Base64Encode(std::string_view bytes);
std::string Base64UrlEncode(std::string_view bytes);
// Accepts padded or unpadded input; nullopt on any character outside the alphabet.
std::optional<std::string> Base64Decode(std::string_view text);
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace muster
