#pragma once

// Route: one row of an API module's route table (STYLE.md habit 5). Each API module
// exposes RegisterRoutes(Router&, const Deps&) that adds its rows; the path templates are
// the spec's literal paths with {Name} parameters.

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"
#include "http/method.h"
#include "http/request.h"
#include "http/response.h"

namespace muster::http {

// The error body an API speaks; errors are mapped to it once, in error_mapping.cc.
enum class ErrorShape {
  kPlain,   // {"error": "...", "error_description": "..."}
  kOAuth2,  // RFC 6749 §5.2
  kImsx,    // OneRoster imsx_StatusInfo
  kOData,   // {"error": {"code": "...", "message": "..."}}
};

using Handler = std::function<Result<Response>(Request&)>;

struct Route {
  Method method = Method::kGet;
  std::string path;   // template, e.g. "/api/v1/partner/{ApplicationId}/GetSiteByApplication"
  std::string group;  // route group, e.g. "sts", "oneroster", "dex" (metrics, gateway keys)
  std::string scope;  // required OAuth scope ("" = the route is not bearer-protected)
  bool mutates = false;
  ErrorShape shape = ErrorShape::kPlain;
  int64_t body_limit = 0;  // bytes; 0 = the server default
  bool offload = false;    // run the handler on the worker pool (store-bound work)
  std::string help;
  Handler handler;
};

}  // namespace muster::http
