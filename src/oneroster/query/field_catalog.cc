#include "oneroster/query/field_catalog.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "oneroster/query/internal/text.h"

namespace muster::oneroster::query {
namespace {

void CheckSpec(const FieldSpec& spec, std::vector<std::string>& problems) {
  const std::string who = "field '" + internal::Echo(spec.name) + "'";
  if (spec.name.empty()) {
    problems.push_back("a field has an empty name");
  } else if (!internal::IsFieldName(spec.name)) {
    problems.push_back(who + ": name must be [A-Za-z0-9_.] without empty segments");
  }
  if ((spec.filterable || spec.sortable) && spec.column.empty()) {
    problems.push_back(who + ": filterable or sortable but has no column");
  }
  if (spec.column.find_first_of(std::string_view(";?\0", 3)) != std::string::npos) {
    problems.push_back(who + ": column expression must not contain ';', '?' or NUL");
  }
  if (spec.type != FieldType::kEnum && !spec.enum_values.empty()) {
    problems.push_back(who + ": enum_values given for a non-enum field");
  }
  if (!spec.filterable && !spec.sortable && !spec.selectable) {
    problems.push_back(who + ": neither filterable, sortable nor selectable");
  }
}

}  // namespace

const char* FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kString:
      return "string";
    case FieldType::kEnum:
      return "enum";
    case FieldType::kInteger:
      return "integer";
    case FieldType::kNumber:
      return "number";
    case FieldType::kBoolean:
      return "boolean";
    case FieldType::kDate:
      return "date";
    case FieldType::kDateTime:
      return "date-time";
  }
  return "unknown";
}

FieldCatalog::FieldCatalog(std::vector<FieldSpec> fields, size_t key_index)
    : fields_(std::move(fields)), key_index_(key_index) {
  by_name_.resize(fields_.size());
  for (size_t i = 0; i < fields_.size(); ++i) by_name_[i] = i;
  std::sort(by_name_.begin(), by_name_.end(),
            [this](size_t a, size_t b) { return fields_[a].name < fields_[b].name; });
}

Result<FieldCatalog> FieldCatalog::Create(std::vector<FieldSpec> fields, std::string key_field) {
  std::vector<std::string> problems;
  std::unordered_set<std::string_view> seen;
  size_t key_index = fields.size();
  for (size_t i = 0; i < fields.size(); ++i) {
    CheckSpec(fields[i], problems);
    if (!seen.insert(fields[i].name).second) {
      problems.push_back("field '" + internal::Echo(fields[i].name) + "' is defined twice");
    }
    if (fields[i].name == key_field) key_index = i;
  }
  if (key_index == fields.size()) {
    problems.push_back("key field '" + internal::Echo(key_field) + "' is not in the catalog");
  } else if (!fields[key_index].sortable) {
    problems.push_back("key field '" + internal::Echo(key_field) + "' must be sortable");
  }
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : "; ") + p;
    return MakeError(ErrorCode::kInternal, "invalid_field_catalog",
                     "invalid OneRoster field catalog", all);
  }
  return FieldCatalog(std::move(fields), key_index);
}

const FieldSpec* FieldCatalog::Find(std::string_view name) const {
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), name,
                             [this](size_t i, std::string_view n) { return fields_[i].name < n; });
  if (it == by_name_.end() || fields_[*it].name != name) return nullptr;
  return &fields_[*it];
}

const FieldSpec* FieldCatalog::FindIgnoringCase(std::string_view name) const {
  for (const auto& spec : fields_) {
    if (internal::EqualsIgnoreCase(spec.name, name)) return &spec;
  }
  return nullptr;
}

}  // namespace muster::oneroster::query
