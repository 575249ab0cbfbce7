#pragma once

// The DeX JSON of the learner projection's rows, serialized once when the projection is
// rebuilt and copied out per response, as roster/json.h does for OneRoster records
// (decision 0005). Two steps:
//
//  1. StorePerson(person) / StoreGroup(group), when the store rebuilds a site: every property
//     the row holds as a finished JSON member, in a fixed order, behind a small index of where
//     each member starts. The store keeps it in learner_people.dex_json /
//     learner_groups.dex_json and never looks inside.
//  2. StoredJsonWriter, per response: built once from the entity set and $select, it writes
//     each stored row as a JSON object: it copies runs of adjacent stored members (the whole
//     row but one gap, without $select) and adds what a row does not store: AgeMonths, which
//     depends on today, and the properties a roster does not hold (DoNotCommunicate,
//     DateOfApplication, Photograph: always null). Names, order and values are exactly what
//     dex/dex_json.h documents; `$select` keeps the selected properties and ExternalID.
//
// Stored layout, for a row of N members: N-1 little-endian uint32 offsets at which members
// 1..N-1 start in the text, then the text: the members joined by ','. Members, in order:
//   people  ExternalID Forename Surname MiddleNames PreferredForename PreferredSurname
//           GenderCategory DateOfBirth OnRollState UPN CurrentYearGroup
//           CurrentRegistrationGroup CurrentPrimaryClass CurrentHouse
//   groups  @odata.type ExternalID GroupType ShortName FullName DisplayOrder
// Lookups are {"Description","ExternalID","Type"} or null; empty DateOfBirth and UPN null.
// Stored rows outlive the binary that wrote them: changing the members, their order or their
// values needs a migration that empties learner_people and learner_groups (as 0005 does), so
// the store's backfill rewrites every row when it opens.
//
// Pure; StoredJsonWriter is immutable once built and may be shared between threads.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "learner/age.h"
#include "learner/catalogs.h"
#include "learner/model.h"

namespace muster::learner {

// "PastoralGroup.Definition.YearGroup", …: a lookup's Type.
std::string LookupType(GroupType type);
// "#SIMS.YearGroup", …: a LearnerGroups entry's @odata.type.
std::string ODataType(GroupType type);

std::string StorePerson(const Person& person);
std::string StoreGroup(const Group& group);

// The properties a response of `set` writes, in catalog order: every selectable property and
// navigation, or with `select` (non-empty) the selected ones and the key.
std::vector<std::string> SelectedFields(EntitySet set, std::span<const std::string> select);

class StoredJsonWriter {
 public:
  // People as LearnerPersonals or LearnerIdentifiers (`set`) shows them, AgeMonths counted
  // to `today`; groups as LearnerGroups, "@odata.type" first.
  StoredJsonWriter(EntitySet set, std::span<const std::string> select, const CivilDate& today);

  // Appends `stored` (a StorePerson or StoreGroup row, as `set` needs) as a JSON object, or
  // only its members (for an entity whose "@odata.context" comes first). False, with
  // nothing appended, when `stored` is not a well-formed row of that kind.
  bool AppendObject(std::string& out, std::string_view stored) const;
  bool AppendMembers(std::string& out, std::string_view stored) const;
  // Bytes a row adds beyond its stored text, at most (to size a response).
  size_t ExtraBytesPerRow() const { return extra_bytes_; }

 private:
  // What to write, in order: stored members first..last (one copy), AgeMonths, or `text`.
  struct Step {
    enum class Kind { kStored, kAgeMonths, kText } kind;
    int first = 0;
    int last = 0;
    std::string text = {};
  };
  void AddStored(int member);
  void AddText(std::string text);
  void PlanSlices();  // fills needed_ from steps_

  int members_ = 0;  // stored members per row
  CivilDate today_;
  std::vector<Step> steps_;
  std::vector<int> needed_;  // the members whose start the steps slice at, ascending
  size_t extra_bytes_ = 2;
};

}  // namespace muster::learner
