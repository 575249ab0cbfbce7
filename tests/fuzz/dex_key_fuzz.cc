// libFuzzer target for the DeX key predicate parser (src/dex/key_predicate.h): any path
// segment, as the router hands it over percent-decoded. Checks its promises: no crash; a
// parsed key names an entity set, carries a canonical upper-case GUID, and a GroupType only
// for LearnerGroups; a refusal is kNotFound (no entity set) or kInvalidArgument "InvalidKey".

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/uuid.h"
#include "dex/key_predicate.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view segment(reinterpret_cast<const char*>(data), size);
  auto key = muster::dex::ParseEntityKey(segment);
  if (key.ok()) {
    Check(muster::NormalizeGuid(key->external_id) == key->external_id);
    Check(!key->group_type || key->set == muster::learner::EntitySet::kLearnerGroups);
    Check(segment.find('(') != std::string_view::npos && segment.back() == ')');
  } else {
    const auto& e = key.error();
    Check(e.code == muster::ErrorCode::kNotFound ||
          (e.code == muster::ErrorCode::kInvalidArgument && e.reason == muster::dex::kInvalidKey));
  }
  return 0;
}
