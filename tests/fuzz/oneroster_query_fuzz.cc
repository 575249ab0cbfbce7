// libFuzzer target for the OneRoster query layer (src/oneroster/query): the input is split on
// '\n' into limit, offset, sort, orderBy, fields and filter; the first byte picks which are
// present (bits 0-5) and whether the last one is repeated (bit 6). Everything is parsed, compiled
// in both dialects and turned into a Link header, and the layer's promises are checked: no crash,
// valid bounds, and no request text in the SQL.
//
// Standalone build (the lead wires CMake):
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I src \
//     tests/fuzz/oneroster_query_fuzz.cc \
//     src/oneroster/query/{dialect,field_catalog,filter_parser,link_header,query}.cc \
//     src/oneroster/query/{query_parser,sql_compiler}.cc \
//     src/oneroster/query/internal/{filter_value,text}.cc src/core/{form,time_format}.cc \
//     -o /tmp/oneroster_query_fuzz && /tmp/oneroster_query_fuzz -max_total_time=30

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "oneroster/query/internal/test_catalog.h"
#include "oneroster/query/link_header.h"
#include "oneroster/query/query_parser.h"
#include "oneroster/query/sql_compiler.h"

namespace {

using namespace muster::oneroster::query;  // NOLINT(build/namespaces): fuzz target only

constexpr const char* kNames[] = {"limit", "offset", "sort", "orderBy", "fields", "filter"};

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

// The SQL may only hold catalog text, fixed keywords and placeholders: after removing the
// quoted literals that legitimately appear (the ESCAPE clause and the catalog's JSON path),
// no quote may remain, and SQLite's '?' count must equal the number of bound parameters.
void CheckSql(const CompiledQuery& c, bool sqlite) {
  std::string sql = c.where;
  for (std::string_view allowed : {std::string_view("'\\'"), std::string_view("'$.ukUpn'")}) {
    for (size_t at; (at = sql.find(allowed)) != std::string::npos;) sql.erase(at, allowed.size());
  }
  Check(sql.find('\'') == std::string::npos);
  if (sqlite) {
    size_t marks = 0;
    for (char ch : c.where) marks += ch == '?';
    Check(marks == c.params.size());
  }
  Check(!c.order_by.empty());
}

void Exercise(const muster::FormFields& params) {
  const FieldCatalog& catalog = internal::TestCatalog();
  auto query = ParseCollectionQuery(params, catalog);
  if (query.ok()) {
    Check(query->limit >= 1 && query->limit <= 10000 && query->offset >= 0);
    for (const auto& f : query->fields) Check(catalog.Find(f) && catalog.Find(f)->selectable);
    for (bool sqlite : {true, false}) {
      const SqliteDialect lite;
      const PostgresDialect pg;
      auto compiled =
          CompileQuery(*query, catalog, sqlite ? static_cast<const Dialect&>(lite) : pg);
      Check(compiled.ok());
      CheckSql(*compiled, sqlite);
    }
    const int64_t total = query->offset ^ (query->limit * 7919);
    const std::string link =
        BuildLinkHeader("https://h/users", params, query->limit, query->offset, total);
    Check(link.find("rel=\"first\"") != std::string::npos);
  } else {
    Check(query.error().code == muster::ErrorCode::kInvalidArgument &&
          !query.error().reason.empty());
  }
  (void)ParseObjectQuery(params, catalog);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t present = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  muster::FormFields params;
  for (int i = 0; i < 6; ++i) {
    const size_t nl = i == 5 ? std::string_view::npos : rest.find('\n');
    const std::string_view part = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (present & (1u << i)) params.emplace_back(kNames[i], std::string(part));
  }
  // Bit 6: repeat the last parameter in upper case (a duplicate, case-insensitively).
  if ((present & 0x40) && !params.empty()) {
    std::string name = params.back().first;
    for (char& ch : name) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    params.emplace_back(name, params.back().second);
  }
  Exercise(params);
  // The whole input as a filter, too: the parser sees every byte sequence.
  (void)ParseFilter(std::string_view(reinterpret_cast<const char*>(data), size),
                    muster::oneroster::query::internal::TestCatalog());
  return 0;
}
