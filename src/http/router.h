#pragma once

// Router: the route tables of every API module, matched by method and path template.
// Literal paths are found by hash lookup; templated ones by segment comparison. 404 (no
// such path) and 405 (path exists, method does not; with Allow) are distinct. Adding a
// duplicate (method, template) or an ambiguous template fails at startup.
//
// Thread-safety: built on one thread at startup, then read-only: Dispatch() may run on
// every I/O and worker thread concurrently.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

namespace muster::http {

// Checks a bearer-protected route's token and scope, filling request.principal.
using RouteGuard = std::function<Status(const Route&, Request&)>;

class Router {
 public:
  Router() = default;
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Adds a route; kConflict for a duplicate, kInvalidArgument for a bad template.
  Status Add(Route route);
  // The error shape for unmatched paths under `prefix` (longest prefix wins).
  void SetShapeForPrefix(std::string prefix, ErrorShape shape);
  void SetGuard(RouteGuard guard) { guard_ = std::move(guard); }

  struct Match {
    const Route* route = nullptr;
    bool method_not_allowed = false;
    std::string allow;  // for 405
  };
  // Finds the route and fills request.path_params and request.route_template.
  Match Find(Request& request) const;

  // Match → guard → handler → error mapping. Never throws.
  Response Dispatch(Request& request, const Match& match) const;
  Response Dispatch(Request& request) const { return Dispatch(request, Find(request)); }

  ErrorShape ShapeFor(std::string_view path) const;
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  struct Compiled {
    const Route* route;
    std::vector<std::string> segments;  // "{x}" marks a parameter
  };

  std::vector<std::unique_ptr<Route>> routes_;
  std::unordered_map<std::string, std::vector<const Route*>> literal_;
  std::vector<Compiled> templated_;
  std::vector<std::pair<std::string, ErrorShape>> prefix_shapes_;
  RouteGuard guard_;
};

// Splits "/a/b/c" into {"a","b","c"}.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace muster::http
