#pragma once

// Person passwords (console accounts): Argon2id via libsodium crypto_pwhash_str, with the
// interactive limits. Never used on the token path.

#include <string>
#include <string_view>

#include "core/result.h"

namespace muster::crypto {

Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, const std::string& hash);

}  // namespace muster::crypto
