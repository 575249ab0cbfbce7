#pragma once

// RosterReader: the OneRoster 1.1 read operations (oneroster.md §1.3–§1.8) as a pure
// service over RosterStore. It turns a request's query parameters into a store query,
// decides whether tombstones are shown, and writes the response body: the envelope
// ({"users":[...]} / {"user":{...}}), each object's GUIDRefs with absolute hrefs, and the
// 1.1 `statusInfoSet` warnings (unknown sort or fields names). Collections also get their
// X-Total-Count and RFC 8288 Link values. The route table (oneroster_routes.h) only maps
// paths and the caller's token to these calls.
//
// Errors (codeMinor in Error::reason, mapped to imsx_ by the HTTP edge): 400 invaliddata /
// invalid_filter_field / invalid_selection_field for a bad query, 404 unknownobject for an
// object that is absent or another school's, and the store's kUnavailable/kInternal.
// Thread-safe: holds only the store reference and options.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/form.h"
#include "core/result.h"
#include "oneroster/query/query_parser.h"
#include "roster/collections.h"
#include "roster/roster_store.h"

namespace muster::oneroster::api {

// Where a response's URLs point: `href_base` is the absolute OneRoster root
// ("https://h/ims/oneroster/v1p1") for GUIDRef hrefs; `self_url` the absolute URL of this
// request without its query, for Link.
struct Urls {
  std::string_view href_base;
  std::string_view self_url;
};

struct CollectionAnswer {
  std::string body;
  int64_t total = 0;     // X-Total-Count
  std::string link;      // Link header value
  bool clamped = false;  // the request's limit was above the maximum and was lowered
};

class RosterReader {
 public:
  explicit RosterReader(roster::RosterStore& store, query::QueryOptions options = {})
      : store_(store), options_(options) {}

  Result<CollectionAnswer> List(const roster::RosterScope& scope, const roster::ListTarget& target,
                                const FormFields& params, const Urls& urls) const;

  // The body of a single-object read ({"user":{...}}); only `fields` is read from params.
  Result<std::string> Get(const roster::RosterScope& scope, roster::ObjectKind kind,
                          std::string_view sourced_id, const FormFields& params,
                          const Urls& urls) const;

  const query::QueryOptions& options() const { return options_; }

 private:
  roster::RosterStore& store_;
  query::QueryOptions options_;
};

}  // namespace muster::oneroster::api
