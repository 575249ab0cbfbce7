#pragma once

// The partner API's wire shapes (seed 001 and docs/api/partner.md), serialized straight
// from the service's values. Member names are the seed's PascalCase; "Id" and "Authorised"
// are numbers (Authorised 1 = approved, 0 = pending or disabled); an absent DeniNumber,
// DfeCode, Secret or OCPAIMKey is null.

#include <cstdint>
#include <string>
#include <vector>

#include "admin/platform_service.h"
#include "partner/partner_service.h"
#include "storage/model.h"

namespace muster::partner {

// [{"Id","Name","OrganisationId","DfeCode","DeniNumber","Authorised"}]
std::string SitesJson(const std::vector<CustomerSite>& sites);
// One element of SitesJson (the answer to approve and disable).
std::string SiteJson(const CustomerSite& site);
// [{"ClientId","Secret","OCPAIMKey","Description"}]
std::string ClientsJson(const SiteClients& clients);
// {"ApplicationId","OrganisationId","Id","Removed":true,"ClientsRemoved"}
std::string RemovedJson(const RemovedInstall& removed);
// {"ClientId","Secret","PreviousSecretValidUntil","GraceSeconds"}
std::string RotatedJson(const admin::SecretRotated& rotated, int64_t grace_s);
// {"ClientId","Description","Suspended"}
std::string ClientStateJson(const storage::Client& client);

}  // namespace muster::partner
