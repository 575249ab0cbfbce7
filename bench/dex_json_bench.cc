// The DeX learner API's JSON: a 100-row LearnerPersonals page copied out of stored rows (what
// every page request pays after the store's read, learner/stored_json.h), with and without
// $select, and the projection-time serialization of one pupil.

#include <benchmark/benchmark.h>

#include <string>

#include "dex/dex_json.h"
#include "learner/stored_json.h"
#include "odata/query/query_parser.h"

namespace muster::dex {
namespace {

using learner::EntitySet;
using learner::GroupType;

learner::Person Pupil(int i) {
  return learner::Person{
      .external_id = "0072E6D7-1B2C-4D3E-8F40-" + std::to_string(100000000000 + i),
      .forename = "Edward",
      .surname = "Thompson",
      .middle_names = "James",
      .preferred_forename = "Edward",
      .preferred_surname = "Thompson",
      .gender = learner::Gender::kMale,
      .date_of_birth = "2013-11-10",
      .upn = "A330401213006",
      .on_roll_state = "Current",
      .year_group = learner::GroupRef{"3D5D6B2A-0C1D-4E2F-8A3B-4C5D6E7F8091", "Year 8",
                                      GroupType::kYearGroup},
      .registration_group = learner::GroupRef{"1330A2B4-C6D8-4EFA-9B1C-2D3E4F506172", "8C",
                                              GroupType::kRegistrationGroup},
      .house = learner::GroupRef{"6E95A1B2-C3D4-4E5F-A6B7-C8D9E0F1A2B3", "Ash", GroupType::kHouse}};
}

learner::StoredPage Page() {
  learner::StoredPage page{.more = true};
  for (int i = 0; i < 100; ++i) page.rows.Add(learner::StorePerson(Pupil(i)));
  return page;
}

void Run(benchmark::State& state, EntitySet set, const FormFields& params) {
  const learner::StoredPage page = Page();
  auto query = odata::query::ParseQuery(params, learner::CatalogFor(set));
  for (auto _ : state) {
    auto json = LearnersJson("https://muster.example/dex/Learner/odata/v3", set, *query, page,
                             {2026, 11, 25}, "https://muster.example/next");
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(page.rows.bytes()));
}

void BM_Personals100(benchmark::State& state) {
  Run(state, EntitySet::kLearnerPersonals, {{"$top", "100"}});
}
BENCHMARK(BM_Personals100);

void BM_Identifiers100(benchmark::State& state) {
  Run(state, EntitySet::kLearnerIdentifiers, {{"$top", "100"}});
}
BENCHMARK(BM_Identifiers100);

void BM_Personals100Select(benchmark::State& state) {
  Run(state, EntitySet::kLearnerPersonals,
      {{"$top", "100"}, {"$select", "Surname,AgeMonths,CurrentYearGroup"}});
}
BENCHMARK(BM_Personals100Select);

void BM_StorePerson(benchmark::State& state) {
  const learner::Person pupil = Pupil(1);
  for (auto _ : state) benchmark::DoNotOptimize(learner::StorePerson(pupil));
}
BENCHMARK(BM_StorePerson);

}  // namespace
}  // namespace muster::dex
