// Non-template parts of the connection coroutine (internal/session.h).

#include <utility>  // before Asio (Boost 1.74)

#include <ctime>

#include "core/json_writer.h"
#include "core/log.h"
#include "core/time_format.h"
#include "http/internal/session.h"

namespace muster::http::internal {

const std::string& CachedHttpDate() {
  thread_local std::time_t cached_second = 0;
  thread_local std::string cached;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached_second = now;
    cached = FormatHttpDate(now);
  }
  return cached;
}

void ToRequest(bhttp::request<bhttp::string_body>&& in, Request& out) {
  out.headers.reserve(8);
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.body = std::move(in.body());
}

void AccessLog(const Request& req, int status, size_t bytes, double seconds) {
  std::string line;
  line.reserve(256);
  JsonWriter w(line);
  auto now = std::chrono::system_clock::now();
  int64_t ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  w.BeginObject()
      .Member("ts", FormatIso8601Millis(ms))
      .Member("level", "info")
      .Member("event", "http.access")
      .Member("request_id", req.request_id)
      .Member("method", MethodName(req.method))
      .Member("path", req.path)
      .Member("route", req.route_template)
      .Member("status", status)
      .Member("bytes", static_cast<int64_t>(bytes))
      .Member("duration_us", static_cast<int64_t>(seconds * 1e6))
      .Member("remote", req.remote_address);
  if (req.principal) w.Member("client_id", req.principal->client_id);
  w.EndObject();
  log::WriteLine(line);
}

}  // namespace muster::http::internal
