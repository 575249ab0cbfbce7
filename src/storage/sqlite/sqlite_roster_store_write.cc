// SqliteRosterStore: upserts of orgs, academic sessions, courses, classes and resources.
// Each upsert changes a row only when its status or serialized body differs (the body holds
// every field, so an equal body is an equal record); only then are dateLastModified and the
// row's link rows rewritten.

#include "roster/json.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_roster_store.h"
#include "storage/sqlite/sqlite_roster_store_write_support.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;
using roster_write::BindBase;
using roster_write::CheckIds;
using roster_write::Join;
using roster_write::PutBatch;
using roster_write::RewriteLinks;

// The WHERE of every roster upsert: skip rows that would not change.
#define MUSTER_IF_CHANGED(table) \
  " WHERE " table ".status IS NOT excluded.status OR " table ".body IS NOT excluded.body"

constexpr char kUpsertOrg[] =
    "INSERT INTO roster_orgs (site_id, sourced_id, status, date_last_modified_ms, name, type, "
    "identifier, parent_sourced_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, sourced_id) DO UPDATE SET status = excluded.status, "
    "date_last_modified_ms = excluded.date_last_modified_ms, name = excluded.name, "
    "type = excluded.type, identifier = excluded.identifier, "
    "parent_sourced_id = excluded.parent_sourced_id, body = excluded.body" MUSTER_IF_CHANGED(
        "roster_orgs");

constexpr char kUpsertSession[] =
    "INSERT INTO roster_academic_sessions (site_id, sourced_id, status, date_last_modified_ms, "
    "title, type, start_date, end_date, parent_sourced_id, school_year, org_sourced_id, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, sourced_id) DO UPDATE SET status = excluded.status, "
    "date_last_modified_ms = excluded.date_last_modified_ms, title = excluded.title, "
    "type = excluded.type, start_date = excluded.start_date, end_date = excluded.end_date, "
    "parent_sourced_id = excluded.parent_sourced_id, school_year = excluded.school_year, "
    "org_sourced_id = excluded.org_sourced_id, body = excluded.body" MUSTER_IF_CHANGED(
        "roster_academic_sessions") " OR roster_academic_sessions.org_sourced_id IS NOT "
                                    "excluded.org_sourced_id";

constexpr char kUpsertCourse[] =
    "INSERT INTO roster_courses (site_id, sourced_id, status, date_last_modified_ms, title, "
    "course_code, school_year_sourced_id, org_sourced_id, grades, subjects, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, sourced_id) DO UPDATE SET status = excluded.status, "
    "date_last_modified_ms = excluded.date_last_modified_ms, title = excluded.title, "
    "course_code = excluded.course_code, school_year_sourced_id = "
    "excluded.school_year_sourced_id, org_sourced_id = excluded.org_sourced_id, "
    "grades = excluded.grades, subjects = excluded.subjects, body = "
    "excluded.body" MUSTER_IF_CHANGED("roster_courses");

constexpr char kUpsertClass[] =
    "INSERT INTO roster_classes (site_id, sourced_id, status, date_last_modified_ms, title, "
    "class_code, class_type, location, course_sourced_id, school_sourced_id, grades, subjects, "
    "periods, term_sourced_ids, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, sourced_id) DO UPDATE SET status = excluded.status, "
    "date_last_modified_ms = excluded.date_last_modified_ms, title = excluded.title, "
    "class_code = excluded.class_code, class_type = excluded.class_type, "
    "location = excluded.location, course_sourced_id = excluded.course_sourced_id, "
    "school_sourced_id = excluded.school_sourced_id, grades = excluded.grades, "
    "subjects = excluded.subjects, periods = excluded.periods, "
    "term_sourced_ids = excluded.term_sourced_ids, body = excluded.body" MUSTER_IF_CHANGED(
        "roster_classes");

constexpr char kUpsertResource[] =
    "INSERT INTO roster_resources (site_id, sourced_id, status, date_last_modified_ms, title, "
    "vendor_resource_id, vendor_id, application_id, importance, roles, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (site_id, sourced_id) DO UPDATE SET status = excluded.status, "
    "date_last_modified_ms = excluded.date_last_modified_ms, title = excluded.title, "
    "vendor_resource_id = excluded.vendor_resource_id, vendor_id = excluded.vendor_id, "
    "application_id = excluded.application_id, importance = excluded.importance, "
    "roles = excluded.roles, body = excluded.body" MUSTER_IF_CHANGED("roster_resources");
#undef MUSTER_IF_CHANGED

constexpr char kDeleteClassTerms[] =
    "DELETE FROM roster_class_terms WHERE site_id = ? AND class_sourced_id = ?";
constexpr char kInsertClassTerm[] =
    "INSERT OR IGNORE INTO roster_class_terms (site_id, class_sourced_id, term_sourced_id) "
    "VALUES (?, ?, ?)";
constexpr char kDeleteClassResources[] =
    "DELETE FROM roster_class_resources WHERE site_id = ? AND class_sourced_id = ?";
constexpr char kInsertClassResource[] =
    "INSERT OR IGNORE INTO roster_class_resources (site_id, class_sourced_id, "
    "resource_sourced_id) VALUES (?, ?, ?)";
constexpr char kDeleteCourseResources[] =
    "DELETE FROM roster_course_resources WHERE site_id = ? AND course_sourced_id = ?";
constexpr char kInsertCourseResource[] =
    "INSERT OR IGNORE INTO roster_course_resources (site_id, course_sourced_id, "
    "resource_sourced_id) VALUES (?, ?, ?)";

std::string Roles(const std::vector<roster::Role>& roles) {
  std::vector<std::string> names;
  for (roster::Role role : roles) names.emplace_back(roster::ToString(role));
  return Join(names);
}

}  // namespace

Status SqliteRosterStore::PutOrgs(std::span<const roster::Org> records) {
  const int64_t stamp = Stamp();
  return PutBatch(
      *db_, records,
      [](const roster::Org& r) {
        return CheckIds("org", r.site_id, r.sourced_id, {r.parent_id}, {&r.child_ids});
      },
      [&](Connection& c, const roster::Org& r) -> Status {
        return internal::Execute(c, kUpsertOrg, [&](Statement& st) {
          BindBase(st, r, stamp);
          st.BindText(r.name).BindText(roster::ToString(r.type)).BindText(r.identifier);
          st.BindTextOrNull(r.parent_id).BindText(roster::SerializeBody(r));
        });
      });
}

Status SqliteRosterStore::PutAcademicSessions(std::span<const roster::AcademicSession> records) {
  const int64_t stamp = Stamp();
  return PutBatch(
      *db_, records,
      [](const roster::AcademicSession& r) {
        return CheckIds("academicSession", r.site_id, r.sourced_id, {r.parent_id, r.org_id},
                        {&r.child_ids});
      },
      [&](Connection& c, const roster::AcademicSession& r) -> Status {
        return internal::Execute(c, kUpsertSession, [&](Statement& st) {
          BindBase(st, r, stamp);
          st.BindText(r.title).BindText(roster::ToString(r.type)).BindText(r.start_date);
          st.BindText(r.end_date).BindTextOrNull(r.parent_id).BindText(r.school_year);
          st.BindTextOrNull(r.org_id).BindText(roster::SerializeBody(r));
        });
      });
}

Status SqliteRosterStore::PutCourses(std::span<const roster::Course> records) {
  const int64_t stamp = Stamp();
  return PutBatch(
      *db_, records,
      [](const roster::Course& r) {
        return CheckIds("course", r.site_id, r.sourced_id, {r.school_year_id, r.org_id},
                        {&r.resource_ids});
      },
      [&](Connection& c, const roster::Course& r) -> Status {
        MUSTER_ASSIGN_OR_RETURN(
            int64_t changed, internal::Change(c, kUpsertCourse, [&](Statement& st) {
              BindBase(st, r, stamp);
              st.BindText(r.title).BindText(r.course_code).BindTextOrNull(r.school_year_id);
              st.BindTextOrNull(r.org_id).BindText(Join(r.grades)).BindText(Join(r.subjects));
              st.BindText(roster::SerializeBody(r));
            }));
        if (changed == 0) return OkStatus();
        return RewriteLinks(c, kDeleteCourseResources, kInsertCourseResource, r.site_id,
                            r.sourced_id, r.resource_ids);
      });
}

Status SqliteRosterStore::PutClasses(std::span<const roster::Class> records) {
  const int64_t stamp = Stamp();
  return ProjectedWrite([&] {
    return PutBatch(
        *db_, records,
        [](const roster::Class& r) {
          return CheckIds("class", r.site_id, r.sourced_id, {r.course_id, r.school_id},
                          {&r.term_ids, &r.resource_ids});
        },
        [&](Connection& c, const roster::Class& r) -> Status {
          MUSTER_ASSIGN_OR_RETURN(
              int64_t changed, internal::Change(c, kUpsertClass, [&](Statement& st) {
                BindBase(st, r, stamp);
                st.BindText(r.title)
                    .BindText(r.class_code)
                    .BindText(roster::ToString(r.class_type));
                st.BindText(r.location).BindTextOrNull(r.course_id).BindTextOrNull(r.school_id);
                st.BindText(Join(r.grades)).BindText(Join(r.subjects)).BindText(Join(r.periods));
                st.BindText(Join(r.term_ids)).BindText(roster::SerializeBody(r));
              }));
          if (changed == 0) return OkStatus();
          MarkChanged(r.site_id);  // groups come from classes
          MUSTER_RETURN_IF_ERROR(RewriteLinks(c, kDeleteClassTerms, kInsertClassTerm, r.site_id,
                                              r.sourced_id, r.term_ids));
          return RewriteLinks(c, kDeleteClassResources, kInsertClassResource, r.site_id,
                              r.sourced_id, r.resource_ids);
        });
  });
}

Status SqliteRosterStore::PutResources(std::span<const roster::Resource> records) {
  const int64_t stamp = Stamp();
  return PutBatch(
      *db_, records,
      [](const roster::Resource& r) { return CheckIds("resource", r.site_id, r.sourced_id, {}); },
      [&](Connection& c, const roster::Resource& r) -> Status {
        return internal::Execute(c, kUpsertResource, [&](Statement& st) {
          BindBase(st, r, stamp);
          st.BindText(r.title).BindText(r.vendor_resource_id).BindText(r.vendor_id);
          st.BindText(r.application_id);
          st.BindTextOrNull(r.importance ? roster::ToString(*r.importance) : "");
          st.BindText(Roles(r.roles)).BindText(roster::SerializeBody(r));
        });
      });
}

}  // namespace muster::storage::sqlite
