#include "dex/dex_json.h"

#include <cassert>

#include "core/json_writer.h"
#include "learner/stored_json.h"

namespace muster::dex {
namespace {

using learner::EntitySet;
using learner::StoredJsonWriter;
using odata::query::Query;

std::string Context(std::string_view root, EntitySet set, const Query& query, bool entity) {
  std::string out(root);
  out += "/$metadata#";
  out += learner::ToString(set);
  if (!query.select.empty()) {
    out.push_back('(');
    for (size_t i = 0; i < query.select.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += query.select[i];
    }
    out.push_back(')');
  }
  if (entity) out += "/$entity";
  return out;
}

Error MalformedRow(EntitySet set) {
  return MakeError(ErrorCode::kInternal, "internal_server_error", "The page could not be read.",
                   std::string("dex: a stored ") + learner::ToString(set) + " row is malformed");
}

// {"@odata.context":…,"@odata.count":…,"value":[rows],"@odata.nextLink":…}: the rows copied
// out as `writer` plans, into a string sized for them once.
Result<std::string> Collection(std::string_view root, EntitySet set, const Query& query,
                               const learner::StoredPage& page, const StoredJsonWriter& writer,
                               std::string_view next_link) {
  std::string out;
  out.reserve(256 + root.size() + next_link.size() + page.rows.bytes() +
              page.rows.size() * writer.ExtraBytesPerRow());
  JsonWriter w(out);
  w.BeginObject().Member("@odata.context", Context(root, set, query, false));
  if (query.count) w.Member("@odata.count", page.total);
  w.Key("value").BeginArray();
  for (size_t i = 0; i < page.rows.size(); ++i) {
    if (i > 0) out.push_back(',');
    if (!writer.AppendObject(out, page.rows[i])) return MalformedRow(set);
  }
  out.push_back(']');
  if (!next_link.empty()) {
    out.append(",\"@odata.nextLink\":");
    AppendJsonString(out, next_link);
  }
  out.push_back('}');
  return out;
}

// {"@odata.context":"…/$entity", members}: one entity, stored on the fly as the projection
// stores its rows, so it reads exactly like a page's row.
std::string Entity(std::string_view root, EntitySet set, const Query& query,
                   const std::string& stored, const learner::CivilDate& today) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Member("@odata.context", Context(root, set, query, true));
  out.push_back(',');
  [[maybe_unused]] const bool written =
      StoredJsonWriter(set, query.select, today).AppendMembers(out, stored);
  assert(written && "a row stored just now is well formed");
  out.push_back('}');
  return out;
}

}  // namespace

Result<std::string> LearnersJson(std::string_view root, EntitySet set, const Query& query,
                                 const learner::StoredPage& page, const learner::CivilDate& today,
                                 std::string_view next_link) {
  return Collection(root, set, query, page, StoredJsonWriter(set, query.select, today), next_link);
}

Result<std::string> GroupsJson(std::string_view root, const Query& query,
                               const learner::StoredPage& page, std::string_view next_link) {
  const EntitySet set = EntitySet::kLearnerGroups;
  return Collection(root, set, query, page, StoredJsonWriter(set, query.select, {}), next_link);
}

std::string LearnerJson(std::string_view root, EntitySet set, const Query& query,
                        const learner::Person& person, const learner::CivilDate& today) {
  return Entity(root, set, query, learner::StorePerson(person), today);
}

std::string GroupJson(std::string_view root, const Query& query, const learner::Group& group) {
  return Entity(root, EntitySet::kLearnerGroups, query, learner::StoreGroup(group), {});
}

}  // namespace muster::dex
