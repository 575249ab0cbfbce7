#pragma once

// DexService: the DeX learner API's reads (product.md §4.2, sims-platform.md §4) over a
// LearnerStore, for one school at a time. It parses and validates the OData query options
// against the entity set's catalog (learner/catalogs.h), compiles them for the store and
// returns pages of stored rows (learner/stored_json.h) and typed entities; dex_json.h turns
// them into OData JSON and dex_routes.cc is the HTTP edge. No HTTP here.
//
// Paging: at most `max_page_size` rows per page (DeX returns at most 1000 per call, with a
// continuation link); $top below it is honoured, above it is a total reached through
// @odata.nextLink. Errors: kInvalidArgument with an OData code (odata/query/query.h,
// dex/key_predicate.h) for bad query options or keys; kNotFound for a learner or group that
// is not the school's (another school's id is exactly as absent as an unknown one), and for
// a group key whose GroupType does not match the group.
//
// Thread-safety: all methods from any thread (the store is thread-safe; the clock too).

#include <string_view>

#include "core/clock.h"
#include "core/form.h"
#include "core/result.h"
#include "dex/key_predicate.h"
#include "learner/age.h"
#include "learner/catalogs.h"
#include "learner/learner_store.h"
#include "odata/query/query.h"
#include "odata/query/query_parser.h"

namespace muster::dex {

// One page and the query that produced it (for $select, the count and the next link).
struct PageResult {
  odata::query::Query query;
  learner::StoredPage page;
};

// One entity and its $select.
template <typename T>
struct EntityResult {
  odata::query::Query query;
  T entity;
};

class DexService {
 public:
  DexService(learner::LearnerStore& store, const Clock& clock,
             odata::query::QueryOptions options = {});
  DexService(const DexService&) = delete;
  DexService& operator=(const DexService&) = delete;

  // LearnerPersonals or LearnerIdentifiers (`set`), with the request's query parameters.
  Result<PageResult> ListLearners(const learner::RosterScope& scope, learner::EntitySet set,
                                  const FormFields& params) const;
  // The learners of the group `group` (LearnerGroups(…)/LearnerIdentifiers or /…Personals).
  Result<PageResult> ListMembers(const learner::RosterScope& scope, const EntityKey& group,
                                 learner::EntitySet set, const FormFields& params) const;
  Result<PageResult> ListGroups(const learner::RosterScope& scope, const FormFields& params) const;

  // One entity: LearnerPersonals(…), LearnerIdentifiers(…) or LearnerGroups(…). Only $select
  // (and $expand, $format) apply to a single entity; other options are a 400.
  Result<EntityResult<learner::Person>> GetLearner(const learner::RosterScope& scope,
                                                   const EntityKey& key,
                                                   const FormFields& params) const;
  Result<EntityResult<learner::Group>> GetGroup(const learner::RosterScope& scope,
                                                const EntityKey& key,
                                                const FormFields& params) const;

  // Today's date (UTC) by the injected clock: what AgeMonths is counted to.
  learner::CivilDate Today() const;

 private:
  Result<odata::query::CompiledQuery> Compile(learner::EntitySet set,
                                              const odata::query::Query& query) const;

  learner::LearnerStore& store_;
  const Clock& clock_;
  const odata::query::QueryOptions options_;
};

}  // namespace muster::dex
