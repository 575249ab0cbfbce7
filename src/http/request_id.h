#pragma once

#include <string>
#include <string_view>

namespace muster::http {

// A caller-supplied X-Request-Id is kept when it is 1–64 characters of [A-Za-z0-9._-];
// otherwise a new one is made: a per-process random prefix and a counter.
std::string RequestIdFor(std::string_view incoming);

}  // namespace muster::http
