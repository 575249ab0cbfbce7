#include "auth/scopes.h"

#include <algorithm>

namespace muster::auth {
namespace {

std::string OneRosterUri(std::string_view suffix) {
  return std::string(kOneRosterScopePrefix) + std::string(suffix);
}

bool Has(const std::vector<std::string>& granted, std::string_view scope) {
  return std::find(granted.begin(), granted.end(), scope) != granted.end();
}

}  // namespace

std::string DefaultManagementScopes() { return "partner-read partner-write rapapi partner"; }
std::string DefaultDexScopes() { return "partner partnerserverapplication"; }
std::string DefaultOneRosterScopes() {
  std::string s = "onerosterapi rapapi partner organisation";
  for (const char* suffix :
       {"roster-core.readonly", "roster.readonly", "roster-demographics.readonly",
        "resource.readonly", "gradebook.readonly", "gradebook.createput", "gradebook.delete"}) {
    s.append(" ").append(OneRosterUri(suffix));
  }
  return s;
}

std::vector<std::string> SplitScopes(std::string_view scopes) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < scopes.size()) {
    size_t end = scopes.find(' ', pos);
    if (end == std::string_view::npos) end = scopes.size();
    std::string_view s = scopes.substr(pos, end - pos);
    if (!s.empty() && !Has(out, s)) out.emplace_back(s);
    pos = end + 1;
  }
  return out;
}

std::string JoinScopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& s : scopes) {
    if (!out.empty()) out.push_back(' ');
    out += s;
  }
  return out;
}

bool ScopeSatisfied(const std::vector<std::string>& granted, std::string_view required) {
  size_t pos = 0;
  while (pos <= required.size()) {
    size_t end = required.find('|', pos);
    if (end == std::string_view::npos) end = required.size();
    std::string_view option = required.substr(pos, end - pos);
    if (Has(granted, option)) return true;
    if (option == OneRosterUri("roster-core.readonly") &&
        Has(granted, OneRosterUri("roster.readonly"))) {
      return true;
    }
    pos = end + 1;
  }
  return false;
}

}  // namespace muster::auth
