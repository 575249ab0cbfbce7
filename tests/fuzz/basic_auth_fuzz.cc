// libFuzzer target: the HTTP Basic Authorization header as OAuth clients send it.
// Checks that parsing never crashes and that what it accepts is well formed.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/basic_auth.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  auto credentials = muster::http::ParseBasicAuth(header);
  if (credentials && credentials->user.empty()) std::abort();
  return 0;
}
