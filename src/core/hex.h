#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace muster {

std::string HexEncode(std::string_view bytes);  // lower case
std::optional<std::string> HexDecode(std::string_view hex);

}  // namespace muster
