#pragma once

// Request: what a handler sees of an HTTP request. Independent of Beast, so handlers and
// services compile without the networking headers. Header names are lower case.
// Owned by the session for the duration of one exchange; not thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/form.h"
#include "http/method.h"

namespace muster::http {

// The authenticated caller of a bearer-protected route, filled by the route guard.
struct Principal {
  std::string client_id;
  std::string organisation_id;  // upper-case GUID; empty for vendor-management tokens
  std::string vendor_id;
  std::string application_id;
  std::vector<std::string> scopes;
  std::string jti;
  int64_t expires_unix = 0;

  bool HasScope(std::string_view scope) const;
};

struct Request {
  Method method = Method::kGet;
  std::string target;  // as received: path + '?' + query
  std::string path;    // raw (not percent-decoded)
  std::string query;   // raw, without '?'
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_address;
  std::string request_id;
  bool tls = false;

  // Filled by the router and the guard.
  std::vector<std::pair<std::string_view, std::string>> path_params;  // percent-decoded
  std::optional<Principal> principal;
  std::string route_template;  // for logs and metrics

  // First header value with this (lower-case) name, or empty.
  std::string_view Header(std::string_view lower_name) const;
  bool HasHeader(std::string_view lower_name) const;
  // A path parameter by template name, or empty.
  std::string_view Param(std::string_view name) const;
  // Query parameters, decoded (lazily parsed once). A malformed query yields no fields.
  const FormFields& QueryFields() const;
  std::optional<std::string_view> QueryParam(std::string_view name) const;

 private:
  mutable std::optional<FormFields> query_fields_;
};

}  // namespace muster::http
