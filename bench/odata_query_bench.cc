// Parse + compile of the OData query options a DeX partner sends when it pages through one
// year group's learners searching by surname (product.md §4.2).

#include <benchmark/benchmark.h>

#include <vector>

#include "odata/query/filter_binder.h"
#include "odata/query/internal/test_catalog.h"
#include "odata/query/next_link.h"
#include "odata/query/query_parser.h"
#include "odata/query/sql_compiler.h"

namespace muster::odata::query {
namespace {

constexpr char kTypicalFilter[] =
    "CurrentYearGroup/ExternalID eq 0123abcd-89ab-cdef-0123-456789abcdef and "
    "contains(PreferredSurname,'smi')";

const FormFields& TypicalParams() {
  static const FormFields kParams = {
      {"$filter", kTypicalFilter},
      {"$orderby", "PreferredSurname,PreferredForename"},
      {"$select", "ExternalID,PreferredForename,PreferredSurname,CurrentYearGroup"},
      {"$top", "100"},
      {"$skip", "200"},
      {"$count", "true"}};
  return kParams;
}

// The whole query layer for one request: all six options parsed, validated and compiled.
void BM_ParseAndCompileTypical(benchmark::State& state) {
  const EntityCatalog& catalog = internal::TestCatalog();
  const PostgresDialect dialect;
  for (auto _ : state) {
    auto query = ParseQuery(TypicalParams(), catalog);
    auto compiled = CompileQuery(*query, catalog, dialect);
    benchmark::DoNotOptimize(compiled);
  }
}
BENCHMARK(BM_ParseAndCompileTypical);

// Just the $filter: parse + bind + compile, as the task's headline figure.
void BM_FilterParseAndCompile(benchmark::State& state) {
  const EntityCatalog& catalog = internal::TestCatalog();
  const SqliteDialect dialect;
  for (auto _ : state) {
    Query query;
    query.filter = std::move(ParseFilter(kTypicalFilter, catalog)).value();
    auto compiled = CompileQuery(query, catalog, dialect);
    benchmark::DoNotOptimize(compiled);
  }
}
BENCHMARK(BM_FilterParseAndCompile);

void BM_FilterSyntaxOnly(benchmark::State& state) {
  for (auto _ : state) {
    auto syntax = ParseFilterSyntax(kTypicalFilter);
    benchmark::DoNotOptimize(syntax);
  }
}
BENCHMARK(BM_FilterSyntaxOnly);

// A client walking a large set: no $top, so every full page links to the next one.
void BM_NextLink(benchmark::State& state) {
  FormFields params = TypicalParams();
  std::erase_if(params, [](const auto& p) { return p.first == "$top"; });
  auto query = ParseQuery(params, internal::TestCatalog());
  for (auto _ : state) {
    auto link = BuildNextLink("https://muster.example/dex/Learner/odata/v3/LearnerIdentifiers",
                              params, *query, true);
    benchmark::DoNotOptimize(link);
  }
}
BENCHMARK(BM_NextLink);

}  // namespace
}  // namespace muster::odata::query
