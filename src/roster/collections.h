#pragma once

// The 45 OneRoster 1.1 rostering and resources read operations (oneroster.md §1.3, §1.4) as
// data: 13 single-object reads (ObjectKind) and 32 collection reads (Listing), each with the
// entity it returns and, for nested collections, the kind of object its path names. The
// API's route table pairs each literal path with one of these values; the RosterStore
// serves any of them through one List()/Get() call. Pure; thread-safe.

#include <span>
#include <string_view>

#include "oneroster/query/query.h"

namespace muster::roster {

// The stored record types; each has its own table, FieldCatalog and envelope keys.
enum class Entity {
  kOrg,
  kAcademicSession,
  kCourse,
  kClass,
  kUser,
  kEnrollment,
  kDemographics,
  kResource
};

// What a single-object path names: the entity, narrowed by type or role where the path
// implies one (GET /teachers/{id} on a student is 404, oneroster.md §1.3).
enum class ObjectKind {
  kOrg,              // getOrg
  kSchool,           // getSchool: org of type school
  kAcademicSession,  // getAcademicSession
  kTerm,             // getTerm: academicSession of type term
  kGradingPeriod,    // getGradingPeriod: academicSession of type gradingPeriod
  kCourse,           // getCourse
  kClass,            // getClass
  kUser,             // getUser
  kStudent,          // getStudent: user with role student
  kTeacher,          // getTeacher: user with role teacher
  kEnrollment,       // getEnrollment
  kDemographics,     // getDemographics
  kResource,         // getResource
};

enum class Listing {
  // getAll*: no path parameter.
  kOrgs,
  kSchools,
  kAcademicSessions,
  kTerms,
  kGradingPeriods,
  kCourses,
  kClasses,
  kUsers,
  kStudents,
  kTeachers,
  kEnrollments,
  kDemographics,
  kResources,
  // Nested: ListTarget::parent_id names the {id} of the path; the ...InSchool three also
  // take ListTarget::class_id.
  kCoursesForSchool,
  kEnrollmentsForClassInSchool,
  kStudentsForClassInSchool,
  kTeachersForClassInSchool,
  kEnrollmentsForSchool,
  kStudentsForSchool,
  kTeachersForSchool,
  kTermsForSchool,
  kClassesForTerm,
  kGradingPeriodsForTerm,
  kClassesForCourse,
  kClassesForStudent,
  kClassesForTeacher,
  kClassesForSchool,
  kClassesForUser,
  kStudentsForClass,
  kTeachersForClass,
  kResourcesForCourse,
  kResourcesForClass,
};

struct ObjectInfo {
  ObjectKind kind;
  const char* operation_id;  // "getTeacher"
  Entity entity;
};

struct ListingInfo {
  Listing listing;
  const char* operation_id;  // "getStudentsForClass"
  Entity entity;             // what the page holds (its FieldCatalog and envelope key)
  bool nested;               // has a parent in the path
  ObjectKind parent;         // nested only: what parent_id must name
  bool in_school;            // nested only: /schools/{school_id}/classes/{class_id}/...
};

const ObjectInfo& Describe(ObjectKind kind);
const ListingInfo& Describe(Listing listing);
std::span<const ObjectInfo> AllObjectKinds();  // 13, in enum order
std::span<const ListingInfo> AllListings();    // 32, in enum order

// Envelope keys (oneroster.md §1.7): "users" / "user", "academicSessions" /
// "academicSession", "demographics" / "demographics", ...
std::string_view CollectionKey(Entity entity);
std::string_view ObjectKey(Entity entity);

// True when the request's filter names dateLastModified or status: the rule by which the
// API asks the store for tombstoned rows (ReadOptions::include_tombstones), so delta
// readers (`dateLastModified>'…'`) see deletions and full readers (no filter, or
// `status='active'`) do not (oneroster.md §2.6).
bool MentionsLifecycle(const oneroster::query::Query& query);

}  // namespace muster::roster
