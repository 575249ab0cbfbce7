#include "odata/query/internal/lookup.h"

#include <string>

#include "odata/query/internal/errors.h"
#include "odata/query/internal/text.h"
#include "odata/query/query.h"

namespace muster::odata::query::internal {

std::string UnknownName(const EntityCatalog& catalog, std::string_view name) {
  std::string what = std::string("unknown property '") + Echo(name) + "'";
  const std::string near = catalog.SuggestName(name);
  if (!near.empty()) what += " (did you mean '" + near + "'?)";
  return what;
}

Result<const PropertySpec*> LookUpProperty(const EntityCatalog& catalog, std::string_view name,
                                           Use use) {
  const char* option = use == Use::kFilter ? "$filter" : "$orderby";
  const PropertySpec* spec = catalog.FindProperty(name);
  if (spec == nullptr) {
    if (catalog.FindNavigation(name) == nullptr) {
      return QueryError(kUnknownProperty, UnknownName(catalog, name));
    }
    std::string what = std::string("'") + std::string(name) + "' is a navigation property";
    const std::string prefix = std::string(name) + "/";
    for (const auto& p : catalog.properties()) {
      const bool usable = use == Use::kFilter ? p.filterable : p.sortable;
      if (usable && p.name.starts_with(prefix)) {
        what += "; use one of its properties, e.g. '" + p.name + "'";
        break;
      }
    }
    return QueryError(kUnknownProperty, what);
  }
  if (use == Use::kFilter ? !spec->filterable : !spec->sortable) {
    return QueryError(kUnknownProperty,
                      "property '" + spec->name + "' cannot be used in " + option);
  }
  return spec;
}

}  // namespace muster::odata::query::internal
