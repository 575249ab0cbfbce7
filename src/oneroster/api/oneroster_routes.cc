#include "oneroster/api/oneroster_routes.h"

#include <memory>

#include "http/document_route.h"
#include "oneroster/oneroster_openapi.h"

namespace muster::oneroster::api {
namespace {

using http::Request;
using http::Response;
using roster::Listing;
using roster::ObjectKind;

constexpr char kScopePrefix[] = "https://purl.imsglobal.org/spec/or/v1p1/scope/";

enum class Scope { kCore, kRoster, kDemographics, kResource };

std::string ScopeUri(Scope scope) {
  switch (scope) {
    case Scope::kCore:
      return std::string(kScopePrefix) + "roster-core.readonly";
    case Scope::kRoster:
      return std::string(kScopePrefix) + "roster.readonly";
    case Scope::kDemographics:
      return std::string(kScopePrefix) + "roster-demographics.readonly";
    case Scope::kResource:
      return std::string(kScopePrefix) + "resource.readonly";
  }
  return {};
}

struct ObjectRow {
  const char* path;  // under kOneRosterBase; the id parameter is {id}
  ObjectKind kind;
  Scope scope;
};

constexpr ObjectRow kObjects[] = {
    {"/academicSessions/{id}", ObjectKind::kAcademicSession, Scope::kCore},
    {"/classes/{id}", ObjectKind::kClass, Scope::kCore},
    {"/courses/{id}", ObjectKind::kCourse, Scope::kCore},
    {"/gradingPeriods/{id}", ObjectKind::kGradingPeriod, Scope::kCore},
    {"/demographics/{id}", ObjectKind::kDemographics, Scope::kDemographics},
    {"/enrollments/{id}", ObjectKind::kEnrollment, Scope::kCore},
    {"/orgs/{id}", ObjectKind::kOrg, Scope::kCore},
    {"/schools/{id}", ObjectKind::kSchool, Scope::kCore},
    {"/students/{id}", ObjectKind::kStudent, Scope::kCore},
    {"/teachers/{id}", ObjectKind::kTeacher, Scope::kCore},
    {"/terms/{id}", ObjectKind::kTerm, Scope::kCore},
    {"/users/{id}", ObjectKind::kUser, Scope::kCore},
    {"/resources/{id}", ObjectKind::kResource, Scope::kResource},
};

struct ListRow {
  const char* path;  // under kOneRosterBase, with the 1.1 parameter names
  Listing listing;
  Scope scope;
  const char* parent;  // the path parameter naming the parent ("" for getAll*)
  const char* klass;   // the class_id of the three ...ForClassInSchool listings
};

constexpr ListRow kListings[] = {
    {"/academicSessions", Listing::kAcademicSessions, Scope::kCore, "", ""},
    {"/classes", Listing::kClasses, Scope::kCore, "", ""},
    {"/courses", Listing::kCourses, Scope::kCore, "", ""},
    {"/gradingPeriods", Listing::kGradingPeriods, Scope::kCore, "", ""},
    {"/demographics", Listing::kDemographics, Scope::kDemographics, "", ""},
    {"/enrollments", Listing::kEnrollments, Scope::kCore, "", ""},
    {"/orgs", Listing::kOrgs, Scope::kCore, "", ""},
    {"/schools", Listing::kSchools, Scope::kCore, "", ""},
    {"/students", Listing::kStudents, Scope::kCore, "", ""},
    {"/teachers", Listing::kTeachers, Scope::kCore, "", ""},
    {"/terms", Listing::kTerms, Scope::kCore, "", ""},
    {"/users", Listing::kUsers, Scope::kCore, "", ""},
    {"/resources", Listing::kResources, Scope::kResource, "", ""},
    {"/schools/{id}/courses", Listing::kCoursesForSchool, Scope::kRoster, "id", ""},
    {"/schools/{school_id}/classes/{class_id}/enrollments", Listing::kEnrollmentsForClassInSchool,
     Scope::kRoster, "school_id", "class_id"},
    {"/schools/{school_id}/classes/{class_id}/students", Listing::kStudentsForClassInSchool,
     Scope::kRoster, "school_id", "class_id"},
    {"/schools/{school_id}/classes/{class_id}/teachers", Listing::kTeachersForClassInSchool,
     Scope::kRoster, "school_id", "class_id"},
    {"/schools/{school_id}/enrollments", Listing::kEnrollmentsForSchool, Scope::kRoster,
     "school_id", ""},
    {"/schools/{school_id}/students", Listing::kStudentsForSchool, Scope::kRoster, "school_id", ""},
    {"/schools/{school_id}/teachers", Listing::kTeachersForSchool, Scope::kRoster, "school_id", ""},
    {"/schools/{school_id}/terms", Listing::kTermsForSchool, Scope::kRoster, "school_id", ""},
    {"/terms/{term_id}/classes", Listing::kClassesForTerm, Scope::kRoster, "term_id", ""},
    {"/terms/{term_id}/gradingPeriods", Listing::kGradingPeriodsForTerm, Scope::kRoster, "term_id",
     ""},
    {"/courses/{course_id}/classes", Listing::kClassesForCourse, Scope::kRoster, "course_id", ""},
    {"/students/{student_id}/classes", Listing::kClassesForStudent, Scope::kRoster, "student_id",
     ""},
    {"/teachers/{teacher_id}/classes", Listing::kClassesForTeacher, Scope::kRoster, "teacher_id",
     ""},
    {"/schools/{school_id}/classes", Listing::kClassesForSchool, Scope::kRoster, "school_id", ""},
    {"/users/{user_id}/classes", Listing::kClassesForUser, Scope::kRoster, "user_id", ""},
    {"/classes/{class_id}/students", Listing::kStudentsForClass, Scope::kRoster, "class_id", ""},
    {"/classes/{class_id}/teachers", Listing::kTeachersForClass, Scope::kRoster, "class_id", ""},
    {"/courses/{id}/resources", Listing::kResourcesForCourse, Scope::kResource, "id", ""},
    {"/classes/{id}/resources", Listing::kResourcesForClass, Scope::kResource, "id", ""},
};

// Shared by every handler: the deps, with the OneRoster root as an absolute URL.
struct Context {
  const RosterReader& reader;
  SiteResolver resolve_site;
  std::string public_url;
  std::string href_base;
};

Result<roster::RosterScope> ScopeOf(const Context& ctx, const Request& req) {
  if (!req.principal) {
    return MakeError(ErrorCode::kUnauthenticated, "", "A bearer access token is required.",
                     "NoPrincipal");
  }
  return ctx.resolve_site(*req.principal);
}

// The query string, decoded; a malformed one is refused rather than read as empty, so a
// filter the caller sent is never silently ignored.
Result<FormFields> ParamsOf(const Request& req, const RosterReader& reader) {
  auto fields = ParseForm(req.query, 64 + reader.options().max_fields);
  if (!fields.ok()) {
    return MakeError(ErrorCode::kInvalidArgument, "invaliddata",
                     "The query string is not valid (a bad %-escape, or too many parameters).");
  }
  return std::move(fields).value();
}

Result<Response> HandleList(const Context& ctx, const ListRow& row, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(roster::RosterScope scope, ScopeOf(ctx, req));
  MUSTER_ASSIGN_OR_RETURN(FormFields params, ParamsOf(req, ctx.reader));
  roster::ListTarget target;
  target.listing = row.listing;
  if (*row.parent != '\0') target.parent_id = std::string(req.Param(row.parent));
  if (*row.klass != '\0') target.class_id = std::string(req.Param(row.klass));
  std::string self_url = ctx.public_url + req.path;
  MUSTER_ASSIGN_OR_RETURN(CollectionAnswer answer,
                          ctx.reader.List(scope, target, params, Urls{ctx.href_base, self_url}));
  Response r = Response::Json(200, std::move(answer.body));
  r.Header("X-Total-Count", std::to_string(answer.total));
  r.Header("Link", std::move(answer.link));
  r.Header("Cache-Control", "no-store");
  return r;
}

Result<Response> HandleObject(const Context& ctx, const ObjectRow& row, const Request& req) {
  MUSTER_ASSIGN_OR_RETURN(roster::RosterScope scope, ScopeOf(ctx, req));
  MUSTER_ASSIGN_OR_RETURN(FormFields params, ParamsOf(req, ctx.reader));
  MUSTER_ASSIGN_OR_RETURN(std::string body,
                          ctx.reader.Get(scope, row.kind, req.Param("id"), params,
                                         Urls{ctx.href_base, ctx.public_url + req.path}));
  Response r = Response::Json(200, std::move(body));
  r.Header("Cache-Control", "no-store");
  return r;
}

http::Route BaseRoute(const char* path, Scope scope, std::string help) {
  http::Route r;
  r.method = http::Method::kGet;
  r.path = std::string(kOneRosterBase) + path;
  r.group = std::string(kOneRosterGroup);
  r.scope = ScopeUri(scope);
  r.shape = http::ErrorShape::kImsx;
  r.offload = true;  // store work
  r.help = std::move(help);
  return r;
}

}  // namespace

Status RegisterOneRosterRoutes(http::Router& router, const OneRosterDeps& deps) {
  router.SetShapeForPrefix(std::string(kOneRosterBase), http::ErrorShape::kImsx);
  auto ctx =
      std::make_shared<const Context>(Context{deps.reader, deps.resolve_site, deps.public_url,
                                              deps.public_url + std::string(kOneRosterBase)});
  for (const ObjectRow& row : kObjects) {
    http::Route r = BaseRoute(row.path, row.scope, roster::Describe(row.kind).operation_id);
    r.handler = [ctx, &row](Request& req) { return HandleObject(*ctx, row, req); };
    MUSTER_RETURN_IF_ERROR(router.Add(std::move(r)));
  }
  for (const ListRow& row : kListings) {
    http::Route r = BaseRoute(row.path, row.scope, roster::Describe(row.listing).operation_id);
    r.handler = [ctx, &row](Request& req) { return HandleList(*ctx, row, req); };
    MUSTER_RETURN_IF_ERROR(router.Add(std::move(r)));
  }
  return http::AddDocumentRoute(router, "/openapi/oneroster.json",
                                "The OneRoster 1.1 API's OpenAPI 3 document.",
                                OneRosterOpenApiJson());
}

}  // namespace muster::oneroster::api
