#pragma once

// The parsed form of a DeX (OData) collection request's system query options (product.md
// §4.2): paging, count, filter, order, selection and expansion. Plain values: copyable, no
// references into the request or the catalog. Every name in it is the catalog's spelling,
// already validated against the EntityCatalog it was parsed with.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "odata/query/ast.h"

namespace muster::odata::query {

// OData error codes this layer puts into Error::reason; the HTTP edge renders them as
// {"error":{"code": reason, "message": message}} (http/error_mapping.cc, ErrorShape::kOData).
// Every one comes with ErrorCode::kInvalidArgument (400).
inline constexpr char kInvalidQueryOption[] = "InvalidQueryOption";  // option name/value/repeat
inline constexpr char kInvalidFilter[] = "InvalidFilter";            // $filter syntax or typing
inline constexpr char kUnknownProperty[] = "UnknownProperty";  // not in the catalog for that use
inline constexpr char kInvalidLiteral[] = "InvalidLiteral";    // malformed or mistyped literal

struct OrderItem {
  std::string path;  // a sortable catalog property: "PreferredSurname", "CurrentYearGroup/…"
  bool descending = false;
  bool operator==(const OrderItem&) const = default;
};

struct Query {
  // Rows on this page: min($top, max page size); the max page size without $top.
  int64_t top = 1000;
  int64_t skip = 0;
  // The client's $top when it was given. Above the page size it is a total across pages: the
  // next link asks for the remainder (next_link.h).
  std::optional<int64_t> requested_top;
  // $count=true or $inlinecount=allpages: the response carries @odata.count, the number of
  // rows matching $filter regardless of $top and $skip.
  bool count = false;
  // The bound $filter (filter_binder.h normal form); nullopt = every row.
  std::optional<Node> filter;
  // $orderby in request order, without repeats. The compiler appends the key as tiebreaker.
  std::vector<OrderItem> orderby;
  // $select: selectable properties and navigation names in request order, without repeats;
  // empty = all ($select absent or `*`).
  std::vector<std::string> select;
  // $expand: expandable navigation names in request order, without repeats (`*` = all).
  std::vector<std::string> expand;
};

}  // namespace muster::odata::query
