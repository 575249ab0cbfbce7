#pragma once

// The OneRoster field catalogs, one per roster entity: which fields a request may filter,
// sort or select (`filter=`, `sort=`, `fields=`; oneroster.md §1.6) and the SQL column each
// filterable or sortable one maps to. Every member the serializer (roster/json.h) emits is
// selectable; fields without a column are select-only.
//
// The column expressions name the store's tables by fixed aliases, which every backend's
// roster queries must use (and whose columns every backend's migration must have):
//   o = roster_orgs, a = roster_academic_sessions, co = roster_courses, c = roster_classes,
//   u = roster_users, e = roster_enrollments, d = roster_demographics, r = roster_resources.
//
// Beyond the 1.1 field names, the catalogs accept these dotted names:
//   <ref>.sourcedId for each single GUIDRef (parent, org, course, school, schoolYear, user,
//     class), e.g. `filter=class.sourcedId='…'`;
//   orgs.sourcedId, agents.sourcedId, terms.sourcedId for the GUIDRef lists;
//   metadata.uk.upn, metadata.uk.yearGroup, metadata.uk.registrationGroup, metadata.uk.house
//     on users.
// List-valued fields (grades, subjects, periods, roles and the *.sourcedId lists) are held
// as comma-joined text: `~` finds a member (`grades~'09'`), `=` matches only the whole list
// (so `orgs.sourcedId='x'` matches users whose only org is x), and they cannot be sorted.
// Immutable; built once on first use; thread-safe.

#include "oneroster/query/field_catalog.h"
#include "roster/collections.h"

namespace muster::roster {

const oneroster::query::FieldCatalog& CatalogFor(Entity entity);

}  // namespace muster::roster
