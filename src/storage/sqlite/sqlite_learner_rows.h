#pragma once

// The rows of the learner projection's tables as SqliteRosterStore reads them
// (sqlite_learner_read.cc for DeX, sqlite_learner_people.cc for provisioning): the column
// lists (macros, so they can be pasted into constant SQL), in the order ReadPerson / ReadGroup
// read them. Internal to the SQLite roster store.

#include <cstdint>
#include <optional>
#include <string>

#include "learner/model.h"

namespace muster::storage::sqlite::learner_rows {

#define MUSTER_PERSON_COLUMNS                                                         \
  "l.external_id, l.user_sourced_id, l.role, l.forename, l.surname, l.middle_names, " \
  "l.preferred_forename, l.preferred_surname, l.gender, l.date_of_birth, l.upn, "     \
  "l.on_roll_state, l.year_group_id, l.year_group_name, l.registration_group_id, "    \
  "l.registration_group_name, l.registration_group_type, l.house_id, l.house_name, "  \
  "l.date_last_modified_ms"
#define MUSTER_GROUP_COLUMNS \
  "g.external_id, g.group_type, g.short_name, g.full_name, g.display_order, g.class_sourced_id"

inline std::optional<learner::GroupRef> Lookup(const std::string& id, const std::string& name,
                                               learner::GroupType type) {
  if (id.empty()) return std::nullopt;
  return learner::GroupRef{id, name, type};
}

template <typename Row>
learner::Person ReadPerson(const Row& st, int64_t site_id) {
  learner::Person p{
      .site_id = site_id,
      .external_id = st.Text(0),
      .user_sourced_id = st.Text(1),
      .role = learner::ParsePersonRole(st.Text(2)).value_or(learner::PersonRole::kStaff),
      .forename = st.Text(3),
      .surname = st.Text(4),
      .middle_names = st.Text(5),
      .preferred_forename = st.Text(6),
      .preferred_surname = st.Text(7),
      .gender = learner::ParseGender(st.Text(8)).value_or(learner::Gender::kUnknown),
      .date_of_birth = st.Text(9),
      .upn = st.Text(10),
      .on_roll_state = st.Text(11),
      .date_last_modified_ms = st.Int(19)};
  p.year_group = Lookup(st.Text(12), st.Text(13), learner::GroupType::kYearGroup);
  p.registration_group =
      Lookup(st.Text(14), st.Text(15),
             learner::ParseGroupType(st.Text(16)).value_or(learner::GroupType::kRegistrationGroup));
  p.house = Lookup(st.Text(17), st.Text(18), learner::GroupType::kHouse);
  return p;
}

template <typename Row>
learner::Group ReadGroup(const Row& st, int64_t site_id) {
  return learner::Group{
      .site_id = site_id,
      .external_id = st.Text(0),
      .type = learner::ParseGroupType(st.Text(1)).value_or(learner::GroupType::kTeachingClass),
      .short_name = st.Text(2),
      .full_name = st.Text(3),
      .display_order = st.Int(4),
      .class_sourced_id = st.Text(5)};
}

}  // namespace muster::storage::sqlite::learner_rows
