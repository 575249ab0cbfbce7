#include "http/request_id.h"

#include <atomic>
#include <cstdio>
#include <random>

namespace muster::http {
namespace {

bool Acceptable(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string Prefix() {
  std::random_device rd;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", rd());
  return buf;
}

}  // namespace

std::string RequestIdFor(std::string_view incoming) {
  if (Acceptable(incoming)) return std::string(incoming);
  static const std::string prefix = Prefix();
  static std::atomic<uint64_t> counter{0};
  char buf[24];
  std::snprintf(buf, sizeof buf, "-%012llx",
                static_cast<unsigned long long>(counter.fetch_add(1, std::memory_order_relaxed)));
  return prefix + buf;
}

}  // namespace muster::http
