#include "odata/query/internal/list_options.h"

#include <algorithm>
#include <utility>

#include "odata/query/internal/errors.h"
#include "odata/query/internal/lookup.h"
#include "odata/query/internal/text.h"

namespace muster::odata::query::internal {
namespace {

struct Item {
  std::string_view text;  // trimmed
  size_t pos;             // 0-based offset of `text` in the option value
};

// Splits on ',' and trims each item. Fails on an empty item or more than `max_items`.
Result<std::vector<Item>> SplitList(std::string_view text, const char* option, size_t max_items) {
  if (Trim(text).empty()) return QueryError(kInvalidQueryOption, std::string(option) + " is empty");
  std::vector<Item> items;
  for (size_t start = 0; start <= text.size();) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    size_t begin = start;
    size_t end = comma;
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    if (begin == end) return PositionError(kInvalidQueryOption, option, begin, "empty item");
    if (items.size() == max_items) {
      return PositionError(kInvalidQueryOption, option, begin,
                           std::string("more than ") + std::to_string(max_items) + " items");
    }
    items.push_back({text.substr(begin, end - begin), begin});
    start = comma + 1;
  }
  return items;
}

void AddOnce(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

Result<std::vector<OrderItem>> ParseOrderBy(std::string_view text, const EntityCatalog& catalog,
                                            size_t max_items) {
  constexpr char kOption[] = "$orderby";
  MUSTER_ASSIGN_OR_RETURN(const std::vector<Item> items, SplitList(text, kOption, max_items));
  std::vector<OrderItem> order;
  for (const Item& item : items) {
    size_t space = 0;
    while (space < item.text.size() && !IsSpace(item.text[space])) ++space;
    const std::string_view path = item.text.substr(0, space);
    const std::string_view direction = Trim(item.text.substr(space));
    const size_t direction_pos = item.pos + (item.text.size() - direction.size());
    if (!IsIdentifierPath(path, '/')) {
      return PositionError(kInvalidQueryOption, kOption, item.pos,
                           std::string("'") + Echo(path) + "' is not a property path");
    }
    bool descending = false;
    if (EqualsIgnoreCase(direction, "desc")) {
      descending = true;
    } else if (!direction.empty() && !EqualsIgnoreCase(direction, "asc")) {
      return PositionError(kInvalidQueryOption, kOption, direction_pos,
                           std::string("expected asc or desc, found '") + Echo(direction) + "'");
    }
    auto spec = LookUpProperty(catalog, path, Use::kOrderBy);
    if (!spec.ok()) {
      return PositionError(kUnknownProperty, kOption, item.pos, spec.error().message);
    }
    const std::string& name = (*spec)->name;
    if (std::any_of(order.begin(), order.end(),
                    [&](const OrderItem& o) { return o.path == name; })) {
      return PositionError(kInvalidQueryOption, kOption, item.pos,
                           "'" + name + "' is listed twice");
    }
    order.push_back({name, descending});
  }
  return order;
}

Result<std::vector<std::string>> ParseSelect(std::string_view text, const EntityCatalog& catalog,
                                             size_t max_items) {
  constexpr char kOption[] = "$select";
  MUSTER_ASSIGN_OR_RETURN(const std::vector<Item> items, SplitList(text, kOption, max_items));
  std::vector<std::string> names;
  bool star = false;
  for (const Item& item : items) {
    if (item.text == "*") {
      star = true;
      continue;
    }
    if (!IsIdentifier(item.text)) {
      return PositionError(kInvalidQueryOption, kOption, item.pos,
                           std::string("'") + Echo(item.text) + "' is not a property name (" +
                               kOption +
                               " takes names, not paths; use $expand for related entities)");
    }
    if (const PropertySpec* spec = catalog.FindProperty(item.text)) {
      if (!spec->selectable) {
        return PositionError(kUnknownProperty, kOption, item.pos,
                             "property '" + spec->name + "' cannot be selected");
      }
      AddOnce(names, spec->name);
    } else if (const NavigationSpec* nav = catalog.FindNavigation(item.text)) {
      if (!nav->selectable) {
        return PositionError(kUnknownProperty, kOption, item.pos,
                             "navigation property '" + nav->name + "' cannot be selected");
      }
      AddOnce(names, nav->name);
    } else {
      return PositionError(kUnknownProperty, kOption, item.pos, UnknownName(catalog, item.text));
    }
  }
  if (star) names.clear();
  return names;
}

Result<std::vector<std::string>> ParseExpand(std::string_view text, const EntityCatalog& catalog,
                                             size_t max_items) {
  constexpr char kOption[] = "$expand";
  if (const size_t paren = text.find('('); paren != std::string_view::npos) {
    return PositionError(kInvalidQueryOption, kOption, paren,
                         "options in parentheses ($select, $filter, ... inside $expand) are "
                         "not supported");
  }
  MUSTER_ASSIGN_OR_RETURN(const std::vector<Item> items, SplitList(text, kOption, max_items));
  std::vector<std::string> names;
  for (const Item& item : items) {
    if (item.text == "*") {
      for (const auto& nav : catalog.navigations()) {
        if (nav.expandable) AddOnce(names, nav.name);
      }
      continue;
    }
    if (!IsIdentifier(item.text)) {
      return PositionError(kInvalidQueryOption, kOption, item.pos,
                           std::string("'") + Echo(item.text) +
                               "' is not a navigation property name " +
                               "(multi-level expansion is not supported)");
    }
    const NavigationSpec* nav = catalog.FindNavigation(item.text);
    if (nav == nullptr) {
      const bool is_property = catalog.FindProperty(item.text) != nullptr;
      return PositionError(
          kUnknownProperty, kOption, item.pos,
          is_property ? std::string("'") + std::string(item.text) + "' is not a navigation property"
                      : UnknownName(catalog, item.text));
    }
    if (!nav->expandable) {
      return PositionError(kUnknownProperty, kOption, item.pos,
                           "navigation property '" + nav->name + "' cannot be expanded");
    }
    AddOnce(names, nav->name);
  }
  return names;
}

}  // namespace muster::odata::query::internal
