#include "dex/dex_service.h"

#include <utility>

#include "core/text.h"
#include "odata/query/sql_compiler.h"

namespace muster::dex {
namespace {

using learner::EntitySet;
using odata::query::Query;

// A single entity takes $select, $expand and $format; any other system query option is
// refused rather than silently ignored.
Status OnlyEntityOptions(const FormFields& params) {
  for (const auto& [name, value] : params) {
    if (name.empty() || name.front() != '$') continue;
    if (EqualsIgnoreCase(name, "$select") || EqualsIgnoreCase(name, "$expand") ||
        EqualsIgnoreCase(name, "$format")) {
      continue;
    }
    return MakeError(ErrorCode::kInvalidArgument, odata::query::kInvalidQueryOption,
                     "The query option " + Echo(name, 32) +
                         " does not apply to a single entity; only $select and $expand do.");
  }
  return OkStatus();
}

Error NotFound(std::string_view what) {
  return MakeError(ErrorCode::kNotFound, "NotFound",
                   "No " + std::string(what) + " with this ExternalID.");
}

// The store says kNotFound with its own words; the API says it in OData's.
template <typename T>
Result<T> Renamed(Result<T> r, std::string_view what) {
  if (!r.ok() && r.error().code == ErrorCode::kNotFound) return NotFound(what);
  return r;
}

}  // namespace

DexService::DexService(learner::LearnerStore& store, const Clock& clock,
                       odata::query::QueryOptions options)
    : store_(store), clock_(clock), options_(options) {}

learner::CivilDate DexService::Today() const { return learner::UtcDate(clock_.NowUnixMillis()); }

Result<odata::query::CompiledQuery> DexService::Compile(EntitySet set, const Query& query) const {
  return odata::query::CompileQuery(query, learner::CatalogFor(set), store_.ODataDialect());
}

Result<PageResult> DexService::ListLearners(const learner::RosterScope& scope, EntitySet set,
                                            const FormFields& params) const {
  MUSTER_ASSIGN_OR_RETURN(Query query,
                          odata::query::ParseQuery(params, learner::CatalogFor(set), options_));
  MUSTER_ASSIGN_OR_RETURN(auto compiled, Compile(set, query));
  MUSTER_ASSIGN_OR_RETURN(auto page, store_.ListLearners(scope, compiled));
  return PageResult{std::move(query), std::move(page)};
}

Result<PageResult> DexService::ListMembers(const learner::RosterScope& scope,
                                           const EntityKey& group, EntitySet set,
                                           const FormFields& params) const {
  MUSTER_ASSIGN_OR_RETURN(Query query,
                          odata::query::ParseQuery(params, learner::CatalogFor(set), options_));
  MUSTER_ASSIGN_OR_RETURN(auto compiled, Compile(set, query));
  if (group.group_type) {
    // The key names the type too: a group of another type is not this resource.
    MUSTER_ASSIGN_OR_RETURN(learner::Group g,
                            Renamed(store_.GetGroup(scope, group.external_id), "group"));
    if (g.type != *group.group_type) return NotFound("group");
  }
  MUSTER_ASSIGN_OR_RETURN(
      auto page, Renamed(store_.ListGroupMembers(scope, group.external_id, compiled), "group"));
  return PageResult{std::move(query), std::move(page)};
}

Result<PageResult> DexService::ListGroups(const learner::RosterScope& scope,
                                          const FormFields& params) const {
  const EntitySet set = EntitySet::kLearnerGroups;
  MUSTER_ASSIGN_OR_RETURN(Query query,
                          odata::query::ParseQuery(params, learner::CatalogFor(set), options_));
  MUSTER_ASSIGN_OR_RETURN(auto compiled, Compile(set, query));
  MUSTER_ASSIGN_OR_RETURN(auto page, store_.ListGroups(scope, compiled));
  return PageResult{std::move(query), std::move(page)};
}

Result<EntityResult<learner::Person>> DexService::GetLearner(const learner::RosterScope& scope,
                                                             const EntityKey& key,
                                                             const FormFields& params) const {
  MUSTER_RETURN_IF_ERROR(OnlyEntityOptions(params));
  MUSTER_ASSIGN_OR_RETURN(Query query,
                          odata::query::ParseQuery(params, learner::CatalogFor(key.set), options_));
  MUSTER_ASSIGN_OR_RETURN(learner::Person person,
                          Renamed(store_.GetLearner(scope, key.external_id), "learner"));
  return EntityResult<learner::Person>{std::move(query), std::move(person)};
}

Result<EntityResult<learner::Group>> DexService::GetGroup(const learner::RosterScope& scope,
                                                          const EntityKey& key,
                                                          const FormFields& params) const {
  MUSTER_RETURN_IF_ERROR(OnlyEntityOptions(params));
  MUSTER_ASSIGN_OR_RETURN(Query query,
                          odata::query::ParseQuery(params, learner::CatalogFor(key.set), options_));
  MUSTER_ASSIGN_OR_RETURN(learner::Group group,
                          Renamed(store_.GetGroup(scope, key.external_id), "group"));
  if (key.group_type && group.type != *key.group_type) return NotFound("group");
  return EntityResult<learner::Group>{std::move(query), std::move(group)};
}

}  // namespace muster::dex
