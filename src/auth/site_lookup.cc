#include "auth/site_lookup.h"

namespace muster::auth {

Result<storage::Site> SiteOfPrincipal(const ClientRegistry& registry,
                                      const http::Principal& principal) {
  if (principal.organisation_id.empty()) {
    return MakeError(ErrorCode::kPermissionDenied, "",
                     "This access token is not bound to a school: school data is read with a "
                     "school client's token.",
                     "NoOrganisation");
  }
  auto snapshot = registry.Get();
  auto it = snapshot->sites_by_org.find(NormalizeOrganisationId(principal.organisation_id));
  if (it == snapshot->sites_by_org.end()) {
    return MakeError(ErrorCode::kPermissionDenied, "",
                     "The token's organisation is not a school on this platform.",
                     "UnknownOrganisation");
  }
  return it->second;
}

}  // namespace muster::auth
