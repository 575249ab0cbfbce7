#include "roster/collections.h"

#include <cassert>

namespace muster::roster {
namespace {

using E = Entity;
using K = ObjectKind;
using L = Listing;

constexpr ObjectInfo kObjects[] = {
    {K::kOrg, "getOrg", E::kOrg},
    {K::kSchool, "getSchool", E::kOrg},
    {K::kAcademicSession, "getAcademicSession", E::kAcademicSession},
    {K::kTerm, "getTerm", E::kAcademicSession},
    {K::kGradingPeriod, "getGradingPeriod", E::kAcademicSession},
    {K::kCourse, "getCourse", E::kCourse},
    {K::kClass, "getClass", E::kClass},
    {K::kUser, "getUser", E::kUser},
    {K::kStudent, "getStudent", E::kUser},
    {K::kTeacher, "getTeacher", E::kUser},
    {K::kEnrollment, "getEnrollment", E::kEnrollment},
    {K::kDemographics, "getDemographics", E::kDemographics},
    {K::kResource, "getResource", E::kResource},
};

// Top-level listings have no parent; `parent` is then unused (kOrg by convention).
constexpr ListingInfo kListings[] = {
    {L::kOrgs, "getAllOrgs", E::kOrg, false, K::kOrg, false},
    {L::kSchools, "getAllSchools", E::kOrg, false, K::kOrg, false},
    {L::kAcademicSessions, "getAllAcademicSessions", E::kAcademicSession, false, K::kOrg, false},
    {L::kTerms, "getAllTerms", E::kAcademicSession, false, K::kOrg, false},
    {L::kGradingPeriods, "getAllGradingPeriods", E::kAcademicSession, false, K::kOrg, false},
    {L::kCourses, "getAllCourses", E::kCourse, false, K::kOrg, false},
    {L::kClasses, "getAllClasses", E::kClass, false, K::kOrg, false},
    {L::kUsers, "getAllUsers", E::kUser, false, K::kOrg, false},
    {L::kStudents, "getAllStudents", E::kUser, false, K::kOrg, false},
    {L::kTeachers, "getAllTeachers", E::kUser, false, K::kOrg, false},
    {L::kEnrollments, "getAllEnrollments", E::kEnrollment, false, K::kOrg, false},
    {L::kDemographics, "getAllDemographics", E::kDemographics, false, K::kOrg, false},
    {L::kResources, "getAllResources", E::kResource, false, K::kOrg, false},
    {L::kCoursesForSchool, "getCoursesForSchool", E::kCourse, true, K::kSchool, false},
    {L::kEnrollmentsForClassInSchool, "getEnrollmentsForClassInSchool", E::kEnrollment, true,
     K::kSchool, true},
    {L::kStudentsForClassInSchool, "getStudentsForClassInSchool", E::kUser, true, K::kSchool, true},
    {L::kTeachersForClassInSchool, "getTeachersForClassInSchool", E::kUser, true, K::kSchool, true},
    {L::kEnrollmentsForSchool, "getEnrollmentsForSchool", E::kEnrollment, true, K::kSchool, false},
    {L::kStudentsForSchool, "getStudentsForSchool", E::kUser, true, K::kSchool, false},
    {L::kTeachersForSchool, "getTeachersForSchool", E::kUser, true, K::kSchool, false},
    {L::kTermsForSchool, "getTermsForSchool", E::kAcademicSession, true, K::kSchool, false},
    {L::kClassesForTerm, "getClassesForTerm", E::kClass, true, K::kTerm, false},
    {L::kGradingPeriodsForTerm, "getGradingPeriodsForTerm", E::kAcademicSession, true, K::kTerm,
     false},
    {L::kClassesForCourse, "getClassesForCourse", E::kClass, true, K::kCourse, false},
    {L::kClassesForStudent, "getClassesForStudent", E::kClass, true, K::kStudent, false},
    {L::kClassesForTeacher, "getClassesForTeacher", E::kClass, true, K::kTeacher, false},
    {L::kClassesForSchool, "getClassesForSchool", E::kClass, true, K::kSchool, false},
    {L::kClassesForUser, "getClassesForUser", E::kClass, true, K::kUser, false},
    {L::kStudentsForClass, "getStudentsForClass", E::kUser, true, K::kClass, false},
    {L::kTeachersForClass, "getTeachersForClass", E::kUser, true, K::kClass, false},
    {L::kResourcesForCourse, "getResourcesForCourse", E::kResource, true, K::kCourse, false},
    {L::kResourcesForClass, "getResourcesForClass", E::kResource, true, K::kClass, false},
};

}  // namespace

const ObjectInfo& Describe(ObjectKind kind) {
  const ObjectInfo& info = kObjects[static_cast<size_t>(kind)];
  assert(info.kind == kind);
  return info;
}

const ListingInfo& Describe(Listing listing) {
  const ListingInfo& info = kListings[static_cast<size_t>(listing)];
  assert(info.listing == listing);
  return info;
}

std::span<const ObjectInfo> AllObjectKinds() { return kObjects; }
std::span<const ListingInfo> AllListings() { return kListings; }

std::string_view CollectionKey(Entity entity) {
  switch (entity) {
    case E::kOrg:
      return "orgs";
    case E::kAcademicSession:
      return "academicSessions";
    case E::kCourse:
      return "courses";
    case E::kClass:
      return "classes";
    case E::kUser:
      return "users";
    case E::kEnrollment:
      return "enrollments";
    case E::kDemographics:
      return "demographics";
    case E::kResource:
      return "resources";
  }
  return "";
}

std::string_view ObjectKey(Entity entity) {
  switch (entity) {
    case E::kOrg:
      return "org";
    case E::kAcademicSession:
      return "academicSession";
    case E::kCourse:
      return "course";
    case E::kClass:
      return "class";
    case E::kUser:
      return "user";
    case E::kEnrollment:
      return "enrollment";
    case E::kDemographics:
      return "demographics";
    case E::kResource:
      return "resource";
  }
  return "";
}

bool MentionsLifecycle(const oneroster::query::Query& query) {
  if (!query.filter) return false;
  for (const auto& clause : query.filter->clauses) {
    if (clause.field == "dateLastModified" || clause.field == "status") return true;
  }
  return false;
}

}  // namespace muster::roster
