// libFuzzer target for the OData query layer (src/odata/query): the input's first two bytes
// pick which of $filter, $orderby, $select, $expand, $top, $skip, $count, $inlinecount and
// $format are present (bits 0-8), whether the last one is repeated in upper case (bit 9) and
// whether a non-$ parameter rides along (bit 10); the rest is split on '\n' into their values.
// Everything is parsed, compiled in both dialects and turned into a next link, and the layer's
// promises are checked: no crash, bounded paging, names from the catalog only, SQL made of
// catalog columns, keywords and placeholders only (every bound value a parameter), and a next
// link that decodes back to the request's parameters. The whole input is also fed to the
// $filter parser and binder directly.

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/form.h"
#include "odata/query/filter_binder.h"
#include "odata/query/internal/test_catalog.h"
#include "odata/query/next_link.h"
#include "odata/query/query_parser.h"
#include "odata/query/sql_compiler.h"

namespace {

using namespace muster::odata::query;  // NOLINT(build/namespaces): fuzz target only

constexpr const char* kNames[] = {"$filter", "$orderby", "$select",      "$expand", "$top",
                                  "$skip",   "$count",   "$inlinecount", "$format"};
constexpr int kNameCount = 9;

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Every word in the SQL must be a keyword, a function, a word of a catalog column or a number
// (PostgreSQL placeholders), and the only quoted text the ESCAPE clause's '\'.
void CheckSqlWords(const std::string& sql) {
  static const std::set<std::string> kAllowed = [] {
    std::set<std::string> words = {"AND",  "OR",   "IS",     "NOT",   "NULL",
                                   "TRUE", "LIKE", "ESCAPE", "lower", "upper",
                                   "ASC",  "DESC", "NULLS",  "FIRST", "LAST"};
    for (const auto& p : internal::TestCatalog().properties()) {
      std::string word;
      for (char c : p.column + " ") {
        if (IsWordChar(c)) {
          word.push_back(c);
        } else if (!word.empty()) {
          words.insert(word);
          word.clear();
        }
      }
    }
    return words;
  }();
  std::string rest = sql;
  for (size_t at; (at = rest.find("'\\'")) != std::string::npos;) rest.erase(at, 3);
  Check(rest.find('\'') == std::string::npos);
  std::string word;
  for (char c : rest + " ") {
    if (IsWordChar(c)) {
      word.push_back(c);
      continue;
    }
    Check(std::string_view("()<>=?$,. ").find(c) != std::string_view::npos);
    if (!word.empty()) {
      const bool number = word.find_first_not_of("0123456789") == std::string::npos;
      Check(number || kAllowed.count(word) == 1);
      word.clear();
    }
  }
}

void CheckCompiled(const CompiledQuery& c, bool sqlite) {
  CheckSqlWords(c.where);
  CheckSqlWords(c.order_by);
  Check(c.order_by.find(internal::TestCatalog().key().column) != std::string::npos);
  size_t marks = 0;
  for (char ch : c.where) marks += sqlite ? ch == '?' : ch == '$';
  Check(marks == c.params.size());
  Check(c.next_placeholder == static_cast<int>(c.params.size()) + 1);
}

bool IsPagingOption(std::string_view name) {
  std::string lower(name);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lower == "$skip" || lower == "$top";
}

void CheckNextLink(const muster::FormFields& params, const Query& query) {
  const std::string link = BuildNextLink("https://h/LearnerPersonals", params, query, true);
  if (link.empty()) return;
  auto decoded = muster::ParseForm(link.substr(link.find('?') + 1), 1024);
  Check(decoded.ok());
  size_t kept = 0;
  for (const auto& [name, value] : params) {
    if (IsPagingOption(name)) continue;
    Check(kept < decoded->size() && (*decoded)[kept].first == name &&
          (*decoded)[kept].second == value);
    ++kept;
  }
}

void Exercise(const muster::FormFields& params) {
  const EntityCatalog& catalog = internal::TestCatalog();
  auto query = ParseQuery(params, catalog);
  if (!query.ok()) {
    const std::string& reason = query.error().reason;
    Check(query.error().code == muster::ErrorCode::kInvalidArgument);
    Check(reason == kInvalidQueryOption || reason == kInvalidFilter || reason == kUnknownProperty ||
          reason == kInvalidLiteral);
    Check(!query.error().message.empty());
    return;
  }
  Check(query->top >= 0 && query->top <= 1000 && query->skip >= 0);
  for (const auto& name : query->select) {
    Check(catalog.FindProperty(name) != nullptr || catalog.FindNavigation(name) != nullptr);
  }
  for (const auto& name : query->expand) Check(catalog.FindNavigation(name)->expandable);
  for (const auto& item : query->orderby) Check(catalog.FindProperty(item.path)->sortable);
  const SqliteDialect lite;
  const PostgresDialect pg;
  for (bool sqlite : {true, false}) {
    auto compiled = CompileQuery(*query, catalog, sqlite ? static_cast<const Dialect&>(lite) : pg);
    Check(compiled.ok());
    CheckCompiled(*compiled, sqlite);
  }
  CheckNextLink(params, *query);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const unsigned present = data[0] | (static_cast<unsigned>(data[1]) << 8);
  std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);
  muster::FormFields params;
  if (present & 0x400) params.emplace_back("school", "x&y");
  for (int i = 0; i < kNameCount; ++i) {
    const size_t nl = i == kNameCount - 1 ? std::string_view::npos : rest.find('\n');
    const std::string_view part = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (present & (1u << i)) params.emplace_back(kNames[i], std::string(part));
  }
  if ((present & 0x200) && !params.empty()) {
    std::string name = params.back().first;
    for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    params.emplace_back(name, params.back().second);
  }
  Exercise(params);

  const std::string_view whole(reinterpret_cast<const char*>(data), size);
  auto syntax = ParseFilterSyntax(whole);
  if (syntax.ok()) {
    (void)DebugString(*syntax);
    auto bound = BindFilter(*syntax, internal::TestCatalog());
    if (bound.ok()) {
      Query query;
      query.filter = std::move(bound).value();
      auto compiled = CompileQuery(query, internal::TestCatalog(), SqliteDialect());
      Check(compiled.ok());
      CheckCompiled(*compiled, true);
    }
  }
  return 0;
}
