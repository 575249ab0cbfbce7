#include "odata/query/query_parser.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "odata/query/filter_binder.h"
#include "odata/query/internal/errors.h"
#include "odata/query/internal/list_options.h"
#include "odata/query/internal/text.h"

namespace muster::odata::query {
namespace {

using internal::Echo;
using internal::EqualsIgnoreCase;
using internal::QueryError;

enum Option {
  kTop,
  kSkip,
  kFilter,
  kOrderBy,
  kSelect,
  kExpand,
  kCount,
  kInlineCount,
  kFormat,
  kOptionCount
};
constexpr std::array<std::string_view, kOptionCount> kOptionNames = {
    "$top",    "$skip",  "$filter",      "$orderby", "$select",
    "$expand", "$count", "$inlinecount", "$format"};
// Real OData options this layer does not implement: refused by name rather than as unknown.
constexpr std::array<std::string_view, 10> kUnsupported = {
    "$search", "$skiptoken", "$deltatoken", "$apply",         "$compute",
    "$levels", "$id",        "$index",      "$schemaversion", "$callback"};

using OptionValues = std::array<std::optional<std::string_view>, kOptionCount>;

Result<OptionValues> CollectOptions(const FormFields& params) {
  OptionValues values;
  for (const auto& param : params) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture those in lambdas.
    const std::string& name = param.first;
    const std::string& value = param.second;
    if (name.empty() || name.front() != '$') continue;
    const auto known = std::find_if(kOptionNames.begin(), kOptionNames.end(),
                                    [&](std::string_view n) { return EqualsIgnoreCase(n, name); });
    if (known == kOptionNames.end()) {
      const bool unsupported =
          std::any_of(kUnsupported.begin(), kUnsupported.end(),
                      [&](std::string_view n) { return EqualsIgnoreCase(n, name); });
      return QueryError(
          kInvalidQueryOption,
          unsupported ? std::string("system query option '") + Echo(name) + "' is not supported"
                      : std::string("unknown system query option '") + Echo(name) + "'");
    }
    const size_t index = static_cast<size_t>(known - kOptionNames.begin());
    if (values[index]) {
      return QueryError(kInvalidQueryOption, std::string("system query option '") +
                                                 std::string(kOptionNames[index]) +
                                                 "' is given more than once");
    }
    if (internal::Trim(value).empty()) {
      return QueryError(kInvalidQueryOption, std::string("system query option '") +
                                                 std::string(kOptionNames[index]) +
                                                 "' has no value");
    }
    values[index] = value;
  }
  if (values[kCount] && values[kInlineCount]) {
    return QueryError(kInvalidQueryOption, "give $count or $inlinecount, not both");
  }
  return values;
}

Status ApplyPaging(const OptionValues& values, const QueryOptions& options, Query& query) {
  const int64_t max_page = std::max<int64_t>(1, options.max_page_size);
  query.top = max_page;
  bool overflow = false;
  if (values[kTop]) {
    const auto top = internal::ParseDecimalSaturating(*values[kTop], &overflow);
    if (!top) {
      return QueryError(
          kInvalidQueryOption,
          std::string("$top must be a non-negative integer, got '") + Echo(*values[kTop]) + "'");
    }
    query.requested_top = *top;  // a saturated huge $top just means "everything"
    query.top = std::min(*top, max_page);
  }
  if (values[kSkip]) {
    const auto skip = internal::ParseDecimalSaturating(*values[kSkip], &overflow);
    if (!skip) {
      return QueryError(
          kInvalidQueryOption,
          std::string("$skip must be a non-negative integer, got '") + Echo(*values[kSkip]) + "'");
    }
    if (overflow) return QueryError(kInvalidQueryOption, "$skip is too large");
    query.skip = *skip;
  }
  return OkStatus();
}

Status ApplyCountAndFormat(const OptionValues& values, Query& query) {
  if (values[kCount]) {
    const std::string_view v = *values[kCount];
    if (!EqualsIgnoreCase(v, "true") && !EqualsIgnoreCase(v, "false")) {
      return QueryError(kInvalidQueryOption,
                        std::string("$count must be true or false, got '") + Echo(v) + "'");
    }
    query.count = EqualsIgnoreCase(v, "true");
  }
  if (values[kInlineCount]) {
    const std::string_view v = *values[kInlineCount];
    if (!EqualsIgnoreCase(v, "allpages") && !EqualsIgnoreCase(v, "none")) {
      return QueryError(
          kInvalidQueryOption,
          std::string("$inlinecount must be allpages or none, got '") + Echo(v) + "'");
    }
    query.count = EqualsIgnoreCase(v, "allpages");
  }
  if (values[kFormat]) {
    const std::string_view v = internal::Trim(*values[kFormat]);
    const std::string_view media = v.substr(0, std::min(v.find(';'), v.size()));
    if (!EqualsIgnoreCase(v, "json") &&
        !EqualsIgnoreCase(internal::Trim(media), "application/json")) {
      return QueryError(kInvalidQueryOption,
                        std::string("$format '") + Echo(v) + "' is not supported; only json is");
    }
  }
  return OkStatus();
}

Status CheckLength(std::string_view value, const char* option, size_t max) {
  if (value.size() <= max) return OkStatus();
  return QueryError(kInvalidQueryOption,
                    std::string(option) + " is longer than " + std::to_string(max) + " bytes");
}

}  // namespace

Result<Query> ParseQuery(const FormFields& params, const EntityCatalog& catalog,
                         const QueryOptions& options) {
  MUSTER_ASSIGN_OR_RETURN(const OptionValues values, CollectOptions(params));
  Query query;
  MUSTER_RETURN_IF_ERROR(ApplyPaging(values, options, query));
  MUSTER_RETURN_IF_ERROR(ApplyCountAndFormat(values, query));
  if (values[kFilter]) {
    MUSTER_ASSIGN_OR_RETURN(query.filter, ParseFilter(*values[kFilter], catalog, options.filter));
  }
  if (values[kOrderBy]) {
    MUSTER_RETURN_IF_ERROR(CheckLength(*values[kOrderBy], "$orderby", options.max_list_length));
    MUSTER_ASSIGN_OR_RETURN(query.orderby, internal::ParseOrderBy(*values[kOrderBy], catalog,
                                                                  options.max_orderby_items));
  }
  if (values[kSelect]) {
    MUSTER_RETURN_IF_ERROR(CheckLength(*values[kSelect], "$select", options.max_list_length));
    MUSTER_ASSIGN_OR_RETURN(
        query.select, internal::ParseSelect(*values[kSelect], catalog, options.max_list_items));
  }
  if (values[kExpand]) {
    MUSTER_RETURN_IF_ERROR(CheckLength(*values[kExpand], "$expand", options.max_list_length));
    MUSTER_ASSIGN_OR_RETURN(
        query.expand, internal::ParseExpand(*values[kExpand], catalog, options.max_list_items));
  }
  return query;
}

}  // namespace muster::odata::query
