#!/usr/bin/env python3
"""Generates src/oneroster/oneroster_openapi.json, the OpenAPI 3 document of Muster's OneRoster
1.1 read API (41 rostering + 4 resources GETs), from the official 1.1 description.

    scripts/oneroster_openapi.py OFFICIAL.json > src/oneroster/oneroster_openapi.json

OFFICIAL.json is 1EdTech's OneRoster 1.1 OpenAPI (oneroster-v1p1.json, the copy shipped in
StrongMind/oneroster-client-ruby; see docs/api or the spec digest oneroster.md). The data
schemas are taken from it as they are, with the corrections listed in PATCHES below, each of
which makes the document describe what Muster actually sends (src/roster/json.h). The
operations, their parameters and error responses are Muster's own (oneroster.md §1.3-§1.8):
the official file names operations differently (getStudents, not getAllStudents), offers
only a `default` error response, and misspells orderBy's `asc`.

Deterministic: the same input gives the same bytes. Python 3 standard library only.
"""

import copy
import json
import sys

BASE = "/ims/oneroster/v1p1"
SCOPE_PREFIX = "https://purl.imsglobal.org/spec/or/v1p1/scope/"
CORE = SCOPE_PREFIX + "roster-core.readonly"
ROSTER = SCOPE_PREFIX + "roster.readonly"
DEMOGRAPHICS = SCOPE_PREFIX + "roster-demographics.readonly"
RESOURCE = SCOPE_PREFIX + "resource.readonly"
SCOPES = {
    CORE: "The collections and single objects of orgs, schools, academicSessions, terms, "
          "gradingPeriods, classes, courses, users, students, teachers and enrollments.",
    ROSTER: "The nested rostering collections (/schools/{id}/..., /classes/{id}/students, ...). "
            "Implies roster-core.readonly.",
    DEMOGRAPHICS: "/demographics and /demographics/{id}.",
    RESOURCE: "The four resources operations.",
    SCOPE_PREFIX + "gradebook.readonly": "Gradebook reads (not in this document).",
    SCOPE_PREFIX + "gradebook.createput": "Gradebook PUTs (not in this document).",
    SCOPE_PREFIX + "gradebook.delete": "Gradebook DELETEs (not in this document).",
}

# Envelope key -> (component schema of the envelope, entity tag).
COLLECTIONS = {
    "academicSessions": "MultipleAcademicSessions.Type",
    "classes": "Classes.Type",
    "courses": "Courses.Type",
    "demographics": "Demographics.Type",
    "enrollments": "Enrollments.Type",
    "orgs": "Orgs.Type",
    "users": "Users.Type",
    "resources": "Resources.Type",
}
SINGLES = {
    "academicSession": "SingleAcademicSession.Type",
    "class": "SingleClass.Type",
    "course": "SingleCourse.Type",
    "demographics": "SingleDemographics.Type",
    "enrollment": "SingleEnrollment.Type",
    "org": "SingleOrg.Type",
    "user": "SingleUser.Type",
    "resource": "SingleResource.Type",
}

# oneroster.md §1.3 and §1.4: operationId, path, envelope key, scope, tag, summary.
# A path whose last segment is a parameter is a single-object read.
OPERATIONS = [
    ("getAllAcademicSessions", "/academicSessions", "academicSessions", CORE, "academicSessions", "All academic sessions"),
    ("getAcademicSession", "/academicSessions/{id}", "academicSession", CORE, "academicSessions", "One academic session"),
    ("getAllClasses", "/classes", "classes", CORE, "classes", "All classes"),
    ("getClass", "/classes/{id}", "class", CORE, "classes", "One class"),
    ("getAllCourses", "/courses", "courses", CORE, "courses", "All courses"),
    ("getCourse", "/courses/{id}", "course", CORE, "courses", "One course"),
    ("getAllGradingPeriods", "/gradingPeriods", "academicSessions", CORE, "academicSessions", "All grading periods (academicSessions of type gradingPeriod)"),
    ("getGradingPeriod", "/gradingPeriods/{id}", "academicSession", CORE, "academicSessions", "One grading period"),
    ("getAllDemographics", "/demographics", "demographics", DEMOGRAPHICS, "demographics", "All demographics records"),
    ("getDemographics", "/demographics/{id}", "demographics", DEMOGRAPHICS, "demographics", "One user's demographics (id = the user's sourcedId)"),
    ("getAllEnrollments", "/enrollments", "enrollments", CORE, "enrollments", "All enrollments"),
    ("getEnrollment", "/enrollments/{id}", "enrollment", CORE, "enrollments", "One enrollment"),
    ("getAllOrgs", "/orgs", "orgs", CORE, "orgs", "All orgs"),
    ("getOrg", "/orgs/{id}", "org", CORE, "orgs", "One org"),
    ("getAllSchools", "/schools", "orgs", CORE, "orgs", "All schools (orgs of type school)"),
    ("getSchool", "/schools/{id}", "org", CORE, "orgs", "One school"),
    ("getAllStudents", "/students", "users", CORE, "users", "All students (users with role student)"),
    ("getStudent", "/students/{id}", "user", CORE, "users", "One student"),
    ("getAllTeachers", "/teachers", "users", CORE, "users", "All teachers (users with role teacher)"),
    ("getTeacher", "/teachers/{id}", "user", CORE, "users", "One teacher"),
    ("getAllTerms", "/terms", "academicSessions", CORE, "academicSessions", "All terms (academicSessions of type term)"),
    ("getTerm", "/terms/{id}", "academicSession", CORE, "academicSessions", "One term"),
    ("getAllUsers", "/users", "users", CORE, "users", "All users"),
    ("getUser", "/users/{id}", "user", CORE, "users", "One user"),
    ("getCoursesForSchool", "/schools/{id}/courses", "courses", ROSTER, "courses", "Courses of a school"),
    ("getEnrollmentsForClassInSchool", "/schools/{school_id}/classes/{class_id}/enrollments", "enrollments", ROSTER, "enrollments", "Enrollments of a class in a school"),
    ("getStudentsForClassInSchool", "/schools/{school_id}/classes/{class_id}/students", "users", ROSTER, "users", "Students of a class in a school"),
    ("getTeachersForClassInSchool", "/schools/{school_id}/classes/{class_id}/teachers", "users", ROSTER, "users", "Teachers of a class in a school"),
    ("getEnrollmentsForSchool", "/schools/{school_id}/enrollments", "enrollments", ROSTER, "enrollments", "Enrollments of a school"),
    ("getStudentsForSchool", "/schools/{school_id}/students", "users", ROSTER, "users", "Students of a school"),
    ("getTeachersForSchool", "/schools/{school_id}/teachers", "users", ROSTER, "users", "Teachers of a school"),
    ("getTermsForSchool", "/schools/{school_id}/terms", "academicSessions", ROSTER, "academicSessions", "Terms of a school"),
    ("getClassesForTerm", "/terms/{term_id}/classes", "classes", ROSTER, "classes", "Classes of a term"),
    ("getGradingPeriodsForTerm", "/terms/{term_id}/gradingPeriods", "academicSessions", ROSTER, "academicSessions", "Grading periods of a term"),
    ("getClassesForCourse", "/courses/{course_id}/classes", "classes", ROSTER, "classes", "Classes of a course"),
    ("getClassesForStudent", "/students/{student_id}/classes", "classes", ROSTER, "classes", "Classes of a student"),
    ("getClassesForTeacher", "/teachers/{teacher_id}/classes", "classes", ROSTER, "classes", "Classes of a teacher"),
    ("getClassesForSchool", "/schools/{school_id}/classes", "classes", ROSTER, "classes", "Classes of a school"),
    ("getClassesForUser", "/users/{user_id}/classes", "classes", ROSTER, "classes", "Classes of a user (any enrollment role)"),
    ("getStudentsForClass", "/classes/{class_id}/students", "users", ROSTER, "users", "Students of a class"),
    ("getTeachersForClass", "/classes/{class_id}/teachers", "users", ROSTER, "users", "Teachers of a class"),
    ("getAllResources", "/resources", "resources", RESOURCE, "resources", "All resources"),
    ("getResource", "/resources/{id}", "resource", RESOURCE, "resources", "One resource"),
    ("getResourcesForCourse", "/courses/{id}/resources", "resources", RESOURCE, "resources", "Resources of a course"),
    ("getResourcesForClass", "/classes/{id}/resources", "resources", RESOURCE, "resources", "Resources of a class"),
]

PARAM_TEXT = {
    "id": "The object's sourcedId.",
    "school_id": "The school's sourcedId.",
    "class_id": "The class's sourcedId.",
    "term_id": "The term's sourcedId.",
    "course_id": "The course's sourcedId.",
    "student_id": "The student's sourcedId.",
    "teacher_id": "The teacher's sourcedId.",
    "user_id": "The user's sourcedId.",
}

BOOL_STRING = {"type": "string", "enum": ["true", "false"],
               "description": "A boolean as the string \"true\" or \"false\" (as 1.2 and most 1.1 providers send it)."}
CODE_MINOR_VALUES = [
    "fullsuccess", "invalid_filter_field", "invalid_selection_field", "invalid_sort_field",
    "invaliddata", "unauthorisedrequest", "forbidden", "unknownobject", "server_busy",
    "internal_server_error", "method_not_allowed", "request_too_large",
]


def patch(schemas):
    """The corrections to the official schemas, each to match what Muster sends."""
    props = lambda name: schemas[name]["properties"]
    base = props("Base.Type")
    base["dateLastModified"]["description"] = "UTC, always with milliseconds: YYYY-MM-DDTHH:mm:ss.SSSZ."
    base["dateLastModified"]["example"] = "2025-01-14T09:30:00.000Z"
    base["metadata"] = {"type": "object", "additionalProperties": {"type": "string"},
                        "description": "Extension members, present only when there are any; UK "
                                       "data uses \"uk.\"-prefixed keys (e.g. \"uk.upn\", \"uk.yearGroup\")."}
    base["sourcedId"]["description"] = "Stable, URL-safe id: 1-255 characters of [A-Za-z0-9-._~]."
    base["status"]["description"] = ("\"tobedeleted\" marks a tombstone (a deletion from the MIS), "
                                      "kept for delta readers.")
    # Booleans are strings on the wire (oneroster.md §2.1).
    props("User_Type_allOf")["enabledUser"] = copy.deepcopy(BOOL_STRING)
    props("Enrollment_Type_allOf")["primary"] = copy.deepcopy(BOOL_STRING)
    for flag in ("americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican",
                 "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces",
                 "hispanicOrLatinoEthnicity"):
        props("Demographic_Type_allOf")[flag] = copy.deepcopy(BOOL_STRING)
    # Muster never stores or emits a password.
    del props("User_Type_allOf")["password"]
    # The 1.1 model's resource has `roles` (a list); the official file shows a singular `role`.
    resource = props("Resource_Type_allOf")
    role = resource.pop("role")
    resource["roles"] = {"type": "array", "items": role}
    # class.periods stays as the 1.1 binding has it: one string (the periods comma-joined).
    props("AcademicSession_Type_allOf")["schoolYear"] = {
        "type": "string", "pattern": "^[0-9]{4}$",
        "description": "The calendar year the school year ends in (2025 for 2024/25)."}
    # Errors: the 1.2 shape (no messageRef/operationRef identifiers) and Muster's codeMinor list.
    status = schemas["imsx_StatusInfo.Type"]
    for gone in ("imsx_messageRefIdentifier", "imsx_operationRefIdentifier"):
        status["properties"].pop(gone)
    status["required"] = ["imsx_codeMajor", "imsx_severity"]
    field = props("imsx_CodeMinorField.Type")
    field["imsx_codeMinorFieldName"]["example"] = "TargetEndSystem"
    field["imsx_codeMinorFieldValue"]["enum"] = CODE_MINOR_VALUES
    # Every envelope may carry 1.1 partial-success warnings next to the data.
    for name in list(COLLECTIONS.values()) + list(SINGLES.values()):
        schemas[name]["properties"]["statusInfoSet"] = {
            "type": "array", "items": {"$ref": "#/components/schemas/imsx_StatusInfo.Type"},
            "description": "Warnings (severity \"warning\", codeMinor invalid_sort_field or "
                           "invalid_selection_field) when part of the query was ignored."}


def clean(node):
    """Drops the PSM generator's noise: placeholder and datatype-only descriptions, `minItems:
    0`, and null-filled examples."""
    if isinstance(node, dict):
        if str(node.get("description", "")).startswith(("...tbd", "Model Primitive Datatype")):
            del node["description"]
        if node.get("minItems") == 0:
            del node["minItems"]
        if "example" in node and (node["example"] == {} or "null" in json.dumps(node["example"])):
            del node["example"]
        for v in node.values():
            clean(v)
    elif isinstance(node, list):
        for v in node:
            clean(v)


def referenced(schemas, roots):
    """The names reachable from `roots` through $refs."""
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        text = json.dumps(schemas[name])
        for part in text.split('"#/components/schemas/')[1:]:
            todo.append(part.split('"', 1)[0])
    return seen


def imsx_response(description, headers=None):
    r = {"description": description,
         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/imsx_StatusInfo.Type"}}}}
    if headers:
        r["headers"] = headers
    return r


def components_responses():
    string = {"schema": {"type": "string"}}
    return {
        "BadRequest": imsx_response(
            "invaliddata (a bad limit/offset, a repeated parameter, a malformed query string), "
            "invalid_filter_field (a filter that does not parse or names an unknown field) or "
            "invalid_selection_field (`fields` names no known field)."),
        "Unauthorized": imsx_response(
            "unauthorisedrequest: no bearer token, or one that is invalid, expired or revoked.",
            {"WWW-Authenticate": dict(string, description="Bearer realm=\"muster\"[, error=\"invalid_token\"]")}),
        "Forbidden": imsx_response(
            "forbidden: a valid token without the operation's scope.",
            {"WWW-Authenticate": dict(string, description="Bearer realm=\"muster\", error=\"insufficient_scope\"")}),
        "NotFound": imsx_response(
            "unknownobject: no such object for this school (another school's object is "
            "answered exactly as one that does not exist)."),
        "TooManyRequests": imsx_response(
            "server_busy: rate limited.",
            {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}),
        "InternalError": imsx_response("internal_server_error."),
        "Unavailable": imsx_response("server_busy: the store is temporarily unavailable."),
    }


def components_parameters():
    q = lambda name, schema, description, **extra: dict(
        {"name": name, "in": "query", "required": False, "description": description, "schema": schema}, **extra)
    return {
        "limit": q("limit", {"type": "integer", "format": "int64", "minimum": 1, "default": 100},
                   "Page size. Values above the server's maximum (10000 by default) are lowered to it; "
                   "zero, negative or non-numeric is 400 invaliddata."),
        "offset": q("offset", {"type": "integer", "format": "int64", "minimum": 0, "default": 0},
                    "Zero-based index of the first record."),
        "sort": q("sort", {"type": "string"},
                  "One field to sort by (an unknown one gives a warning in statusInfoSet and the "
                  "default order, by sourcedId)."),
        "orderBy": q("orderBy", {"type": "string", "enum": ["asc", "desc"], "default": "asc"},
                     "Sort direction (any letter case)."),
        "filter": q("filter", {"type": "string"},
                    "1.1 filter: field op 'value' [ AND|OR field op 'value' ], op one of = != > >= < <= ~ "
                    "(~ is a case-insensitive substring). Dates and dateLastModified compare as instants.",
                    example="dateLastModified>'2025-01-01T00:00:00.000Z'"),
        "fields": q("fields", {"type": "array", "items": {"type": "string"}},
                    "Comma-separated top-level fields to return; only those are sent, even where the "
                    "schema marks others required (unknown names give a warning and are dropped; "
                    "none known is 400 invalid_selection_field).",
                    style="form", explode=False),
    }


def operation(op_id, path, key, scope, tag, summary):
    single = path.endswith("}")
    names = [seg[1:-1] for seg in path.split("/") if seg.startswith("{")]
    # In a nested path, {id} is the parent's: /schools/{id}/courses names a school.
    parent = {"schools": "school", "courses": "course", "classes": "class"}.get(path.split("/")[1])
    text = lambda n: PARAM_TEXT[n] if n != "id" or single else "The %s's sourcedId." % parent
    params = [{"name": n, "in": "path", "required": True, "description": text(n),
               "schema": {"type": "string"}} for n in names]
    query = ["fields"] if single else ["limit", "offset", "sort", "orderBy", "filter", "fields"]
    params += [{"$ref": "#/components/parameters/" + p} for p in query]
    envelope = (SINGLES if single else COLLECTIONS)[key]
    ok = {"description": "{\"%s\": %s}" % (key, "{...}" if single else "[...]"),
          "headers": {"Cache-Control": {"$ref": "#/components/headers/NoStore"}},
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/" + envelope}}}}
    if not single:
        ok["headers"]["X-Total-Count"] = {"$ref": "#/components/headers/XTotalCount"}
        ok["headers"]["Link"] = {"$ref": "#/components/headers/Link"}
    responses = {"200": ok, "400": {"$ref": "#/components/responses/BadRequest"},
                 "401": {"$ref": "#/components/responses/Unauthorized"},
                 "403": {"$ref": "#/components/responses/Forbidden"}}
    if single:
        responses["404"] = {"$ref": "#/components/responses/NotFound"}
    responses.update({"429": {"$ref": "#/components/responses/TooManyRequests"},
                      "500": {"$ref": "#/components/responses/InternalError"},
                      "503": {"$ref": "#/components/responses/Unavailable"}})
    security = [{"sts": [scope]}]
    if scope == CORE:  # roster.readonly implies roster-core.readonly
        security.append({"sts": [ROSTER]})
    description = None
    if not single and len(names) > 0:
        description = ("A parent that does not exist, or belongs to another school, gives 200 and "
                       "an empty list. `filter` applies to the returned objects.")
    out = {"tags": [tag], "operationId": op_id, "summary": summary}
    if description:
        out["description"] = description
    out.update({"parameters": params, "security": security, "responses": responses})
    return out


def build(official):
    schemas = copy.deepcopy(official["components"]["schemas"])
    keep = referenced(schemas, list(COLLECTIONS.values()) + list(SINGLES.values()) + ["imsx_StatusInfo.Type"])
    schemas = {k: schemas[k] for k in sorted(keep)}
    clean(schemas)
    patch(schemas)
    paths = {}
    for row in OPERATIONS:
        paths[BASE + row[1]] = {"get": operation(*row)}
    assert len(paths) == 45, len(paths)
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Muster OneRoster 1.1 API",
            "version": "1.1",
            "description": (
                "OneRoster 1.1 rostering (41 operations) and resources (4) under " + BASE + ", for "
                "one school per token. Data schemas are 1EdTech's 1.1 OpenAPI with corrections "
                "for the wire format (scripts/oneroster_openapi.py lists them): dateLastModified "
                "with milliseconds and Z, booleans as \"true\"/\"false\", GUIDRefs with absolute "
                "href, sourcedId and base type.\n\n"
                "Authentication: an OAuth 2.0 client_credentials bearer token from /connect/token "
                "(HTTP Basic or client_id/client_secret in the form). A school client's token "
                "reaches only its school: another school's object is a 404 unknownobject, and a "
                "nested collection under it is empty.\n\n"
                "Lists are paged (limit, offset) in a deterministic order (sourcedId unless "
                "sort= is given), with X-Total-Count and an RFC 8288 Link header. Deletions from "
                "the MIS stay listed as status \"tobedeleted\" tombstones, so delta readers can use "
                "filter=dateLastModified>'...'; full readers add status='active'. Errors are "
                "imsx_StatusInfo objects.")
        },
        "servers": [{"url": "/"}],
        "tags": [{"name": t} for t in ("academicSessions", "classes", "courses", "demographics",
                                       "enrollments", "orgs", "users", "resources")],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "sts": {
                    "type": "oauth2",
                    "description": "OAuth 2.0 client credentials (1EdTech Security Framework). "
                                   "Without `scope` the token carries the client's whole grant.",
                    "flows": {"clientCredentials": {"tokenUrl": "/connect/token", "scopes": SCOPES}},
                }
            },
            "parameters": components_parameters(),
            "headers": {
                "XTotalCount": {"description": "The number of records matching the filter, over all pages.",
                                "schema": {"type": "integer", "format": "int64"}},
                "Link": {"description": "RFC 8288 links with rel first, last, prev and next (next is "
                                        "absent on the last page); they keep the request's filter, "
                                        "sort and fields.", "schema": {"type": "string"}},
                "NoStore": {"description": "no-store", "schema": {"type": "string"}},
            },
            "responses": components_responses(),
            "schemas": schemas,
        },
    }


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        official = json.load(f)
    json.dump(build(official), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
