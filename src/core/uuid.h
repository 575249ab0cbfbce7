#pragma once

// GUIDs as SIMS ID shows them: 36 characters, 8-4-4-4-12. Muster stores and emits them in
// upper case (as the seed's OrganisationId) and compares them case-insensitively.

#include <optional>
#include <string>
#include <string_view>

#include "core/random.h"

namespace muster {

// A random (version 4) GUID, upper case.
std::string NewGuid(Random& random);
// A name-based GUID derived from a namespace string and a name (SHA-256 based, version 8
// layout), upper case: used by the deterministic demo data.
std::string DerivedGuid(std::string_view space, std::string_view name);
// Canonical upper-case form, or nullopt if `text` is not a GUID (braces are not accepted).
std::optional<std::string> NormalizeGuid(std::string_view text);

}  // namespace muster
