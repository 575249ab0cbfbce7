// SqliteRosterStore: upserts of users, enrollments and demographics (the high-volume
// tables), with the same change rule as sqlite_roster_store_write.cc.

#include "roster/json.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_roster_store.h"
#include "storage/sqlite/sqlite_roster_store_write_support.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;
using roster_write::BindBase;
using roster_write::BindOptionalBool;
using roster_write::CheckIds;
using roster_write::Join;
using roster_write::MetadataValue;
using roster_write::PutBatch;
using roster_write::RewriteLinks;

#define MUSTER_IF_CHANGED(table) \
  " WHERE " table ".status IS NOT excluded.status OR " table ".body IS NOT excluded.body"

constexpr char kUpsertUser[] =
    "INSERT INTO roster_users (site_id, sourced_id, status, date_last_modified_ms, username, "
    "enabled_user, given_name, family_name, middle_name, role, identifier, email, sms, phone, "
    "grades, org_sourced_ids, agent_sourced_ids, uk_upn, uk_year_group, uk_registration_group, "
    "uk_house, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, sourced_id) DO UPDATE SET status = excluded.status, "
    "date_last_modified_ms = excluded.date_last_modified_ms, username = excluded.username, "
    "enabled_user = excluded.enabled_user, given_name = excluded.given_name, "
    "family_name = excluded.family_name, middle_name = excluded.middle_name, "
    "role = excluded.role, identifier = excluded.identifier, email = excluded.email, "
    "sms = excluded.sms, phone = excluded.phone, grades = excluded.grades, "
    "org_sourced_ids = excluded.org_sourced_ids, agent_sourced_ids = excluded.agent_sourced_ids, "
    "uk_upn = excluded.uk_upn, uk_year_group = excluded.uk_year_group, "
    "uk_registration_group = excluded.uk_registration_group, uk_house = excluded.uk_house, "
    "body = excluded.body" MUSTER_IF_CHANGED("roster_users");

constexpr char kUpsertEnrollment[] =
    "INSERT INTO roster_enrollments (site_id, sourced_id, status, date_last_modified_ms, "
    "user_sourced_id, class_sourced_id, school_sourced_id, role, is_primary, begin_date, "
    "end_date, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, sourced_id) DO UPDATE SET status = excluded.status, "
    "date_last_modified_ms = excluded.date_last_modified_ms, "
    "user_sourced_id = excluded.user_sourced_id, class_sourced_id = excluded.class_sourced_id, "
    "school_sourced_id = excluded.school_sourced_id, role = excluded.role, "
    "is_primary = excluded.is_primary, begin_date = excluded.begin_date, "
    "end_date = excluded.end_date, body = excluded.body" MUSTER_IF_CHANGED("roster_enrollments");

constexpr char kUpsertDemographics[] =
    "INSERT INTO roster_demographics (site_id, sourced_id, status, date_last_modified_ms, "
    "birth_date, sex, american_indian_or_alaska_native, asian, black_or_african_american, "
    "native_hawaiian_or_other_pacific_islander, white, demographic_race_two_or_more_races, "
    "hispanic_or_latino_ethnicity, country_of_birth_code, state_of_birth_abbreviation, "
    "city_of_birth, public_school_residence_status, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, sourced_id) DO UPDATE SET status = excluded.status, "
    "date_last_modified_ms = excluded.date_last_modified_ms, birth_date = excluded.birth_date, "
    "sex = excluded.sex, american_indian_or_alaska_native = "
    "excluded.american_indian_or_alaska_native, asian = excluded.asian, "
    "black_or_african_american = excluded.black_or_african_american, "
    "native_hawaiian_or_other_pacific_islander = "
    "excluded.native_hawaiian_or_other_pacific_islander, white = excluded.white, "
    "demographic_race_two_or_more_races = excluded.demographic_race_two_or_more_races, "
    "hispanic_or_latino_ethnicity = excluded.hispanic_or_latino_ethnicity, "
    "country_of_birth_code = excluded.country_of_birth_code, "
    "state_of_birth_abbreviation = excluded.state_of_birth_abbreviation, "
    "city_of_birth = excluded.city_of_birth, "
    "public_school_residence_status = excluded.public_school_residence_status, "
    "body = excluded.body" MUSTER_IF_CHANGED("roster_demographics");
#undef MUSTER_IF_CHANGED

constexpr char kDeleteUserOrgs[] =
    "DELETE FROM roster_user_orgs WHERE site_id = ? AND user_sourced_id = ?";
constexpr char kInsertUserOrg[] =
    "INSERT OR IGNORE INTO roster_user_orgs (site_id, user_sourced_id, org_sourced_id) "
    "VALUES (?, ?, ?)";

}  // namespace

Status SqliteRosterStore::PutUsers(std::span<const roster::User> records) {
  const int64_t stamp = Stamp();
  return ProjectedWrite([&] {
    return PutBatch(
        *db_, records,
        [](const roster::User& r) {
          return CheckIds("user", r.site_id, r.sourced_id, {}, {&r.agent_ids, &r.org_ids});
        },
        [&](Connection& c, const roster::User& r) -> Status {
          MUSTER_ASSIGN_OR_RETURN(
              int64_t changed, internal::Change(c, kUpsertUser, [&](Statement& st) {
                BindBase(st, r, stamp);
                st.BindText(r.username).BindBool(r.enabled_user).BindText(r.given_name);
                st.BindText(r.family_name)
                    .BindText(r.middle_name)
                    .BindText(roster::ToString(r.role));
                st.BindText(r.identifier).BindText(r.email).BindText(r.sms).BindText(r.phone);
                st.BindText(Join(r.grades)).BindText(Join(r.org_ids)).BindText(Join(r.agent_ids));
                st.BindTextOrNull(MetadataValue(r.metadata, "uk.upn"));
                st.BindTextOrNull(MetadataValue(r.metadata, "uk.yearGroup"));
                st.BindTextOrNull(MetadataValue(r.metadata, "uk.registrationGroup"));
                st.BindTextOrNull(MetadataValue(r.metadata, "uk.house"));
                st.BindText(roster::SerializeBody(r));
              }));
          if (changed == 0) return OkStatus();
          MarkChanged(r.site_id);
          return RewriteLinks(c, kDeleteUserOrgs, kInsertUserOrg, r.site_id, r.sourced_id,
                              r.org_ids);
        });
  });
}

Status SqliteRosterStore::PutEnrollments(std::span<const roster::Enrollment> records) {
  const int64_t stamp = Stamp();
  return ProjectedWrite([&] {
    return PutBatch(
        *db_, records,
        [](const roster::Enrollment& r) -> Status {
          MUSTER_RETURN_IF_ERROR(CheckIds("enrollment", r.site_id, r.sourced_id,
                                          {r.user_id, r.class_id, r.school_id}));
          if (r.user_id.empty() || r.class_id.empty() || r.school_id.empty()) {
            return MakeError(
                ErrorCode::kInvalidArgument, "invaliddata",
                "enrollment " + r.sourced_id + ": user, class and school are required");
          }
          return OkStatus();
        },
        [&](Connection& c, const roster::Enrollment& r) -> Status {
          MUSTER_ASSIGN_OR_RETURN(
              int64_t changed, internal::Change(c, kUpsertEnrollment, [&](Statement& st) {
                BindBase(st, r, stamp);
                st.BindText(r.user_id).BindText(r.class_id).BindText(r.school_id);
                st.BindText(roster::ToString(r.role));
                BindOptionalBool(st, r.primary);
                st.BindTextOrNull(r.begin_date).BindTextOrNull(r.end_date);
                st.BindText(roster::SerializeBody(r));
              }));
          // Homeroom enrollments can place a pupil in a registration group.
          if (changed > 0) MarkChanged(r.site_id);
          return OkStatus();
        });
  });
}

Status SqliteRosterStore::PutDemographics(std::span<const roster::Demographics> records) {
  const int64_t stamp = Stamp();
  return ProjectedWrite([&] {
    return PutBatch(
        *db_, records,
        [](const roster::Demographics& r) {
          return CheckIds("demographics", r.site_id, r.sourced_id, {});
        },
        [&](Connection& c, const roster::Demographics& r) -> Status {
          MUSTER_ASSIGN_OR_RETURN(
              int64_t changed, internal::Change(c, kUpsertDemographics, [&](Statement& st) {
                BindBase(st, r, stamp);
                st.BindTextOrNull(r.birth_date)
                    .BindTextOrNull(r.sex ? roster::ToString(*r.sex) : "");
                for (std::optional<bool> flag :
                     {r.american_indian_or_alaska_native, r.asian, r.black_or_african_american,
                      r.native_hawaiian_or_other_pacific_islander, r.white,
                      r.demographic_race_two_or_more_races, r.hispanic_or_latino_ethnicity}) {
                  BindOptionalBool(st, flag);
                }
                st.BindText(r.country_of_birth_code).BindText(r.state_of_birth_abbreviation);
                st.BindText(r.city_of_birth).BindText(r.public_school_residence_status);
                st.BindText(roster::SerializeBody(r));
              }));
          if (changed > 0) MarkChanged(r.site_id);  // birth date and gender
          return OkStatus();
        });
  });
}

}  // namespace muster::storage::sqlite
