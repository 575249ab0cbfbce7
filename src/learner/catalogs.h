#pragma once

// The DeX entity sets over the learner projection and their OData catalogs: which properties
// a request may $filter, $orderby and $select (odata/query/entity_catalog.h), and the SQL
// column each filterable or sortable one maps to. The $metadata document (dex/) is generated
// from these catalogs, so the two cannot disagree.
//
// The columns name the store's tables by fixed aliases that every backend's learner queries
// must use (and whose columns every backend's migration must have):
//   l = learner_people, g = learner_groups.
//
// LearnerPersonals and LearnerIdentifiers are views of the same pupils (sims-platform.md §4):
// Personals is the full record (preferred names, middle names, DateOfBirth, UPN),
// Identifiers the cheaper browse (AgeMonths, no date of birth, no UPN). Both carry the
// lookups CurrentYearGroup, CurrentRegistrationGroup, CurrentPrimaryClass (the registration
// group when it is a primary class, else null) and CurrentHouse as {Description, ExternalID,
// Type}; their ExternalID and Description are filterable and sortable as paths
// (`CurrentYearGroup/ExternalID eq …`). AgeMonths depends on today's date, so it is
// select-only; DoNotCommunicate, DateOfApplication and Photograph are not in a OneRoster
// roster and are always null (select-only, so DeX clients that $select them still work).
// Immutable; built once on first use; thread-safe.

#include <optional>
#include <string_view>

#include "learner/model.h"
#include "odata/query/entity_catalog.h"

namespace muster::learner {

enum class EntitySet { kLearnerPersonals, kLearnerIdentifiers, kLearnerGroups };
inline constexpr EntitySet kAllEntitySets[] = {
    EntitySet::kLearnerPersonals, EntitySet::kLearnerIdentifiers, EntitySet::kLearnerGroups};

const char* ToString(EntitySet set);  // "LearnerPersonals", ...
std::optional<EntitySet> ParseEntitySet(std::string_view name);

const odata::query::EntityCatalog& CatalogFor(EntitySet set);

// The OData names of the enum types and of the lookups, shared with the $metadata document.
inline constexpr char kGroupTypeEnum[] = "SIMS.GroupTypeEnum";
inline constexpr char kGenderEnum[] = "SIMS.GenderCategoryEnum";
inline constexpr char kOnRollStateEnum[] = "SIMS.OnRollStateEnum";
inline constexpr const char* kOnRollStates[] = {"Current", "Leaver", "Future", "Guest"};
inline constexpr const char* kLookups[] = {"CurrentYearGroup", "CurrentRegistrationGroup",
                                           "CurrentPrimaryClass", "CurrentHouse"};

}  // namespace muster::learner
