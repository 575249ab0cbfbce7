#include "http/router.h"

#include <exception>

#include "core/form.h"
#include "core/log.h"
#include "http/error_mapping.h"

namespace muster::http {
namespace {

bool IsParam(std::string_view segment) {
  return segment.size() >= 3 && segment.front() == '{' && segment.back() == '}';
}

void AppendAllow(std::string& allow, Method m) {
  if (!allow.empty()) allow += ", ";
  allow += MethodName(m);
}

}  // namespace

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') {
      ++pos;
      continue;
    }
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

Status Router::Add(Route route) {
  if (route.path.empty() || route.path[0] != '/' || !route.handler) {
    return MakeError(ErrorCode::kInvalidArgument, "", "bad route: " + route.path);
  }
  auto segments = SplitPath(route.path);
  bool templated = false;
  for (auto s : segments) templated |= IsParam(s);
  // Duplicate detection: same method and same shape of template.
  for (const auto& existing : routes_) {
    if (existing->method != route.method) continue;
    auto other = SplitPath(existing->path);
    if (other.size() != segments.size()) continue;
    bool same = true;
    for (size_t i = 0; i < segments.size() && same; ++i) {
      same = (IsParam(other[i]) && IsParam(segments[i])) || other[i] == segments[i];
    }
    if (same) {
      return MakeError(ErrorCode::kConflict, "",
                       "duplicate route " + std::string(MethodName(route.method)) + " " +
                           route.path + " (already " + existing->path + ")");
    }
  }
  routes_.push_back(std::make_unique<Route>(std::move(route)));
  const Route* r = routes_.back().get();
  if (templated) {
    Compiled c{r, {}};
    for (auto s : segments) c.segments.emplace_back(s);
    templated_.push_back(std::move(c));
  } else {
    literal_[r->path].push_back(r);
  }
  return OkStatus();
}

void Router::SetShapeForPrefix(std::string prefix, ErrorShape shape) {
  prefix_shapes_.emplace_back(std::move(prefix), shape);
}

ErrorShape Router::ShapeFor(std::string_view path) const {
  ErrorShape best = ErrorShape::kPlain;
  size_t best_len = 0;
  for (const auto& [prefix, shape] : prefix_shapes_) {
    if (path.substr(0, prefix.size()) == prefix && prefix.size() > best_len) {
      best = shape;
      best_len = prefix.size();
    }
  }
  return best;
}

Router::Match Router::Find(Request& request) const {
  Match m;
  // HEAD is served by GET routes.
  Method want = request.method == Method::kHead ? Method::kGet : request.method;
  if (auto it = literal_.find(request.path); it != literal_.end()) {
    for (const Route* r : it->second) {
      if (r->method == want) {
        m.route = r;
        request.route_template = r->path;
        return m;
      }
      AppendAllow(m.allow, r->method);
    }
    m.method_not_allowed = true;
    return m;
  }
  auto segments = SplitPath(request.path);
  for (const Compiled& c : templated_) {
    if (c.segments.size() != segments.size()) continue;
    bool match = true;
    for (size_t i = 0; i < segments.size() && match; ++i) {
      match = IsParam(c.segments[i]) || c.segments[i] == segments[i];
    }
    if (!match) continue;
    if (c.route->method != want) {
      AppendAllow(m.allow, c.route->method);
      m.method_not_allowed = true;
      continue;
    }
    request.path_params.clear();
    for (size_t i = 0; i < segments.size(); ++i) {
      if (!IsParam(c.segments[i])) continue;
      std::string_view name = c.segments[i];
      name = name.substr(1, name.size() - 2);
      auto decoded = PercentDecode(segments[i], false);
      request.path_params.emplace_back(name, decoded ? std::move(*decoded) : std::string());
    }
    request.route_template = c.route->path;
    m.route = c.route;
    m.method_not_allowed = false;
    return m;
  }
  return m;
}

Response Router::Dispatch(Request& request, const Match& match) const {
  if (!match.route) {
    ErrorShape shape = ShapeFor(request.path);
    if (match.method_not_allowed) {
      Response r = MapError(shape,
                            MakeError(ErrorCode::kInvalidArgument, "method_not_allowed",
                                      "This method is not allowed on this resource."),
                            request);
      r.status = 405;
      r.Header("Allow", match.allow);
      return r;
    }
    return MapError(shape, MakeError(ErrorCode::kNotFound, "", "No resource at this path."),
                    request);
  }
  const Route& route = *match.route;
  try {
    if (!route.scope.empty() && guard_) {
      Status s = guard_(route, request);
      if (!s.ok()) return MapError(route.shape, s.error(), request);
    }
    Result<Response> result = route.handler(request);
    if (result.ok()) return std::move(result).value();
    const Error& e = result.error();
    if (e.code == ErrorCode::kInternal) {
      log::Error(
          "handler.error",
          {{"request_id", request.request_id}, {"route", route.path}, {"internal", e.internal}});
    }
    return MapError(route.shape, e, request);
  } catch (const std::exception& ex) {
    log::Error("handler.exception",
               {{"request_id", request.request_id}, {"route", route.path}, {"what", ex.what()}});
  } catch (...) {
    log::Error("handler.exception", {{"request_id", request.request_id}, {"route", route.path}});
  }
  return MapError(route.shape, MakeError(ErrorCode::kInternal, "", ""), request);
}

}  // namespace muster::http
