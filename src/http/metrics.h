#pragma once

// Metrics: Prometheus text exposition (version 0.0.4) of request counts by route and
// status, a latency histogram per route, labelled counters (tokens issued and refused by
// reason) and gauges read at scrape time.
//
// Thread-safety: Observe* and counter increments are lock-free atomics on the hot path;
// registration happens at startup; Render() may run concurrently with observation.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

namespace muster::http {

class CounterFamily {
 public:
  CounterFamily(std::string name, std::string help, std::string label)
      : name_(std::move(name)), help_(std::move(help)), label_(std::move(label)) {}
  void Inc(const std::string& label_value, uint64_t n = 1);
  uint64_t Value(const std::string& label_value) const;
  void Render(std::string& out) const;

 private:
  const std::string name_, help_, label_;
  mutable std::shared_mutex mu_;
  std::map<std::string, std::unique_ptr<std::atomic<uint64_t>>> values_;
};

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                      0.01,   0.025,   0.05,   0.1,   0.5,    2.5};

  Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Registers a route template (startup only); returns its slot for Observe().
  int RegisterRoute(const std::string& method, const std::string& path_template);
  // `slot` -1 = no route matched.
  void Observe(int slot, int status, double seconds);

  CounterFamily& AddCounter(std::string name, std::string help, std::string label);
  void AddGauge(std::string name, std::string help, std::function<double()> read);

  std::string Render() const;

 private:
  static constexpr std::array<int, 18> kStatuses = {200, 201, 204, 301, 302, 304, 400, 401, 403,
                                                    404, 405, 409, 413, 415, 422, 429, 500, 503};
  struct RouteStats {
    std::string method, path;
    std::array<std::atomic<uint64_t>, kStatuses.size() + 1> by_status{};  // last: other
    std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};     // last: +Inf
    std::atomic<uint64_t> sum_us{0};
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };

  std::vector<std::unique_ptr<RouteStats>> routes_;  // slot 0: unmatched
  std::vector<std::unique_ptr<CounterFamily>> counters_;
  std::vector<Gauge> gauges_;
};

}  // namespace muster::http
