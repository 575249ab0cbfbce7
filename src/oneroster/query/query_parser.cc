#include "oneroster/query/query_parser.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "oneroster/query/internal/text.h"

namespace muster::oneroster::query {
namespace {

using internal::Echo;

enum Param { kLimit, kOffset, kSort, kOrderBy, kFields, kFilter, kParamCount };
constexpr std::array<std::string_view, kParamCount> kParamNames = {"limit",   "offset", "sort",
                                                                   "orderBy", "fields", "filter"};

using ParamValues = std::array<std::optional<std::string_view>, kParamCount>;

Error BadRequest(const char* code_minor, std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, code_minor, std::move(message));
}

// Picks our parameters out of `params`; with `only_fields`, all but `fields` are left unset.
Result<ParamValues> CollectParams(const FormFields& params, bool only_fields) {
  ParamValues values;
  for (const auto& [name, value] : params) {
    for (size_t p = 0; p < kParamCount; ++p) {
      if (only_fields && p != kFields) continue;
      if (!internal::EqualsIgnoreCase(name, kParamNames[p])) continue;
      if (values[p]) {
        return BadRequest(kInvalidData, "query parameter '" + std::string(kParamNames[p]) +
                                            "' is given more than once");
      }
      values[p] = value;
    }
  }
  return values;
}

// Non-negative decimal digits only (a leading '+' is tolerated). Saturates at INT64_MAX and
// reports that through `overflow`. nullopt if not a number.
std::optional<int64_t> ParseCount(std::string_view s, bool* overflow) {
  s = internal::Trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  return internal::ParseDecimalSaturating(s, overflow);
}

Status ApplyLimit(std::optional<std::string_view> text, const QueryOptions& options, Query& query) {
  const int64_t max_limit = std::max<int64_t>(1, options.max_limit);
  query.limit = std::clamp<int64_t>(options.default_limit, 1, max_limit);
  if (!text) return OkStatus();
  bool overflow = false;
  auto v = ParseCount(*text, &overflow);
  if (!v || *v == 0) {
    return BadRequest(kInvalidData, "limit must be a positive integer, got '" + Echo(*text) + "'");
  }
  query.limit_clamped = *v > max_limit;
  query.limit = std::min(*v, max_limit);
  return OkStatus();
}

Status ApplyOffset(std::optional<std::string_view> text, Query& query) {
  if (!text) return OkStatus();
  bool overflow = false;
  auto v = ParseCount(*text, &overflow);
  if (!v) {
    return BadRequest(kInvalidData,
                      "offset must be a non-negative integer, got '" + Echo(*text) + "'");
  }
  if (overflow) return BadRequest(kInvalidData, "offset is too large");
  query.offset = *v;
  return OkStatus();
}

void ApplySort(std::optional<std::string_view> sort, std::optional<std::string_view> order_by,
               const FieldCatalog& catalog, Query& query) {
  const std::string_view name = internal::Trim(sort.value_or(""));
  bool fallback = false;
  if (!name.empty()) {
    const FieldSpec* spec = catalog.Find(name);
    if (spec != nullptr && spec->sortable) {
      if (spec != &catalog.key()) query.sort_field = spec->name;
    } else {
      fallback = true;
      query.warnings.push_back(
          {kInvalidSortField, "cannot sort by '" + Echo(name) + "'; using the default order"});
    }
  }
  const std::string_view dir = internal::Trim(order_by.value_or(""));
  if (internal::EqualsIgnoreCase(dir, "desc")) {
    query.direction = SortDirection::kDesc;
  } else if (!dir.empty() && !internal::EqualsIgnoreCase(dir, "asc")) {
    query.warnings.push_back(
        {kInvalidSortField, "orderBy must be 'asc' or 'desc', got '" + Echo(dir) + "'; using asc"});
  }
  if (fallback) query.direction = SortDirection::kAsc;  // the default order is key ascending
}

Status ApplyFields(std::string_view text, const FieldCatalog& catalog, const QueryOptions& options,
                   Query& query) {
  size_t named = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string_view name = internal::Trim(text.substr(start, comma - start));
    start = comma + 1;
    if (name.empty()) continue;
    if (++named > options.max_fields) {
      return BadRequest(kInvalidSelectionField,
                        "fields names more than " + std::to_string(options.max_fields) + " fields");
    }
    const FieldSpec* spec = catalog.Find(name);
    if (spec == nullptr || !spec->selectable) {
      query.warnings.push_back(
          {kInvalidSelectionField, "unknown field '" + Echo(name) + "' in fields; ignored"});
    } else if (std::find(query.fields.begin(), query.fields.end(), spec->name) ==
               query.fields.end()) {
      query.fields.push_back(spec->name);
    }
  }
  if (query.fields.empty()) {
    return BadRequest(kInvalidSelectionField,
                      named == 0 ? "fields is blank" : "fields names no known field");
  }
  return OkStatus();
}

}  // namespace

Result<Query> ParseCollectionQuery(const FormFields& params, const FieldCatalog& catalog,
                                   const QueryOptions& options) {
  MUSTER_ASSIGN_OR_RETURN(const ParamValues values, CollectParams(params, false));
  Query query;
  MUSTER_RETURN_IF_ERROR(ApplyLimit(values[kLimit], options, query));
  MUSTER_RETURN_IF_ERROR(ApplyOffset(values[kOffset], query));
  ApplySort(values[kSort], values[kOrderBy], catalog, query);
  if (values[kFields]) {
    MUSTER_RETURN_IF_ERROR(ApplyFields(*values[kFields], catalog, options, query));
  }
  if (values[kFilter]) {
    MUSTER_ASSIGN_OR_RETURN(query.filter,
                            ParseFilter(*values[kFilter], catalog, options.max_filter_length));
  }
  return query;
}

Result<Query> ParseObjectQuery(const FormFields& params, const FieldCatalog& catalog,
                               const QueryOptions& options) {
  MUSTER_ASSIGN_OR_RETURN(const ParamValues values, CollectParams(params, true));
  Query query;
  query.limit =
      std::clamp<int64_t>(options.default_limit, 1, std::max<int64_t>(1, options.max_limit));
  if (values[kFields]) {
    MUSTER_RETURN_IF_ERROR(ApplyFields(*values[kFields], catalog, options, query));
  }
  return query;
}

}  // namespace muster::oneroster::query
