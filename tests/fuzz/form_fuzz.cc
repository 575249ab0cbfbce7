// libFuzzer target: form-urlencoded bodies (the token endpoint's input) and query strings.
// Checks that parsing never crashes, respects its field bound, and that every decoded
// field re-encodes to something that parses back to the same field.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/form.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto fields = muster::ParseForm(input, 64);
  if (!fields.ok()) return 0;
  if (fields->size() > 64) std::abort();
  for (const auto& [name, value] : *fields) {
    std::string again = muster::PercentEncode(name) + "=" + muster::PercentEncode(value);
    auto back = muster::ParseForm(again, 1);
    if (!back.ok() || back->size() != 1 || (*back)[0].first != name || (*back)[0].second != value) {
      std::abort();
    }
  }
  bool duplicate = false;
  (void)muster::FindField(*fields, "client_id", &duplicate);
  return 0;
}
