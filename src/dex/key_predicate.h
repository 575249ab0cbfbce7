#pragma once

// Parses the DeX path segment that addresses one entity (OData v4 URL conventions §4.3.1):
//
//   LearnerPersonals(6F0E…)                    the key alone; also guid'6F0E…' or '6F0E…'
//   LearnerPersonals(ExternalID=6F0E…)         the key by name
//   LearnerGroups(ExternalID=6F0E…,GroupType=SIMS.GroupTypeEnum'YearGroup')
//                                              the group key as sims-platform.md §4 shows it
//                                              (GroupType also as 'YearGroup'; either order)
//
// `segment` is percent-decoded (the router decodes path parameters). The GUID is returned in
// canonical upper case. Errors: kNotFound when the name before '(' is not an entity set (the
// path names no resource); kInvalidArgument with OData code "InvalidKey" for a malformed key
// (unbalanced parentheses, an unknown or repeated key name, a value that is not a GUID,
// GroupType on a learner set or not a SIMS.GroupTypeEnum member).
// Pure; total (never throws); thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "learner/catalogs.h"
#include "learner/model.h"

namespace muster::dex {

inline constexpr char kInvalidKey[] = "InvalidKey";

struct EntityKey {
  learner::EntitySet set = learner::EntitySet::kLearnerPersonals;
  std::string external_id = {};                       // canonical upper-case GUID
  std::optional<learner::GroupType> group_type = {};  // LearnerGroups only, when given

  bool operator==(const EntityKey&) const = default;
};

Result<EntityKey> ParseEntityKey(std::string_view segment);

}  // namespace muster::dex
