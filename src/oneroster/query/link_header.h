#pragma once

// RFC 8288 `Link` header values for a OneRoster collection page (oneroster.md §1.7):
// rel="first", "prev" (unless on the first page), "next" (unless on the last page) and
// "last", each the request's own URL with only `limit` and `offset` changed, so the
// caller's filter, sort, orderBy and fields carry over. Pure; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/form.h"

namespace muster::oneroster::query {

// `base_url` is the absolute URL without a query ("https://h/ims/oneroster/v1p1/users").
// `params` are the request's percent-decoded query parameters (Request::QueryFields()); each
// is re-encoded exactly once (RFC 3986 unreserved characters kept, all else %XX), the
// original `limit`/`offset` (any letter case) are dropped, and `limit=L&offset=O` appended.
// `limit` must be >= 1 (a parsed Query's always is); `total` is the X-Total-Count.
// Prev points at the page before `offset`, but never past the last page.
std::string BuildLinkHeader(std::string_view base_url, const FormFields& params, int64_t limit,
                            int64_t offset, int64_t total);

}  // namespace muster::oneroster::query
