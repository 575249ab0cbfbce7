#pragma once

// AddDocumentRoute: the GET route that serves one of an API module's embedded documents
// (its OpenAPI JSON at /openapi/<api>.json), in the route group "docs", cacheable for an hour.

#include <string>
#include <string_view>

#include "core/result.h"
#include "http/router.h"

namespace muster::http {

// Adds GET `path` answering 200 with `json` (application/json) and
// `Cache-Control: public, max-age=3600`. `json` must outlive the router; it is an embedded
// document (static storage). Fails as Router::Add does (kConflict for a duplicate path).
Status AddDocumentRoute(Router& router, std::string path, std::string help, std::string_view json);

}  // namespace muster::http
