#include "odata/query/entity_catalog.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "odata/query/internal/text.h"

namespace muster::odata::query {
namespace {

using internal::Echo;

bool IsSafeColumn(std::string_view column) {
  for (size_t i = 0; i < column.size(); ++i) {
    const char c = column[i];
    if (c == ';' || c == '?' || c == '\0') return false;
    if (c == '$' && i + 1 < column.size() && internal::IsDigit(column[i + 1])) return false;
  }
  return true;
}

void CheckEnum(const PropertySpec& spec, const std::string& who,
               std::vector<std::string>& problems) {
  if (spec.type != PropertyType::kEnum) {
    if (!spec.enum_type.empty() || !spec.enum_values.empty()) {
      problems.push_back(who + ": enum_type or enum_values on a non-enum property");
    }
    return;
  }
  if (!internal::IsIdentifierPath(spec.enum_type, '.') ||
      spec.enum_type.find('.') == std::string::npos) {
    problems.push_back(who + ": enum_type must be a qualified name such as 'SIMS.GroupTypeEnum'");
  }
  if (spec.enum_values.empty()) problems.push_back(who + ": an enum property needs enum_values");
  for (size_t i = 0; i < spec.enum_values.size(); ++i) {
    if (!internal::IsIdentifier(spec.enum_values[i])) {
      problems.push_back(std::string(who)
                             .append(": enum value '")
                             .append(Echo(spec.enum_values[i]))
                             .append("' is not an identifier"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (internal::EqualsIgnoreCase(spec.enum_values[i], spec.enum_values[j])) {
        problems.push_back(std::string(who)
                               .append(": enum value '")
                               .append(Echo(spec.enum_values[i]))
                               .append("' repeats"));
      }
    }
  }
}

void CheckProperty(const PropertySpec& spec, const std::vector<NavigationSpec>& navigations,
                   std::vector<std::string>& problems) {
  const std::string who = std::string("property '") + Echo(spec.name) + "'";
  if (spec.name.empty()) {
    problems.push_back("a property has an empty name");
  } else if (!internal::IsIdentifierPath(spec.name, '/')) {
    problems.push_back(who + ": name must be identifiers ([A-Za-z_][A-Za-z0-9_]*) joined by '/'");
  } else if (const size_t slash = spec.name.find('/'); slash != std::string::npos) {
    const std::string_view first = std::string_view(spec.name).substr(0, slash);
    const auto nav = std::find_if(navigations.begin(), navigations.end(),
                                  [&](const NavigationSpec& n) { return n.name == first; });
    if (nav == navigations.end() || nav->collection) {
      problems.push_back(who + ": '" + std::string(first) +
                         "' is not a single-valued navigation property");
    }
    if (spec.selectable) problems.push_back(who + ": a path cannot be selectable");
  }
  if ((spec.filterable || spec.sortable) && spec.column.empty()) {
    problems.push_back(who + ": filterable or sortable but has no column");
  }
  if (!IsSafeColumn(spec.column)) {
    problems.push_back(who + ": column must not contain ';', '?', NUL or '$<digit>'");
  }
  if (!spec.filterable && !spec.sortable && !spec.selectable) {
    problems.push_back(who + ": neither filterable, sortable nor selectable");
  }
  CheckEnum(spec, who, problems);
}

void CheckNavigations(const std::vector<NavigationSpec>& navigations,
                      std::unordered_set<std::string_view>& seen,
                      std::vector<std::string>& problems) {
  for (const auto& nav : navigations) {
    const std::string who = std::string("navigation '") + Echo(nav.name) + "'";
    if (!internal::IsIdentifier(nav.name)) {
      problems.push_back(who + ": name must be an identifier");
    }
    if (!seen.insert(nav.name).second) problems.push_back(who + ": name is defined twice");
  }
}

}  // namespace

const char* PropertyTypeName(PropertyType type) {
  switch (type) {
    case PropertyType::kString:
      return "Edm.String";
    case PropertyType::kGuid:
      return "Edm.Guid";
    case PropertyType::kInt:
      return "Edm.Int64";
    case PropertyType::kDecimal:
      return "Edm.Decimal";
    case PropertyType::kBool:
      return "Edm.Boolean";
    case PropertyType::kDate:
      return "Edm.Date";
    case PropertyType::kDateTimeOffset:
      return "Edm.DateTimeOffset";
    case PropertyType::kEnum:
      return "enum";
  }
  return "unknown";
}

EntityCatalog::EntityCatalog(std::vector<PropertySpec> properties,
                             std::vector<NavigationSpec> navigations, size_t key_index)
    : properties_(std::move(properties)),
      navigations_(std::move(navigations)),
      key_index_(key_index) {
  by_name_.resize(properties_.size());
  for (size_t i = 0; i < properties_.size(); ++i) by_name_[i] = i;
  std::sort(by_name_.begin(), by_name_.end(),
            [this](size_t a, size_t b) { return properties_[a].name < properties_[b].name; });
}

Result<EntityCatalog> EntityCatalog::Create(std::vector<PropertySpec> properties,
                                            std::vector<NavigationSpec> navigations,
                                            std::string key) {
  std::vector<std::string> problems;
  std::unordered_set<std::string_view> seen;
  CheckNavigations(navigations, seen, problems);
  size_t key_index = properties.size();
  for (size_t i = 0; i < properties.size(); ++i) {
    CheckProperty(properties[i], navigations, problems);
    if (!seen.insert(properties[i].name).second) {
      problems.push_back(std::string("property '") + Echo(properties[i].name) +
                         "' is defined twice");
    }
    if (properties[i].name == key) key_index = i;
  }
  const std::string key_who = std::string("key '") + Echo(key) + "'";
  if (key_index == properties.size()) {
    problems.push_back(key_who + " is not a property");
  } else if (const PropertySpec& k = properties[key_index];
             !k.filterable || !k.sortable || k.name.find('/') != std::string::npos) {
    problems.push_back(key_who + " must be a filterable, sortable, top-level property");
  }
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : "; ") + p;
    return MakeError(ErrorCode::kInternal, "invalid_entity_catalog", "invalid OData catalog", all);
  }
  return EntityCatalog(std::move(properties), std::move(navigations), key_index);
}

const PropertySpec* EntityCatalog::FindProperty(std::string_view name) const {
  auto it =
      std::lower_bound(by_name_.begin(), by_name_.end(), name,
                       [this](size_t i, std::string_view n) { return properties_[i].name < n; });
  if (it == by_name_.end() || properties_[*it].name != name) return nullptr;
  return &properties_[*it];
}

const NavigationSpec* EntityCatalog::FindNavigation(std::string_view name) const {
  for (const auto& nav : navigations_) {
    if (nav.name == name) return &nav;
  }
  return nullptr;
}

std::string EntityCatalog::SuggestName(std::string_view name) const {
  for (const auto& spec : properties_) {
    if (internal::EqualsIgnoreCase(spec.name, name)) return spec.name;
  }
  for (const auto& nav : navigations_) {
    if (internal::EqualsIgnoreCase(nav.name, name)) return nav.name;
  }
  return {};
}

}  // namespace muster::odata::query
