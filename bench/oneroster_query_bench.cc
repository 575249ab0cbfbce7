// Parse + compile of the OneRoster query parameters consumers send on every delta sync
// (oneroster.md §6: nightly/hourly `dateLastModified>` pages of 5000 on ~8 collections).

#include <benchmark/benchmark.h>

#include "oneroster/query/internal/test_catalog.h"
#include "oneroster/query/link_header.h"
#include "oneroster/query/query_parser.h"
#include "oneroster/query/sql_compiler.h"

namespace muster::oneroster::query {
namespace {

const FormFields& DeltaParams() {
  static const FormFields kParams = {
      {"filter", "role='student' AND dateLastModified>'2024-01-01T01:00:00.000Z'"},
      {"limit", "5000"},
      {"offset", "10000"},
      {"sort", "familyName"},
      {"fields", "sourcedId,status,dateLastModified,givenName,familyName,email"}};
  return kParams;
}

void BM_ParseAndCompileDelta(benchmark::State& state) {
  const FieldCatalog& catalog = internal::TestCatalog();
  const PostgresDialect dialect;
  for (auto _ : state) {
    auto query = ParseCollectionQuery(DeltaParams(), catalog);
    auto compiled = CompileQuery(*query, catalog, dialect);
    benchmark::DoNotOptimize(compiled);
  }
}
BENCHMARK(BM_ParseAndCompileDelta);

void BM_ParseFilterOnly(benchmark::State& state) {
  const FieldCatalog& catalog = internal::TestCatalog();
  for (auto _ : state) {
    auto filter = ParseFilter("dateLastModified>'2024-01-01T01:00:00.000Z'", catalog);
    benchmark::DoNotOptimize(filter);
  }
}
BENCHMARK(BM_ParseFilterOnly);

void BM_LinkHeader(benchmark::State& state) {
  for (auto _ : state) {
    auto header = BuildLinkHeader("https://muster.example/ims/oneroster/v1p1/users", DeltaParams(),
                                  5000, 10000, 1100000);
    benchmark::DoNotOptimize(header);
  }
}
BENCHMARK(BM_LinkHeader);

}  // namespace
}  // namespace muster::oneroster::query
