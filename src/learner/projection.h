#pragma once

// ProjectSite: one site's OneRoster roster -> its learner projection (learner/model.h).
// A pure function of the records, so every roster write path (the demo loader, a CSV or API
// import, a tombstone) gets the same projection: the store calls it in the transaction that
// changed the roster (storage/sqlite: SqliteRosterStore), tests call it on generated data.
//
// Which records count: active ones only (tombstones are gone for DeX and provisioning).
//   people  students -> role student; teachers -> teacher; administrators, aides and
//           proctors -> staff; guardians, parents and relatives are left out.
//   groups  homeroom classes -> PrimaryClass (every grade of primary age: "PR", "PK", "KG",
//           "01".."05", i.e. up to Year 6 in the demo's age-equivalent grades) or
//           RegistrationGroup; scheduled classes -> TeachingClass; a YearGroup per NC year
//           and a House per house name that some pupil names.
// A pupil's groups:
//   year group          metadata uk.yearGroup ("N1", "N2", "R", "Y7"; also "7", "Year 7",
//                       "Reception"), else their first grade read as the demo's
//                       age-equivalent grade ("PK" -> R, "KG" -> Y1, "06" -> Y7);
//   registration group  metadata uk.registrationGroup, matched to a homeroom class by
//                       classCode, then title; a name with no class becomes a
//                       RegistrationGroup of its own; without the metadata, the first
//                       homeroom class the pupil is enrolled in (as a student);
//   house               metadata uk.house.
// Names: forename = givenName, surname = familyName, middle names = middleName; OneRoster 1.1
// has no preferred names, so the preferred names are the legal ones. UPN: metadata uk.upn.
// Gender and date of birth from demographics (a malformed birth date is dropped).
// OnRollState is "Current": a roster holds the pupils on roll (the MIS deletes leavers).
//
// It reads only what the roster store keeps in columns (so a store can rebuild the
// projection from its tables without parsing stored bodies): users' sourcedId, status,
// names, role, grades, dateLastModified and metadata uk.upn / uk.yearGroup /
// uk.registrationGroup / uk.house; demographics' birthDate, sex, dateLastModified; classes'
// title, classCode, classType, grades; enrollments' user, class, role.
// Ids: see learner/model.h; when two users' sourcedIds normalise to the same GUID (they
// differ only in letter case), the later one in sourcedId order gets a derived id.
//
// Pure; thread-safe.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "learner/model.h"
#include "roster/model.h"

namespace muster::learner {

struct RosterRecords {
  int64_t site_id = 0;
  std::span<const roster::User> users = {};
  std::span<const roster::Demographics> demographics = {};
  std::span<const roster::Class> classes = {};
  // Only student enrollments in homeroom classes are used (the registration-group fallback).
  std::span<const roster::Enrollment> enrollments = {};
};

Projection ProjectSite(const RosterRecords& roster);

// The projection's id for a roster sourcedId: the canonical GUID when it is one, else a
// GUID derived from (site, kind, sourcedId). `kind` is "user" or "class".
std::string ExternalIdFor(int64_t site_id, std::string_view kind, std::string_view sourced_id);

}  // namespace muster::learner
