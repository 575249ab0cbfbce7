#include "http/metrics.h"

#include <gtest/gtest.h>

namespace muster::http {
namespace {

TEST(Metrics, RendersRequestsHistogramCountersAndGauges) {
  Metrics m;
  int slot = m.RegisterRoute("POST", "/connect/token");
  m.Observe(slot, 200, 0.0003);
  m.Observe(slot, 200, 0.002);
  m.Observe(slot, 401, 0.0001);
  m.Observe(-1, 404, 0.0001);
  m.AddCounter("muster_tokens_refused_total", "Refused.", "reason").Inc("invalid_client", 2);
  m.AddGauge("muster_clients_loaded", "Clients.", [] { return 7.0; });
  std::string text = m.Render();
  EXPECT_NE(
      text.find(
          R"(muster_http_requests_total{method="POST",route="/connect/token",status="200"} 2)"),
      std::string::npos);
  EXPECT_NE(text.find(R"(status="401"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(route="unmatched",status="404"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(le="0.0005"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(le="+Inf"} 3)"), std::string::npos);
  EXPECT_NE(text.find(R"(muster_tokens_refused_total{reason="invalid_client"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find("muster_clients_loaded 7"), std::string::npos);
}

}  // namespace
}  // namespace muster::http
