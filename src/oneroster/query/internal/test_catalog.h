#pragma once

// A users-like FieldCatalog for this module's unit tests, fuzz target and benchmark. It covers
// every FieldType, a dotted metadata field, a selectable-only field and a non-sortable one.

#include <cstdlib>
#include <utility>

#include "oneroster/query/field_catalog.h"

namespace muster::oneroster::query::internal {

inline const FieldCatalog& TestCatalog() {
  static const FieldCatalog* const kCatalog = [] {
    auto catalog = FieldCatalog::Create({
        {.name = "sourcedId", .column = "u.sourced_id"},
        {.name = "status",
         .column = "u.status",
         .type = FieldType::kEnum,
         .enum_values = {"active", "tobedeleted"}},
        {.name = "dateLastModified",
         .column = "u.date_last_modified_ms",
         .type = FieldType::kDateTime},
        {.name = "username", .column = "u.username"},
        {.name = "givenName", .column = "u.given_name"},
        {.name = "familyName", .column = "u.family_name"},
        {.name = "email", .column = "u.email"},
        {.name = "role",
         .column = "u.role",
         .type = FieldType::kEnum,
         .enum_values = {"administrator", "aide", "guardian", "parent", "proctor", "relative",
                         "student", "teacher"}},
        {.name = "enabledUser", .column = "u.enabled_user", .type = FieldType::kBoolean},
        {.name = "birthDate", .column = "u.birth_date", .type = FieldType::kDate},
        {.name = "priority", .column = "u.priority", .type = FieldType::kInteger},
        {.name = "score", .column = "u.score", .type = FieldType::kNumber},
        {.name = "grades", .column = "u.grades", .sortable = false},
        {.name = "metadata.ukUpn",
         .column = "json_extract(u.metadata, '$.ukUpn')",
         .sortable = false,
         .selectable = false},
        {.name = "orgs", .filterable = false, .sortable = false},
    });
    if (!catalog.ok()) std::abort();
    return new FieldCatalog(std::move(catalog).value());
  }();
  return *kCatalog;
}

}  // namespace muster::oneroster::query::internal
