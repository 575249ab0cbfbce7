#include "storage/sqlite/sqlite_roster_store_write_support.h"

#include "storage/sqlite/internal/query.h"

namespace muster::storage::sqlite::roster_write {
namespace {

Error Invalid(std::string_view what, std::string_view id, std::string_view problem) {
  std::string shown = roster::IsValidSourcedId(id) ? std::string(id) : "(invalid id)";
  return MakeError(ErrorCode::kInvalidArgument, "invaliddata",
                   std::string(what) + " " + shown + ": " + std::string(problem));
}

}  // namespace

Status CheckIds(std::string_view what, int64_t site_id, std::string_view sourced_id,
                std::initializer_list<std::string_view> refs,
                std::initializer_list<const std::vector<std::string>*> ref_lists) {
  if (site_id <= 0) return Invalid(what, sourced_id, "no site");
  if (!roster::IsValidSourcedId(sourced_id)) {
    return Invalid(what, sourced_id, "sourcedId must be 1-255 of [A-Za-z0-9-._~]");
  }
  for (std::string_view ref : refs) {
    if (!ref.empty() && !roster::IsValidSourcedId(ref)) {
      return Invalid(what, sourced_id, "a reference is not a valid sourcedId");
    }
  }
  for (const std::vector<std::string>* list : ref_lists) {
    for (const std::string& ref : *list) {
      if (!roster::IsValidSourcedId(ref)) {
        return Invalid(what, sourced_id, "a reference is not a valid sourcedId");
      }
    }
  }
  return OkStatus();
}

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out.push_back(',');
    out.append(v);
  }
  return out;
}

std::string_view MetadataValue(const roster::Metadata& metadata, std::string_view key) {
  for (const auto& [k, v] : metadata) {
    if (k == key) return v;
  }
  return {};
}

void BindOptionalBool(internal::Statement& st, std::optional<bool> value) {
  if (value) {
    st.BindBool(*value);
  } else {
    st.BindIdOrNull(0);  // NULL
  }
}

Status RewriteLinks(internal::Connection& c, const char* delete_sql, const char* insert_sql,
                    int64_t site_id, const std::string& owner,
                    const std::vector<std::string>& targets) {
  MUSTER_RETURN_IF_ERROR(internal::Execute(
      c, delete_sql, [&](internal::Statement& st) { st.BindInt(site_id).BindText(owner); }));
  for (const std::string& target : targets) {
    MUSTER_RETURN_IF_ERROR(internal::Execute(c, insert_sql, [&](internal::Statement& st) {
      st.BindInt(site_id).BindText(owner).BindText(target);
    }));
  }
  return OkStatus();
}

}  // namespace muster::storage::sqlite::roster_write
