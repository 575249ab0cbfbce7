#pragma once

// One-shot digests (raw bytes out).

#include <string>
#include <string_view>

namespace muster::crypto {

std::string Sha256(std::string_view data);
std::string Sha1(std::string_view data);  // only for x5t thumbprints
std::string HmacSha256(std::string_view key, std::string_view data);
// Constant-time equality of two byte strings (false when lengths differ).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace muster::crypto
