#pragma once

// Operational routes: /healthz (the process answers), /readyz (the store answers and a
// signing key is loaded), /metrics (Prometheus text).

#include <functional>

#include "core/result.h"
#include "http/metrics.h"
#include "http/router.h"

namespace muster::app {

struct OpsDeps {
  http::Metrics& metrics;
  std::function<Status()> ready;  // OK when the node can serve
};

Status RegisterOpsRoutes(http::Router& router, const OpsDeps& deps);

}  // namespace muster::app
