#include "provisioning/provisioning_service.h"

#include <charconv>
#include <utility>

#include "core/text.h"
#include "core/uuid.h"

namespace muster::provisioning {
namespace {

Error BadRequest(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_request", std::move(message));
}

Result<int64_t> Integer(std::string_view name, std::string_view text, int64_t min, int64_t max) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto parsed = std::from_chars(text.data(), end, value);
  if (text.empty() || parsed.ec != std::errc() || parsed.ptr != end || value < min || value > max) {
    return BadRequest(std::string(name) + " is a whole number from " + std::to_string(min) +
                      " to " + std::to_string(max) + ".");
  }
  return value;
}

}  // namespace

std::optional<std::string> AgeRange(std::string_view date_of_birth,
                                    const learner::CivilDate& today) {
  auto birth = learner::ParseCivilDate(date_of_birth);
  auto years = birth ? learner::AgeInYears(*birth, today) : std::nullopt;
  if (!years) return std::nullopt;
  if (*years < 13) return "<13";
  if (*years <= 16) return "13-16";
  return ">16";
}

Result<UsersQuery> ParseUsersQuery(const FormFields& params) {
  UsersQuery q;
  for (const auto& [name, value] : params) {
    if (name == "limit") {
      MUSTER_ASSIGN_OR_RETURN(q.limit, Integer("limit", value, 1, kMaxLimit));
    } else if (name == "offset") {
      MUSTER_ASSIGN_OR_RETURN(q.offset, Integer("offset", value, 0, INT32_MAX));
    } else if (name == "role") {
      q.role = learner::ParsePersonRole(value);
      if (!q.role) return BadRequest("role is student, teacher or staff.");
    }
  }
  return q;
}

ProvisioningService::ProvisioningService(learner::LearnerStore& store, const Clock& clock)
    : store_(store), clock_(clock) {}

Result<storage::Site> ProvisioningService::Organisation(const storage::Site& site,
                                                        std::string_view organisation_id) const {
  auto asked = NormalizeGuid(organisation_id);
  auto own = NormalizeGuid(site.organisation_id);
  if (!asked || !own || *asked != *own) {
    return MakeError(ErrorCode::kNotFound, "not_found", "No organisation with this id.",
                     "OtherOrganisation:" + Echo(organisation_id, 40));
  }
  return site;
}

Result<UserPage> ProvisioningService::Users(const storage::Site& site,
                                            std::string_view organisation_id,
                                            const UsersQuery& query) const {
  MUSTER_RETURN_IF_ERROR(Organisation(site, organisation_id));
  MUSTER_ASSIGN_OR_RETURN(
      learner::PeoplePage page,
      store_.ListPeople({site.id},
                        {.limit = query.limit, .offset = query.offset, .role = query.role}));
  const learner::CivilDate today = learner::UtcDate(clock_.NowUnixMillis());
  UserPage out{.total = page.total, .query = query};
  out.users.reserve(page.items.size());
  for (learner::PersonWithGroups& item : page.items) {
    learner::Person& p = item.person;
    out.users.push_back(ProvisionedUser{.id = std::move(p.external_id),
                                        .first_name = std::move(p.preferred_forename),
                                        .last_name = std::move(p.preferred_surname),
                                        .role = p.role,
                                        .age_range = AgeRange(p.date_of_birth, today),
                                        .groups = std::move(item.groups)});
  }
  return out;
}

}  // namespace muster::provisioning
