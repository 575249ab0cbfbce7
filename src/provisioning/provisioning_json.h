#pragma once

// The provisioning API's JSON (docs/api/provisioning.md):
//   organisation  {"OrganisationId","Name","DfeNumber","Urn","LaCode"}
//   users page    {"Users":[{"Id","FirstName","LastName","Role","AgeRange","Groups":[{"Id",
//                 "Name","Type"}]}],"TotalCount":N,"NextLink":"<url>"|null}
// Role is "student", "teacher" or "staff"; AgeRange "<13", "13-16", ">16" or null; a group's
// Type is its SIMS group type ("YearGroup", "RegistrationGroup", "PrimaryClass", "House",
// "TeachingClass"). No date of birth is ever written. Pure; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/form.h"
#include "provisioning/provisioning_service.h"
#include "storage/model.h"

namespace muster::provisioning {

std::string OrganisationJson(const storage::Site& site);
std::string UsersJson(const UserPage& page, std::string_view next_link);

// The URL of the page after `page` ("" on the last page): `base_url` with the request's
// parameters, `limit` and `offset` replaced (each parameter percent-encoded once).
std::string NextUsersLink(std::string_view base_url, const FormFields& params,
                          const UserPage& page);

}  // namespace muster::provisioning
