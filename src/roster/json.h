#pragma once

// The OneRoster 1.1 JSON of roster records (oneroster.md §2.1–§2.3), in two steps:
//
//  1. SerializeBody(record), when the record is written: every member except sourcedId,
//     status and dateLastModified, in 1.1 model order, as JSON members without braces.
//     Booleans are the strings "true"/"false"; dates "YYYY-MM-DD"; schoolYear digits;
//     text members are always present ("" when empty), arrays always present ([] when
//     empty); absent GUIDRefs, dates, enums and optional booleans are omitted; metadata
//     only when it has entries; a password never. Each GUIDRef is stored as a compact
//     marker (0x01, a type tag, the sourcedId, 0x02), because the absolute href needs the
//     request's base URL. Control bytes cannot otherwise occur: JSON escapes them.
//  2. AppendObject(out, stored, href_base, fields), per response: the braces, the base
//     members (dateLastModified as YYYY-MM-DDTHH:mm:ss.SSSZ), then the body with each marker
//     expanded to {"href":"<href_base>/<collection>/<id>","sourcedId":"<id>","type":"<t>"}
//     (types are the base types: org, academicSession, course, class, user, resource),
//     keeping only the top-level `fields` named (empty = all). No parsing, no DOM.
//
// Pure; thread-safe.

#include <span>
#include <string>
#include <string_view>

#include "roster/model.h"
#include "roster/stored_object.h"

namespace muster::roster {

std::string SerializeBody(const Org& r);
std::string SerializeBody(const AcademicSession& r);
std::string SerializeBody(const Course& r);
std::string SerializeBody(const Class& r);
std::string SerializeBody(const User& r);
std::string SerializeBody(const Enrollment& r);
std::string SerializeBody(const Demographics& r);
std::string SerializeBody(const Resource& r);

// `href_base`: absolute URL of the OneRoster root without a trailing slash, e.g.
// "https://muster.example/ims/oneroster/v1p1". `fields`: OneRoster member names as the
// query layer validated them; names that are not members are ignored.
void AppendObject(std::string& out, const StoredObjectView& object, std::string_view href_base,
                  std::span<const std::string> fields = {});
void AppendObject(std::string& out, const StoredObject& object, std::string_view href_base,
                  std::span<const std::string> fields = {});

// AppendObject into a new string: for tests and tools.
std::string ObjectJson(const StoredObject& object, std::string_view href_base,
                       std::span<const std::string> fields = {});

}  // namespace muster::roster
