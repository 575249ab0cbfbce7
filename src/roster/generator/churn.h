#pragma once

// ApplyChurn: a day of MIS changes on one demo school, for vendors (and Muster's own tests)
// to exercise delta sync (oneroster.md §2.6) against a sandbox: some pupils leave (their
// user, enrollments and demographics become tombstones; their guardians stop listing them,
// and a guardian left with no pupil at the school becomes a tombstone too), some join (a new pupil
// with a valid UPN, placed in the registration and teaching groups of a classmate, with
// demographics), and some change surname. Every change goes through RosterStore, so each
// changed row gets a fresh dateLastModified and nothing else moves.
//
// `school` is the school's roster as GenerateSchool made it; choices are deterministic in
// (options.seed, the school). The report lists, per collection, the sourcedIds that a
// `dateLastModified>` delta taken just before must now return: `changed` (new or updated,
// active) and `tombstoned`.
// Not thread-safe against other writers of the same school (one churn at a time).

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "roster/generator/school_generator.h"
#include "roster/roster_store.h"

namespace muster::roster::generator {

struct ChurnOptions {
  uint64_t seed = 1;
  int leavers = 2;
  int joiners = 2;
  int surname_changes = 3;
};

struct CollectionChanges {
  std::vector<std::string> changed;     // sorted
  std::vector<std::string> tombstoned;  // sorted
};

struct ChurnReport {
  CollectionChanges users;
  CollectionChanges enrollments;
  CollectionChanges demographics;
};

Result<ChurnReport> ApplyChurn(RosterStore& store, const SchoolRoster& school,
                               const ChurnOptions& options);

}  // namespace muster::roster::generator
