#include "dex/key_predicate.h"

#include "core/text.h"
#include "core/uuid.h"

namespace muster::dex {
namespace {

Error BadKey(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, kInvalidKey, std::move(message));
}

// A quoted literal 'x' -> x (no '' escapes: neither GUIDs nor enum members contain quotes).
std::optional<std::string_view> Unquote(std::string_view v) {
  if (v.size() < 2 || v.front() != '\'' || v.back() != '\'') return std::nullopt;
  v = v.substr(1, v.size() - 2);
  if (v.find('\'') != std::string_view::npos) return std::nullopt;
  return v;
}

Result<std::string> GuidValue(std::string_view v) {
  if (v.size() > 4 && EqualsIgnoreCase(v.substr(0, 4), "guid")) v.remove_prefix(4);
  if (auto quoted = Unquote(v)) v = *quoted;
  auto guid = NormalizeGuid(v);
  if (!guid)
    return BadKey("The key ExternalID is a GUID, such as 5C030578-1832-4C66-80C4-0E5DEB68D3FE.");
  return *guid;
}

Result<learner::GroupType> GroupTypeValue(std::string_view v) {
  constexpr std::string_view kPrefix = learner::kGroupTypeEnum;
  if (v.substr(0, kPrefix.size()) == kPrefix) v.remove_prefix(kPrefix.size());
  auto quoted = Unquote(v);
  auto type = quoted ? learner::ParseGroupType(*quoted) : std::nullopt;
  if (!type) {
    return BadKey(
        "GroupType is a SIMS.GroupTypeEnum member, such as "
        "GroupType=SIMS.GroupTypeEnum'YearGroup'.");
  }
  return *type;
}

}  // namespace

Result<EntityKey> ParseEntityKey(std::string_view segment) {
  const size_t open = segment.find('(');
  auto set = learner::ParseEntitySet(segment.substr(0, open));
  if (!set || open == std::string_view::npos) {
    return MakeError(ErrorCode::kNotFound, "", "No resource at this path.");
  }
  if (segment.back() != ')') return BadKey("The key predicate is not closed with ')'.");
  std::string_view inside = segment.substr(open + 1, segment.size() - open - 2);
  EntityKey key{.set = *set};
  bool have_id = false;
  size_t parts = 0;
  for (size_t pos = 0; pos <= inside.size(); ++parts) {
    size_t comma = inside.find(',', pos);
    if (comma == std::string_view::npos) comma = inside.size();
    std::string_view part = Trim(inside.substr(pos, comma - pos));
    pos = comma + 1;
    if (parts == 2) return BadKey("The key has at most ExternalID and GroupType.");
    const size_t eq = part.find('=');
    std::string_view name = eq == std::string_view::npos ? "" : Trim(part.substr(0, eq));
    std::string_view value = eq == std::string_view::npos ? part : Trim(part.substr(eq + 1));
    if (eq != std::string_view::npos && name.empty()) return BadKey("A key name is empty.");
    if (name.empty() || name == "ExternalID") {
      if (have_id) return BadKey("ExternalID is given twice.");
      MUSTER_ASSIGN_OR_RETURN(key.external_id, GuidValue(value));
      have_id = true;
    } else if (name == "GroupType" && key.set == learner::EntitySet::kLearnerGroups) {
      if (key.group_type) return BadKey("GroupType is given twice.");
      MUSTER_ASSIGN_OR_RETURN(key.group_type, GroupTypeValue(value));
    } else {
      return BadKey("Unknown key property '" + Echo(name, 32) + "'.");
    }
  }
  if (!have_id) return BadKey("The key needs ExternalID.");
  return key;
}

}  // namespace muster::dex
