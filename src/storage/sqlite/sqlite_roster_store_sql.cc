#include "storage/sqlite/sqlite_roster_store_sql.h"

#include <cassert>

namespace muster::storage::sqlite::roster_sql {
namespace {

using roster::Entity;
using roster::Listing;
using roster::ObjectKind;

constexpr Table kTables[] = {{"roster_orgs", "o"},         {"roster_academic_sessions", "a"},
                             {"roster_courses", "co"},     {"roster_classes", "c"},
                             {"roster_users", "u"},        {"roster_enrollments", "e"},
                             {"roster_demographics", "d"}, {"roster_resources", "r"}};

#define MUSTER_GET(table, a)                                                                   \
  "SELECT " a ".sourced_id, " a ".status, " a ".date_last_modified_ms, " a ".body FROM " table \
  " " a " WHERE " a ".site_id = ? AND " a ".sourced_id = ?"
constexpr char kGetOrg[] = MUSTER_GET("roster_orgs", "o");
constexpr char kGetSchool[] = MUSTER_GET("roster_orgs", "o") " AND o.type = 'school'";
constexpr char kGetSession[] = MUSTER_GET("roster_academic_sessions", "a");
constexpr char kGetTerm[] = MUSTER_GET("roster_academic_sessions", "a") " AND a.type = 'term'";
constexpr char kGetGradingPeriod[] =
    MUSTER_GET("roster_academic_sessions", "a") " AND a.type = 'gradingPeriod'";
constexpr char kGetCourse[] = MUSTER_GET("roster_courses", "co");
constexpr char kGetClass[] = MUSTER_GET("roster_classes", "c");
constexpr char kGetUser[] = MUSTER_GET("roster_users", "u");
constexpr char kGetStudent[] = MUSTER_GET("roster_users", "u") " AND u.role = 'student'";
constexpr char kGetTeacher[] = MUSTER_GET("roster_users", "u") " AND u.role = 'teacher'";
constexpr char kGetEnrollment[] = MUSTER_GET("roster_enrollments", "e");
constexpr char kGetDemographics[] = MUSTER_GET("roster_demographics", "d");
constexpr char kGetResource[] = MUSTER_GET("roster_resources", "r");
#undef MUSTER_GET

constexpr const char* kGets[] = {
    kGetOrg,  kGetSchool,  kGetSession, kGetTerm,       kGetGradingPeriod, kGetCourse,  kGetClass,
    kGetUser, kGetStudent, kGetTeacher, kGetEnrollment, kGetDemographics,  kGetResource};

// The tables are clustered on (site_id, sourced_id) (migration 0006). A listing narrowed by
// a secondary index is written as `sourced_id IN (<that index's covering subquery>)`, so
// the page is key lookups in order; as a plain condition the planner walks the school's
// whole key range instead, to skip a sort.
// Members of a class through its active enrollments in one role.
#define MUSTER_CLASS_MEMBERS(role, school)                                       \
  "u.sourced_id IN (SELECT e.user_sourced_id FROM roster_enrollments e "         \
  "WHERE e.site_id = ? AND e.class_sourced_id = ?" school " AND e.role = '" role \
  "' "                                                                           \
  "AND e.status = 'active')"
// Classes of a user through their active enrollments (any role when `role` is "").
#define MUSTER_USER_CLASSES(role)                                         \
  "c.sourced_id IN (SELECT e.class_sourced_id FROM roster_enrollments e " \
  "WHERE e.site_id = ? AND e.user_sourced_id = ? AND e.status = 'active'" role ")"
// Users holding an org, by role.
#define MUSTER_ORG_USERS(role)                             \
  "u.role = '" role                                        \
  "' AND u.sourced_id IN (SELECT uo.user_sourced_id FROM " \
  "roster_user_orgs uo WHERE uo.site_id = ? AND uo.org_sourced_id = ?)"

constexpr Bind kParent[] = {Bind::kParent};
constexpr Bind kSiteParent[] = {Bind::kSite, Bind::kParent};
constexpr Bind kSiteClassSchool[] = {Bind::kSite, Bind::kClass, Bind::kParent};

struct ListingRow {
  Listing listing;
  ListingSql sql;
};

const ListingRow kListings[] = {
    {Listing::kOrgs, {"", {}}},
    {Listing::kSchools, {"o.type = 'school'", {}}},
    {Listing::kAcademicSessions, {"", {}}},
    {Listing::kTerms, {"a.type = 'term'", {}}},
    {Listing::kGradingPeriods, {"a.type = 'gradingPeriod'", {}}},
    {Listing::kCourses, {"", {}}},
    {Listing::kClasses, {"", {}}},
    {Listing::kUsers, {"", {}}},
    {Listing::kStudents, {"u.role = 'student'", {}}},
    {Listing::kTeachers, {"u.role = 'teacher'", {}}},
    {Listing::kEnrollments, {"", {}}},
    {Listing::kDemographics, {"", {}}},
    {Listing::kResources, {"", {}}},
    {Listing::kCoursesForSchool, {"co.org_sourced_id = ?", kParent}},
    {Listing::kEnrollmentsForClassInSchool,
     {"e.sourced_id IN (SELECT ce.sourced_id FROM roster_enrollments ce WHERE ce.site_id = ? "
      "AND ce.class_sourced_id = ? AND ce.school_sourced_id = ?)",
      kSiteClassSchool}},
    {Listing::kStudentsForClassInSchool,
     {MUSTER_CLASS_MEMBERS("student", " AND e.school_sourced_id = ?"), kSiteClassSchool}},
    {Listing::kTeachersForClassInSchool,
     {MUSTER_CLASS_MEMBERS("teacher", " AND e.school_sourced_id = ?"), kSiteClassSchool}},
    {Listing::kEnrollmentsForSchool, {"e.school_sourced_id = ?", kParent}},
    {Listing::kStudentsForSchool, {MUSTER_ORG_USERS("student"), kSiteParent}},
    {Listing::kTeachersForSchool, {MUSTER_ORG_USERS("teacher"), kSiteParent}},
    {Listing::kTermsForSchool, {"a.type = 'term' AND a.org_sourced_id = ?", kParent}},
    {Listing::kClassesForTerm,
     {"c.sourced_id IN (SELECT ct.class_sourced_id FROM roster_class_terms ct "
      "WHERE ct.site_id = ? AND ct.term_sourced_id = ?)",
      kSiteParent}},
    {Listing::kGradingPeriodsForTerm,
     {"a.type = 'gradingPeriod' AND a.parent_sourced_id = ?", kParent}},
    {Listing::kClassesForCourse,
     {"c.sourced_id IN (SELECT cc.sourced_id FROM roster_classes cc WHERE cc.site_id = ? AND "
      "cc.course_sourced_id = ?)",
      kSiteParent}},
    {Listing::kClassesForStudent, {MUSTER_USER_CLASSES(" AND e.role = 'student'"), kSiteParent}},
    {Listing::kClassesForTeacher, {MUSTER_USER_CLASSES(" AND e.role = 'teacher'"), kSiteParent}},
    {Listing::kClassesForSchool, {"c.school_sourced_id = ?", kParent}},
    {Listing::kClassesForUser, {MUSTER_USER_CLASSES(""), kSiteParent}},
    {Listing::kStudentsForClass, {MUSTER_CLASS_MEMBERS("student", ""), kSiteParent}},
    {Listing::kTeachersForClass, {MUSTER_CLASS_MEMBERS("teacher", ""), kSiteParent}},
    {Listing::kResourcesForCourse,
     {"r.sourced_id IN (SELECT cr.resource_sourced_id FROM roster_course_resources cr "
      "WHERE cr.site_id = ? AND cr.course_sourced_id = ?)",
      kSiteParent}},
    {Listing::kResourcesForClass,
     {"r.sourced_id IN (SELECT kr.resource_sourced_id FROM roster_class_resources kr "
      "WHERE kr.site_id = ? AND kr.class_sourced_id = ?)",
      kSiteParent}},
};
#undef MUSTER_CLASS_MEMBERS
#undef MUSTER_USER_CLASSES
#undef MUSTER_ORG_USERS

}  // namespace

const Table& TableOf(Entity entity) { return kTables[static_cast<size_t>(entity)]; }

const char* GetSql(ObjectKind kind) { return kGets[static_cast<size_t>(kind)]; }

const ListingSql& SqlFor(Listing listing) {
  const ListingRow& row = kListings[static_cast<size_t>(listing)];
  assert(row.listing == listing);
  return row.sql;
}

}  // namespace muster::storage::sqlite::roster_sql
