#include "app/ops_routes.h"

#include "core/json_writer.h"

namespace muster::app {

Status RegisterOpsRoutes(http::Router& router, const OpsDeps& deps) {
  const OpsDeps* d = &deps;
  http::Route health;
  health.method = http::Method::kGet;
  health.path = "/healthz";
  health.group = "ops";
  health.help = "Liveness: the process is serving.";
  health.handler = [](http::Request&) -> Result<http::Response> {
    http::Response r = http::Response::Json(200, R"({"status":"ok"})");
    r.Header("Cache-Control", "no-store");
    return r;
  };
  MUSTER_RETURN_IF_ERROR(router.Add(std::move(health)));

  http::Route ready;
  ready.method = http::Method::kGet;
  ready.path = "/readyz";
  ready.group = "ops";
  ready.help = "Readiness: the store answers and a signing key is loaded.";
  ready.offload = true;  // touches the store
  ready.handler = [d](http::Request&) -> Result<http::Response> {
    Status s = d->ready();
    std::string body;
    JsonWriter w(body);
    w.BeginObject().Member("status", s.ok() ? "ready" : "not_ready");
    if (!s.ok()) w.Member("reason", s.error().message);
    w.EndObject();
    http::Response r = http::Response::Json(s.ok() ? 200 : 503, std::move(body));
    r.Header("Cache-Control", "no-store");
    return r;
  };
  MUSTER_RETURN_IF_ERROR(router.Add(std::move(ready)));

  http::Route metrics;
  metrics.method = http::Method::kGet;
  metrics.path = "/metrics";
  metrics.group = "ops";
  metrics.help = "Prometheus metrics.";
  metrics.handler = [d](http::Request&) -> Result<http::Response> {
    return http::Response::Text(200, d->metrics.Render(), "text/plain; version=0.0.4");
  };
  return router.Add(std::move(metrics));
}

}  // namespace muster::app
