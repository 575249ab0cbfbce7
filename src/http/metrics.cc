#include "http/metrics.h"

#include <cstdio>

namespace muster::http {
namespace {

void AppendLabelValue(std::string& out, const std::string& v) {
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
}

std::string FormatDouble(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

void CounterFamily::Inc(const std::string& label_value, uint64_t n) {
  {
    std::shared_lock lock(mu_);
    auto it = values_.find(label_value);
    if (it != values_.end()) {
      it->second->fetch_add(n, std::memory_order_relaxed);
      return;
    }
  }
  std::unique_lock lock(mu_);
  auto& slot = values_[label_value];
  if (!slot) slot = std::make_unique<std::atomic<uint64_t>>(0);
  slot->fetch_add(n, std::memory_order_relaxed);
}

uint64_t CounterFamily::Value(const std::string& label_value) const {
  std::shared_lock lock(mu_);
  auto it = values_.find(label_value);
  return it == values_.end() ? 0 : it->second->load();
}

void CounterFamily::Render(std::string& out) const {
  out += "# HELP " + name_ + " " + help_ + "\n# TYPE " + name_ + " counter\n";
  std::shared_lock lock(mu_);
  for (const auto& [value, count] : values_) {
    out += name_ + "{" + label_ + "=\"";
    AppendLabelValue(out, value);
    out += "\"} " + std::to_string(count->load()) + "\n";
  }
}

Metrics::Metrics() {
  auto unmatched = std::make_unique<RouteStats>();
  unmatched->method = "ANY";
  unmatched->path = "unmatched";
  routes_.push_back(std::move(unmatched));
}

int Metrics::RegisterRoute(const std::string& method, const std::string& path_template) {
  auto stats = std::make_unique<RouteStats>();
  stats->method = method;
  stats->path = path_template;
  routes_.push_back(std::move(stats));
  return static_cast<int>(routes_.size() - 1);
}

void Metrics::Observe(int slot, int status, double seconds) {
  RouteStats& s = *routes_[slot < 0 ? 0 : static_cast<size_t>(slot)];
  size_t i = 0;
  while (i < kStatuses.size() && kStatuses[i] != status) ++i;
  s.by_status[i].fetch_add(1, std::memory_order_relaxed);
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.sum_us.fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

CounterFamily& Metrics::AddCounter(std::string name, std::string help, std::string label) {
  counters_.push_back(
      std::make_unique<CounterFamily>(std::move(name), std::move(help), std::move(label)));
  return *counters_.back();
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  gauges_.push_back(Gauge{std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::Render() const {
  std::string out;
  out.reserve(16384);
  out +=
      "# HELP muster_http_requests_total HTTP requests by route and status.\n"
      "# TYPE muster_http_requests_total counter\n";
  for (const auto& r : routes_) {
    for (size_t i = 0; i <= kStatuses.size(); ++i) {
      uint64_t n = r->by_status[i].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += "muster_http_requests_total{method=\"" + r->method + "\",route=\"";
      AppendLabelValue(out, r->path);
      out += "\",status=\"";
      out += i < kStatuses.size() ? std::to_string(kStatuses[i]) : std::string("other");
      out += "\"} " + std::to_string(n) + "\n";
    }
  }
  out +=
      "# HELP muster_http_request_duration_seconds Time from request read to response "
      "written.\n# TYPE muster_http_request_duration_seconds histogram\n";
  for (const auto& r : routes_) {
    uint64_t cumulative = 0;
    std::string labels = "method=\"" + r->method + "\",route=\"";
    AppendLabelValue(labels, r->path);
    labels += "\"";
    uint64_t total = 0;
    for (const auto& b : r->buckets) total += b.load(std::memory_order_relaxed);
    if (total == 0) continue;
    for (size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += r->buckets[b].load(std::memory_order_relaxed);
      out += "muster_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             FormatDouble(kBuckets[b]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "muster_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(total) + "\n";
    out += "muster_http_request_duration_seconds_sum{" + labels + "} " +
           FormatDouble(static_cast<double>(r->sum_us.load()) / 1e6) + "\n";
    out += "muster_http_request_duration_seconds_count{" + labels + "} " + std::to_string(total) +
           "\n";
  }
  for (const auto& c : counters_) c->Render(out);
  for (const auto& g : gauges_) {
    out += "# HELP " + g.name + " " + g.help + "\n# TYPE " + g.name + " gauge\n";
    out += g.name + " " + FormatDouble(g.read()) + "\n";
  }
  return out;
}

}  // namespace muster::http
