#pragma once

// A LearnerIdentifiers-like EntityCatalog (sims-platform.md §4) for this module's unit tests,
// fuzz target and benchmark. It covers every PropertyType, navigation paths, a select-only and
// a non-sortable property, and expandable / non-expandable / collection navigations. Column
// names are made up; GenderCategory, OnRollState and the enum types' members are test values.

#include <cstdlib>
#include <utility>

#include "odata/query/entity_catalog.h"

namespace muster::odata::query::internal {

inline const EntityCatalog& TestCatalog() {
  static const EntityCatalog* const kCatalog = [] {
    using enum PropertyType;
    auto catalog = EntityCatalog::Create(
        {
            {.name = "ExternalID", .column = "l.external_id", .type = kGuid},
            {.name = "Forename", .column = "l.forename"},
            {.name = "Surname", .column = "l.surname"},
            {.name = "PreferredForename", .column = "l.preferred_forename"},
            {.name = "PreferredSurname", .column = "l.preferred_surname"},
            {.name = "GenderCategory",
             .column = "l.gender",
             .type = kEnum,
             .enum_type = "SIMS.GenderCategoryEnum",
             .enum_values = {"Male", "Female", "Unknown"}},
            {.name = "OnRollState",
             .column = "l.on_roll_state",
             .type = kEnum,
             .enum_type = "SIMS.OnRollStateEnum",
             .enum_values = {"Current", "Leaver", "Future", "Guest"}},
            {.name = "AgeMonths", .column = "l.age_months", .type = kInt},
            {.name = "AttendanceRate", .column = "l.attendance_rate", .type = kDecimal},
            {.name = "DoNotCommunicate", .column = "l.do_not_communicate", .type = kBool},
            {.name = "DateOfApplication", .column = "l.date_of_application", .type = kDate},
            {.name = "LastModified", .column = "l.modified_ms", .type = kDateTimeOffset},
            {.name = "UPN", .column = "l.upn", .sortable = false},
            {.name = "Photograph", .filterable = false, .sortable = false},
            {.name = "CurrentYearGroup/ExternalID",
             .column = "yg.external_id",
             .type = kGuid,
             .selectable = false},
            {.name = "CurrentYearGroup/Description",
             .column = "yg.description",
             .selectable = false},
            {.name = "CurrentYearGroup/DisplayOrder",
             .column = "yg.display_order",
             .type = kInt,
             .filterable = false,
             .selectable = false},
            {.name = "CurrentYearGroup/GroupType",
             .column = "yg.group_type",
             .type = kEnum,
             .sortable = false,
             .selectable = false,
             .enum_type = "SIMS.GroupTypeEnum",
             .enum_values = {"YearGroup", "PrimaryClass", "House", "RegistrationGroup"}},
            {.name = "CurrentHouse/ExternalID",
             .column = "h.external_id",
             .type = kGuid,
             .selectable = false},
        },
        {
            {.name = "CurrentYearGroup"},
            {.name = "CurrentHouse"},
            {.name = "CurrentPrimaryClass", .expandable = false},
            {.name = "PupilPremiumAwards", .collection = true, .selectable = false},
        });
    if (!catalog.ok()) std::abort();
    return new EntityCatalog(std::move(catalog).value());
  }();
  return *kCatalog;
}

}  // namespace muster::odata::query::internal
