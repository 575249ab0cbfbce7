#include "learner/catalogs.h"

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "core/log.h"

namespace muster::learner {
namespace {

using odata::query::EntityCatalog;
using odata::query::NavigationSpec;
using odata::query::PropertySpec;
using enum odata::query::PropertyType;

// The column of each lookup's id and description (CurrentPrimaryClass is the registration
// group when that is a primary class).
struct LookupColumns {
  const char* name;
  std::string id;
  std::string description;
};

std::vector<LookupColumns> Lookups() {
  const std::string primary = "CASE WHEN l.registration_group_type = 'PrimaryClass' THEN ";
  return {{"CurrentYearGroup", "l.year_group_id", "l.year_group_name"},
          {"CurrentRegistrationGroup", "l.registration_group_id", "l.registration_group_name"},
          {"CurrentPrimaryClass", primary + "l.registration_group_id END",
           primary + "l.registration_group_name END"},
          {"CurrentHouse", "l.house_id", "l.house_name"}};
}

PropertySpec Gender() {
  return {.name = "GenderCategory",
          .column = "l.gender",
          .type = kEnum,
          .enum_type = kGenderEnum,
          .enum_values = {"Male", "Female", "Unknown"}};
}

PropertySpec OnRollState() {
  return {.name = "OnRollState",
          .column = "l.on_roll_state",
          .type = kEnum,
          .enum_type = kOnRollStateEnum,
          .enum_values = {std::begin(kOnRollStates), std::end(kOnRollStates)}};
}

PropertySpec SelectOnly(const char* name, odata::query::PropertyType type) {
  return {.name = name, .type = type, .filterable = false, .sortable = false};
}

EntityCatalog Checked(Result<EntityCatalog> catalog) {
  if (!catalog.ok()) {
    // A broken built-in catalog is a bug: fail at startup, loudly.
    log::Error("learner.catalog_invalid", {{"internal", catalog.error().internal}});
    std::abort();
  }
  return std::move(catalog).value();
}

// ExternalID first, then `properties`, then the lookups' paths; the lookups as navigations.
EntityCatalog LearnerCatalog(std::vector<PropertySpec> properties) {
  std::vector<PropertySpec> all = {
      {.name = "ExternalID", .column = "l.external_id", .type = kGuid}};
  for (auto& p : properties) all.push_back(std::move(p));
  std::vector<NavigationSpec> navigations;
  for (const LookupColumns& lookup : Lookups()) {
    const std::string name = lookup.name;
    all.push_back(
        {.name = name + "/ExternalID", .column = lookup.id, .type = kGuid, .selectable = false});
    all.push_back(
        {.name = name + "/Description", .column = lookup.description, .selectable = false});
    navigations.push_back({.name = name});
  }
  return Checked(EntityCatalog::Create(std::move(all), std::move(navigations)));
}

EntityCatalog MakePersonals() {
  return LearnerCatalog({
      {.name = "Forename", .column = "l.forename"},
      {.name = "Surname", .column = "l.surname"},
      {.name = "MiddleNames", .column = "l.middle_names"},
      {.name = "PreferredForename", .column = "l.preferred_forename"},
      {.name = "PreferredSurname", .column = "l.preferred_surname"},
      Gender(),
      {.name = "DateOfBirth", .column = "l.date_of_birth", .type = kDate},
      SelectOnly("AgeMonths", kInt),
      OnRollState(),
      {.name = "UPN", .column = "l.upn"},
  });
}

EntityCatalog MakeIdentifiers() {
  return LearnerCatalog({
      {.name = "Forename", .column = "l.forename"},
      {.name = "Surname", .column = "l.surname"},
      Gender(),
      SelectOnly("AgeMonths", kInt),
      SelectOnly("DoNotCommunicate", kBool),
      OnRollState(),
      SelectOnly("DateOfApplication", kDate),
      SelectOnly("Photograph", kString),
  });
}

EntityCatalog MakeGroups() {
  std::vector<std::string> types;
  for (GroupType t : kAllGroupTypes) types.emplace_back(ToString(t));
  return Checked(EntityCatalog::Create(
      {
          {.name = "ExternalID", .column = "g.external_id", .type = kGuid},
          {.name = "GroupType",
           .column = "g.group_type",
           .type = kEnum,
           .enum_type = kGroupTypeEnum,
           .enum_values = std::move(types)},
          {.name = "ShortName", .column = "g.short_name"},
          {.name = "FullName", .column = "g.full_name"},
          {.name = "DisplayOrder", .column = "g.display_order", .type = kInt},
      },
      {
          {.name = "LearnerIdentifiers",
           .collection = true,
           .expandable = false,
           .selectable = false},
          {.name = "LearnerPersonals",
           .collection = true,
           .expandable = false,
           .selectable = false},
      }));
}

}  // namespace

const char* ToString(EntitySet set) {
  switch (set) {
    case EntitySet::kLearnerPersonals:
      return "LearnerPersonals";
    case EntitySet::kLearnerIdentifiers:
      return "LearnerIdentifiers";
    case EntitySet::kLearnerGroups:
      return "LearnerGroups";
  }
  return "LearnerGroups";
}

std::optional<EntitySet> ParseEntitySet(std::string_view name) {
  for (EntitySet set : kAllEntitySets) {
    if (name == ToString(set)) return set;
  }
  return std::nullopt;
}

const EntityCatalog& CatalogFor(EntitySet set) {
  static const EntityCatalog* const kPersonals = new EntityCatalog(MakePersonals());
  static const EntityCatalog* const kIdentifiers = new EntityCatalog(MakeIdentifiers());
  static const EntityCatalog* const kGroups = new EntityCatalog(MakeGroups());
  switch (set) {
    case EntitySet::kLearnerPersonals:
      return *kPersonals;
    case EntitySet::kLearnerIdentifiers:
      return *kIdentifiers;
    case EntitySet::kLearnerGroups:
      return *kGroups;
  }
  return *kGroups;
}

}  // namespace muster::learner
