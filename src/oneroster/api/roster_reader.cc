#include "oneroster/api/roster_reader.h"

#include <algorithm>
#include <vector>

#include "core/json_writer.h"
#include "oneroster/query/link_header.h"
#include "oneroster/query/sql_compiler.h"
#include "roster/catalogs.h"
#include "roster/json.h"

namespace muster::oneroster::api {
namespace {

// A page's body is reserved for up to this many rows of about this many bytes (a default
// page of 100 users fits); a larger page grows it as it goes, so a large `limit` on a small
// collection does not reserve megabytes it never fills.
constexpr int64_t kRowsReserved = 128;
constexpr size_t kRowBytes = 1024;

// The 1.1 partial-success list (oneroster.md §1.6, §1.8): one imsx_StatusInfo per warning,
// riding next to the data in a 200 body.
void AppendWarnings(std::string& out, const std::vector<query::Warning>& warnings) {
  if (warnings.empty()) return;
  out += ",\"statusInfoSet\":[";
  bool first = true;
  for (const query::Warning& w : warnings) {
    if (!first) out.push_back(',');
    first = false;
    JsonWriter j(out);
    j.BeginObject()
        .Member("imsx_codeMajor", "success")
        .Member("imsx_severity", "warning")
        .Member("imsx_description", w.description)
        .Key("imsx_CodeMinor")
        .BeginObject()
        .Key("imsx_codeMinorField")
        .BeginArray()
        .BeginObject()
        .Member("imsx_codeMinorFieldName", "TargetEndSystem")
        .Member("imsx_codeMinorFieldValue", w.code_minor)
        .EndObject()
        .EndArray()
        .EndObject()
        .EndObject();
  }
  out.push_back(']');
}

// "user 5f3c… was not found" — the id is echoed JSON-escaped by the error writer.
Error UnknownObject(roster::ObjectKind kind, std::string_view id) {
  std::string what = roster::Describe(kind).operation_id;  // "getTeacher"
  what = what.substr(3);                                   // "Teacher"
  if (!what.empty()) what[0] = static_cast<char>(what[0] - 'A' + 'a');
  return MakeError(ErrorCode::kNotFound, "unknownobject",
                   "No " + what + " with sourcedId '" + std::string(id) + "' was found.");
}

}  // namespace

Result<CollectionAnswer> RosterReader::List(const roster::RosterScope& scope,
                                            const roster::ListTarget& target,
                                            const FormFields& params, const Urls& urls) const {
  const roster::ListingInfo& info = roster::Describe(target.listing);
  const query::FieldCatalog& catalog = roster::CatalogFor(info.entity);
  MUSTER_ASSIGN_OR_RETURN(query::Query q, query::ParseCollectionQuery(params, catalog, options_));
  MUSTER_ASSIGN_OR_RETURN(query::CompiledQuery compiled,
                          query::CompileQuery(q, catalog, store_.QueryDialect()));
  roster::ReadOptions read;
  read.include_tombstones = roster::MentionsLifecycle(q);

  CollectionAnswer answer;
  std::string& out = answer.body;
  // Sized once for a typical page: about 1 KB a row once GUIDRefs are expanded.
  out.reserve(256 + static_cast<size_t>(std::min<int64_t>(q.limit, kRowsReserved)) * kRowBytes);
  out += "{\"";
  out += roster::CollectionKey(info.entity);
  out += "\":[";
  bool first = true;
  // Each row goes from the store's buffer straight into the body.
  MUSTER_ASSIGN_OR_RETURN(
      answer.total,
      store_.Scan(scope, target, compiled, read, [&](const roster::StoredObjectView& o) {
        if (!first) out.push_back(',');
        first = false;
        roster::AppendObject(out, o, urls.href_base, q.fields);
      }));
  out.push_back(']');
  AppendWarnings(out, q.warnings);
  out.push_back('}');
  answer.clamped = q.limit_clamped;
  answer.link = query::BuildLinkHeader(urls.self_url, params, q.limit, q.offset, answer.total);
  return answer;
}

Result<std::string> RosterReader::Get(const roster::RosterScope& scope, roster::ObjectKind kind,
                                      std::string_view sourced_id, const FormFields& params,
                                      const Urls& urls) const {
  const roster::ObjectInfo& info = roster::Describe(kind);
  MUSTER_ASSIGN_OR_RETURN(
      query::Query q, query::ParseObjectQuery(params, roster::CatalogFor(info.entity), options_));
  auto object = store_.Get(scope, kind, sourced_id);
  if (!object.ok()) {
    if (object.error().code == ErrorCode::kNotFound) return UnknownObject(kind, sourced_id);
    return object.error();
  }
  std::string out;
  out.reserve(1024);
  out += "{\"";
  out += roster::ObjectKey(info.entity);
  out += "\":";
  roster::AppendObject(out, *object, urls.href_base, q.fields);
  AppendWarnings(out, q.warnings);
  out.push_back('}');
  return out;
}

}  // namespace muster::oneroster::api
