#pragma once

// The DeX learner API's OData JSON (OData v4 JSON format, minimal metadata, as the public DeX
// examples show):
//
//   {"@odata.context":"<root>/$metadata#LearnerPersonals","@odata.count":2,
//    "value":[{"ExternalID":"…","Forename":"…",…,"CurrentYearGroup":{"Description":"Year 7",
//              "ExternalID":"…","Type":"PastoralGroup.Definition.YearGroup"},…}],
//    "@odata.nextLink":"<the request's URL for the next page>"}
//
// `root` is the absolute service root ("https://h/dex/Learner/odata/v3"). @odata.count only
// with $count=true (or $inlinecount=allpages); @odata.nextLink only when there is a next
// page. A single entity is the object itself with "@odata.context": "…#LearnerPersonals/
// $entity". With $select the context names the selection ("#LearnerPersonals(Forename,UPN)")
// and only the selected properties are written, ExternalID always; otherwise every property
// of the set's catalog, in catalog order. Lookups are {Description, ExternalID, Type} or null.
// AgeMonths is counted to `today`; properties a OneRoster roster does not hold are null.
// LearnerGroups entries carry "@odata.type" ("#SIMS.YearGroup", …) first.
// Rows come pre-serialized (learner/stored_json.h): a page is the rows copied out in order,
// with AgeMonths filled in; a page holding a malformed stored row is kInternal.
// Pure; thread-safe.

#include <string>
#include <string_view>

#include "core/result.h"
#include "learner/age.h"
#include "learner/catalogs.h"
#include "learner/learner_store.h"
#include "odata/query/query.h"

namespace muster::dex {

Result<std::string> LearnersJson(std::string_view root, learner::EntitySet set,
                                 const odata::query::Query& query, const learner::StoredPage& page,
                                 const learner::CivilDate& today, std::string_view next_link);
Result<std::string> GroupsJson(std::string_view root, const odata::query::Query& query,
                               const learner::StoredPage& page, std::string_view next_link);

std::string LearnerJson(std::string_view root, learner::EntitySet set,
                        const odata::query::Query& query, const learner::Person& person,
                        const learner::CivilDate& today);
std::string GroupJson(std::string_view root, const odata::query::Query& query,
                      const learner::Group& group);

}  // namespace muster::dex
