#include "provisioning/provisioning_json.h"

#include "core/json_writer.h"

namespace muster::provisioning {

std::string OrganisationJson(const storage::Site& site) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Member("OrganisationId", site.organisation_id).Member("Name", site.name);
  w.Member("DfeNumber", site.dfe_code).Member("Urn", site.urn).Member("LaCode", site.la_code);
  w.EndObject();
  return out;
}

std::string UsersJson(const UserPage& page, std::string_view next_link) {
  std::string out;
  out.reserve(128 + page.users.size() * 300);
  JsonWriter w(out);
  w.BeginObject().Key("Users").BeginArray();
  for (const ProvisionedUser& u : page.users) {
    w.BeginObject().Member("Id", u.id).Member("FirstName", u.first_name);
    w.Member("LastName", u.last_name).Member("Role", learner::ToString(u.role));
    w.Key("AgeRange");
    if (u.age_range) {
      w.String(*u.age_range);
    } else {
      w.Null();
    }
    w.Key("Groups").BeginArray();
    for (const learner::GroupRef& g : u.groups) {
      w.BeginObject().Member("Id", g.external_id).Member("Name", g.name);
      w.Member("Type", learner::ToString(g.type)).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().Member("TotalCount", page.total).Key("NextLink");
  if (next_link.empty()) {
    w.Null();
  } else {
    w.String(next_link);
  }
  w.EndObject();
  return out;
}

std::string NextUsersLink(std::string_view base_url, const FormFields& params,
                          const UserPage& page) {
  const int64_t next = page.query.offset + page.query.limit;
  if (next >= page.total) return "";
  std::string out(base_url);
  char sep = '?';
  for (const auto& [name, value] : params) {
    if (name == "limit" || name == "offset") continue;
    out.push_back(sep);
    out += PercentEncode(name) + "=" + PercentEncode(value);
    sep = '&';
  }
  out.push_back(sep);
  out += "limit=" + std::to_string(page.query.limit) + "&offset=" + std::to_string(next);
  return out;
}

}  // namespace muster::provisioning
