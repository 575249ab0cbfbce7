#pragma once

// OAuth scopes Muster grants, by client kind (sims-platform.md §2, oneroster.md §1.2), and
// helpers for space-separated scope strings.

#include <string>
#include <string_view>
#include <vector>

namespace muster::auth {

inline constexpr std::string_view kScopePartnerRead = "partner-read";
inline constexpr std::string_view kScopePartnerWrite = "partner-write";
inline constexpr std::string_view kScopeDex = "partnerserverapplication";
inline constexpr std::string_view kOneRosterScopePrefix =
    "https://purl.imsglobal.org/spec/or/v1p1/scope/";

// The default grant for a new client of each kind.
std::string DefaultManagementScopes();  // "partner-read partner-write rapapi partner"
std::string DefaultDexScopes();         // "partner partnerserverapplication"
std::string DefaultOneRosterScopes();   // "onerosterapi rapapi partner organisation" + URIs

// Splits on spaces, dropping empties and duplicates (order kept).
std::vector<std::string> SplitScopes(std::string_view scopes);
std::string JoinScopes(const std::vector<std::string>& scopes);

// True when `granted` satisfies `required`. A required value "a|b" is satisfied by either;
// roster.readonly implies roster-core.readonly (oneroster.md §1.2).
bool ScopeSatisfied(const std::vector<std::string>& granted, std::string_view required);

}  // namespace muster::auth
