#include "partner/partner_json.h"

#include <optional>

#include "core/json_writer.h"
#include "core/time_format.h"

namespace muster::partner {
namespace {

// Empty store fields (no DfE number, no DENI number) are null on the wire.
JsonWriter& EmptyAsNull(JsonWriter& w, std::string_view key, std::string_view value) {
  w.Key(key);
  return value.empty() ? w.Null() : w.String(value);
}

JsonWriter& StringOrNull(JsonWriter& w, std::string_view key,
                         const std::optional<std::string>& value) {
  w.Key(key);
  return value ? w.String(*value) : w.Null();
}

void WriteSite(JsonWriter& w, const CustomerSite& s) {
  w.BeginObject()
      .Member("Id", s.site.id)
      .Member("Name", s.site.name)
      .Member("OrganisationId", s.site.organisation_id);
  EmptyAsNull(w, "DfeCode", s.site.dfe_code);
  EmptyAsNull(w, "DeniNumber", s.site.deni_number);
  w.Member("Authorised", s.authorised() ? 1 : 0).EndObject();
}

}  // namespace

std::string SitesJson(const std::vector<CustomerSite>& sites) {
  std::string out;
  out.reserve(64 + sites.size() * 192);
  JsonWriter w(out);
  w.BeginArray();
  for (const auto& s : sites) WriteSite(w, s);
  w.EndArray();
  return out;
}

std::string SiteJson(const CustomerSite& site) {
  std::string out;
  JsonWriter w(out);
  WriteSite(w, site);
  return out;
}

std::string ClientsJson(const SiteClients& clients) {
  std::string out;
  JsonWriter w(out);
  w.BeginArray();
  for (const auto& c : clients.clients) {
    w.BeginObject().Member("ClientId", c.client.client_id);
    StringOrNull(w, "Secret", c.secret);
    StringOrNull(w, "OCPAIMKey", clients.subscription_key);
    w.Member("Description", c.client.description).EndObject();
  }
  w.EndArray();
  return out;
}

std::string RemovedJson(const RemovedInstall& removed) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject()
      .Member("ApplicationId", removed.application_id)
      .Member("OrganisationId", removed.site.site.organisation_id)
      .Member("Id", removed.site.site.id)
      .Member("Removed", true)
      .Member("ClientsRemoved", removed.clients_removed)
      .EndObject();
  return out;
}

std::string RotatedJson(const admin::SecretRotated& rotated, int64_t grace_s) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Member("ClientId", rotated.client_id).Member("Secret", rotated.secret);
  w.Key("PreviousSecretValidUntil");
  if (rotated.previous_valid_until_ms > 0) {
    w.String(FormatIso8601Millis(rotated.previous_valid_until_ms));
  } else {
    w.Null();
  }
  w.Member("GraceSeconds", grace_s).EndObject();
  return out;
}

std::string ClientStateJson(const storage::Client& client) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject()
      .Member("ClientId", client.client_id)
      .Member("Description", client.description)
      .Member("Suspended", !client.enabled)
      .EndObject();
  return out;
}

}  // namespace muster::partner
