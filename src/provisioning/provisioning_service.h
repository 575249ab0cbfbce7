#pragma once

// ProvisioningService: the provisioning API (product.md §4.3, sims-platform.md §5) — a
// school's details and its users for account provisioning, with data minimisation as the
// point: a user carries an age-range bracket, never a date of birth. No HTTP here;
// provisioning_routes.cc is the edge.
//
// Tenancy: the caller's school is its token's (`site`, resolved by the edge); the path's
// OrganisationId must name that same school (any letter case), else kNotFound, exactly as
// for an organisation that does not exist, so a token learns nothing about other schools.
//
// Users: pupils and staff (teachers, then administrators and aides as "staff"; guardians
// are not users here), ordered by their unique id, paged by limit (1-1000, default 100) and
// offset, optionally one role. Each with their groups: year group, registration group and
// house (pupils), then the classes they are enrolled in or teach.
// Thread-safety: all methods from any thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/form.h"
#include "core/result.h"
#include "learner/age.h"
#include "learner/learner_store.h"
#include "storage/model.h"

namespace muster::provisioning {

inline constexpr int64_t kDefaultLimit = 100;
inline constexpr int64_t kMaxLimit = 1000;

// "<13" (under the UK GDPR Art. 8 digital-consent age), "13-16", ">16" (post-compulsory):
// the completed years on `today`. nullopt without a (valid) date of birth.
std::optional<std::string> AgeRange(std::string_view date_of_birth,
                                    const learner::CivilDate& today);

struct UsersQuery {
  int64_t limit = kDefaultLimit;
  int64_t offset = 0;
  std::optional<learner::PersonRole> role = {};
};

// limit, offset and role ("student" | "teacher" | "staff") from the query string; other
// parameters are ignored. kInvalidArgument (reason invalid_request) for a value out of range.
Result<UsersQuery> ParseUsersQuery(const FormFields& params);

struct ProvisionedUser {
  std::string id;          // the projection's ExternalID
  std::string first_name;  // preferred forename
  std::string last_name;   // preferred surname
  learner::PersonRole role = learner::PersonRole::kStudent;
  std::optional<std::string> age_range = {};
  std::vector<learner::GroupRef> groups = {};
};

struct UserPage {
  std::vector<ProvisionedUser> users = {};
  int64_t total = 0;
  UsersQuery query = {};
};

class ProvisioningService {
 public:
  ProvisioningService(learner::LearnerStore& store, const Clock& clock);
  ProvisioningService(const ProvisioningService&) = delete;
  ProvisioningService& operator=(const ProvisioningService&) = delete;

  // `site` is the token's school; `organisation_id` the path's.
  Result<storage::Site> Organisation(const storage::Site& site,
                                     std::string_view organisation_id) const;
  Result<UserPage> Users(const storage::Site& site, std::string_view organisation_id,
                         const UsersQuery& query) const;

 private:
  learner::LearnerStore& store_;
  const Clock& clock_;
};

}  // namespace muster::provisioning
