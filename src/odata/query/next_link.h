#pragma once

// Server-driven paging for DeX collections (OData v4 §11.2.5.7, product.md §4.2).
//
// @odata.nextLink: the request's own URL asking for the following page, or nothing on the
// last page. Every parameter the client sent is kept (in its order, each re-encoded exactly
// once) except `$skip` and `$top`, which are replaced: `$skip` advances by the page size and,
// when the client gave `$top`, `$top` becomes what is left of it (a client asking for
// $top=2500 with a 1000 cap gets 1000 + 1000 + 500, the last page without a next link).
//
// @odata.count (Query::count, from $count=true or $inlinecount=allpages): the number of rows
// matching $filter alone, before $skip and $top; the same on every page. It is computed by the
// store with the compiled WHERE and params (sql_compiler.h).
//
// Pure; thread-safe.

#include <string>
#include <string_view>

#include "core/form.h"
#include "odata/query/query.h"

namespace muster::odata::query {

// `base_url`: the absolute URL without its query
// ("https://h/dex/Learner/odata/v3/LearnerPersonals"). `params`: the request's percent-decoded
// query parameters (Request::QueryFields()), as given to ParseQuery. `more_rows`: the store
// found at least one row after this page (e.g. it fetched query.top + 1). Returns "" when there
// is no next page: no more rows, an empty page ($top=0), the client's $top is used up, or
// $skip would overflow.
std::string BuildNextLink(std::string_view base_url, const FormFields& params, const Query& query,
                          bool more_rows);

// Percent-encodes a query component once: RFC 3986 unreserved characters stay, and so does
// '$' (so option names read `$skip`); everything else, including '+', '&', '=', '%' and
// space, becomes %XX.
std::string EncodeQueryComponent(std::string_view text);

}  // namespace muster::odata::query
