#pragma once

// The school a bearer token reads: the platform site whose OrganisationId the token's
// `userorganisationidentifier` names. Every school-data API (OneRoster, DeX, provisioning)
// takes its tenancy from here, never from the request. A token with no organisation (a
// vendor-management token) or one whose organisation is no longer a site is refused with
// kPermissionDenied; each API words the refusal in its own shape.
// Thread-safe (reads the registry's current snapshot).

#include "auth/client_registry.h"
#include "core/result.h"
#include "http/request.h"
#include "storage/model.h"

namespace muster::auth {

Result<storage::Site> SiteOfPrincipal(const ClientRegistry& registry,
                                      const http::Principal& principal);

}  // namespace muster::auth
