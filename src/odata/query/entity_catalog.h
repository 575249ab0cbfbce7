#pragma once

// EntityCatalog: the per-entity-set allow-list that $filter, $orderby, $select and $expand are
// checked against (product.md §4.2, sims-platform.md §4). It maps each OData property name to
// the SQL expression holding it and says how the property may be used, and lists the
// navigation properties. Column expressions come from trusted code (the store's catalog
// definitions), never from a request.
// Immutable after Create(); safe to share between threads.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace muster::odata::query {

// How a property is stored and which literals it accepts (filter_binder.h has the details).
enum class PropertyType {
  kString,          // TEXT
  kGuid,            // TEXT holding the canonical upper-case GUID (core/uuid.h)
  kInt,             // INTEGER
  kDecimal,         // REAL / NUMERIC; bound as a double
  kBool,            // INTEGER 0/1 or BOOLEAN
  kDate,            // TEXT 'YYYY-MM-DD'
  kDateTimeOffset,  // INTEGER Unix milliseconds (UTC)
  kEnum,            // TEXT holding the member name, e.g. 'YearGroup'
};

// "Edm.String", "Edm.Guid", ...; the enum type's own name is in PropertySpec::enum_type.
const char* PropertyTypeName(PropertyType type);

// Written with designated initializers; every member has a default, so
//   {.name = "GroupType", .column = "g.group_type", .type = PropertyType::kEnum,
//    .enum_type = "SIMS.GroupTypeEnum", .enum_values = {"YearGroup", "House"}}
// compiles cleanly under -Wextra.
struct PropertySpec {
  // Exact case. A structural property ("PreferredSurname"), or a path through a single-valued
  // navigation property ("CurrentYearGroup/ExternalID") that the store reaches with a join.
  std::string name = {};
  std::string column = {};  // SQL expression: "l.preferred_surname"; empty if select-only
  PropertyType type = PropertyType::kString;
  bool filterable = true;
  bool sortable = true;
  bool selectable = true;                     // may be named in $select; must be false for a path
  std::string enum_type = {};                 // kEnum only: qualified, "SIMS.GroupTypeEnum"
  std::vector<std::string> enum_values = {};  // kEnum only: the members, canonical spelling
};

struct NavigationSpec {
  std::string name = {};    // "CurrentYearGroup", "PupilPremiumAwards"
  bool collection = false;  // to-many: no paths through it (that would need any/all)
  bool expandable = true;   // may be named in $expand
  bool selectable = true;   // may be named in $select
};

class EntityCatalog {
 public:
  // Validates the definitions and reports every problem at once (a misconfiguration fails at
  // startup): empty, duplicate or malformed names; a path whose first segment is not a
  // single-valued navigation property; a selectable path; a filterable or sortable property
  // without a column; a column containing ';', '?', NUL or "$<digit>"; enum members on a
  // non-enum property or an enum property without a qualified type and members; and a key
  // that is missing, a path, or not filterable and sortable.
  static Result<EntityCatalog> Create(std::vector<PropertySpec> properties,
                                      std::vector<NavigationSpec> navigations = {},
                                      std::string key = "ExternalID");

  // Exact-case lookups (OData names are case-sensitive); nullptr if absent.
  const PropertySpec* FindProperty(std::string_view name) const;
  const NavigationSpec* FindNavigation(std::string_view name) const;
  // A property or navigation name equal to `name` ignoring case, for "did you mean" hints in
  // error messages; empty if none.
  std::string SuggestName(std::string_view name) const;

  // The key (ExternalID): the final ORDER BY tiebreaker, so pages are stable.
  const PropertySpec& key() const { return properties_[key_index_]; }
  const std::vector<PropertySpec>& properties() const { return properties_; }
  const std::vector<NavigationSpec>& navigations() const { return navigations_; }

 private:
  EntityCatalog(std::vector<PropertySpec> properties, std::vector<NavigationSpec> navigations,
                size_t key_index);

  std::vector<PropertySpec> properties_;
  std::vector<NavigationSpec> navigations_;
  std::vector<size_t> by_name_;  // indices into properties_, sorted by name (copy-safe)
  size_t key_index_ = 0;
};

}  // namespace muster::odata::query
