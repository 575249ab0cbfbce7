#pragma once

// The per-connection coroutine of http::Server: read a request, dispatch, write the
// response, repeat while keep-alive. Included only by server.cc (it pulls in Beast).

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <string>
#include <unordered_map>

#include "http/error_mapping.h"
#include "http/metrics.h"
#include "http/request_id.h"
#include "http/router.h"
#include "http/server.h"

namespace muster::http::internal {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

// State shared by every connection of one server.
struct SessionEnv {
  const ServerOptions& options;
  const Router& router;
  Metrics& metrics;
  asio::thread_pool& workers;
  std::atomic<bool>& draining;
  std::atomic<int64_t>& connections;
  std::unordered_map<const Route*, int>& metric_slots;
  int64_t max_body_limit;  // the largest limit of any route: the header-phase bound
};

// One open connection, as the server's shutdown sees it. Touched only on its I/O thread.
struct ConnectionState {
  beast::tcp_stream* lowest = nullptr;
  bool busy = false;  // between reading a request's header and writing its response
};

// Fills the Date header value, recomputed at most once a second per thread.
const std::string& CachedHttpDate();
// Converts a parsed Beast request into Muster's Request.
void ToRequest(bhttp::request<bhttp::string_body>&& in, Request& out);
// Writes one access-log line.
void AccessLog(const Request& req, int status, size_t bytes, double seconds);

template <class Body>
void SetCommonFields(bhttp::response<Body>& res, Response& r, bool keep_alive,
                     const std::string& request_id) {
  res.version(11);
  res.result(static_cast<unsigned>(r.status));
  res.set(bhttp::field::server, "Muster");
  res.set(bhttp::field::date, CachedHttpDate());
  if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
  res.set("X-Request-Id", request_id);
  for (auto& [k, v] : r.headers) res.insert(k, v);
  res.keep_alive(keep_alive);
}

template <class Stream>
asio::awaitable<void> WriteResponse(Stream& stream, Response&& r, bool keep_alive,
                                    const std::string& request_id, bool head,
                                    beast::error_code& ec) {
  if (head) {
    // HEAD: the headers GET would send, Content-Length included, and no body.
    bhttp::response<bhttp::empty_body> res;
    SetCommonFields(res, r, keep_alive, request_id);
    res.content_length(r.body.size());
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
    co_return;
  }
  bhttp::response<bhttp::string_body> res;
  SetCommonFields(res, r, keep_alive, request_id);
  res.body() = std::move(r.body);
  res.prepare_payload();
  co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
}

// After an error response that ends the connection while the client may still be sending
// (a body over the limit), keep reading and discarding for a short while before closing:
// closing with unread data would reset the connection and the client would never see the
// response (RFC 9112 §9.6). Bounded by time, not bytes.
template <class Stream>
asio::awaitable<void> LingeringClose(Stream& stream) {
  auto& lowest = beast::get_lowest_layer(stream);
  beast::error_code ec;
  lowest.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  lowest.expires_after(std::chrono::seconds(2));
  char scratch[16384];
  for (;;) {
    co_await lowest.async_read_some(asio::buffer(scratch),
                                    asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
  }
}

template <class Stream>
asio::awaitable<void> ServeConnection(Stream& stream, SessionEnv env, ConnectionState& state,
                                      std::string remote, bool tls) {
  beast::flat_buffer buffer;
  auto& lowest = beast::get_lowest_layer(stream);
  for (;;) {
    beast::error_code ec;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(env.options.header_limit));
    parser.body_limit(static_cast<std::uint64_t>(env.max_body_limit));
    lowest.expires_after(std::chrono::milliseconds(env.options.idle_timeout_ms));
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    auto started = std::chrono::steady_clock::now();
    state.busy = true;
    if (ec) {
      if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
          ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
          ec == asio::error::eof) {
        co_return;
      }
      int status = ec == bhttp::error::header_limit ? 431
                   : ec == bhttp::error::body_limit ? 413
                                                    : 400;
      Request bad;
      bad.request_id = RequestIdFor("");
      bad.remote_address = remote;
      Response r = Response::Json(
          status, status == 431 ? R"({"error":"request_header_fields_too_large"})"
                  : status == 413
                      ? R"({"error":"request_too_large"})"
                      : R"({"error":"bad_request","error_description":"malformed HTTP request"})");
      env.metrics.Observe(-1, status, 0);
      beast::error_code wec;
      co_await WriteResponse(stream, std::move(r), false, bad.request_id, false, wec);
      if (!wec) co_await LingeringClose(stream);
      co_return;
    }

    Request req;
    {
      auto& header = parser.get();
      req.method = ParseMethod(std::string_view(header.method_string()));
      req.target = std::string(header.target());
      size_t q = req.target.find('?');
      req.path = req.target.substr(0, q);
      if (q != std::string::npos) req.query = req.target.substr(q + 1);
    }
    Router::Match match = env.router.Find(req);
    int64_t limit = match.route && match.route->body_limit > 0 ? match.route->body_limit
                                                               : env.options.body_limit;
    parser.body_limit(static_cast<std::uint64_t>(limit));  // chunked bodies
    bool too_large = parser.content_length() && *parser.content_length() > uint64_t(limit);
    if (!too_large && beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
      co_await bhttp::async_write(stream, cont, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
    }
    lowest.expires_after(std::chrono::milliseconds(env.options.read_timeout_ms));
    if (too_large) {
      ec = bhttp::error::body_limit;
    } else {
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
    }
    bool keep_alive = parser.get().keep_alive() && !env.draining.load();
    std::string incoming_id(parser.get()["x-request-id"]);
    req.request_id = RequestIdFor(incoming_id);
    req.remote_address = remote;
    req.tls = tls;
    if (ec) {
      if (ec == beast::error::timeout || ec == asio::error::eof ||
          ec == asio::error::connection_reset || ec == bhttp::error::end_of_stream) {
        co_return;
      }
      int status = ec == bhttp::error::body_limit ? 413 : 400;
      ErrorShape shape = match.route ? match.route->shape : env.router.ShapeFor(req.path);
      Response r = MapError(
          shape,
          MakeError(ErrorCode::kInvalidArgument,
                    status == 413 ? "request_too_large" : "invalid_request",
                    status == 413 ? "The request body is too large." : "The request is malformed."),
          req);
      r.status = status;
      env.metrics.Observe(-1, status, 0);
      AccessLog(req, status, r.body.size(), 0);
      co_await WriteResponse(stream, std::move(r), false, req.request_id, false, ec);
      if (!ec) co_await LingeringClose(stream);
      co_return;
    }
    // Keep the path params and template computed by Find(); move in headers and body.
    ToRequest(parser.release(), req);

    Response response;
    if (match.route && match.route->offload) {
      response = co_await asio::co_spawn(
          env.workers.get_executor(),
          [&]() -> asio::awaitable<Response> { co_return env.router.Dispatch(req, match); },
          asio::use_awaitable);
    } else {
      response = env.router.Dispatch(req, match);
    }
    if (response.close || env.draining.load()) keep_alive = false;
    int status = response.status;
    size_t bytes = response.body.size();
    // Recorded before the write, so a scrape after a response has been read includes it.
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    int slot = -1;
    if (match.route) {
      auto it = env.metric_slots.find(match.route);
      if (it != env.metric_slots.end()) slot = it->second;
    }
    env.metrics.Observe(slot, status, seconds);
    if (env.options.access_log) AccessLog(req, status, bytes, seconds);
    lowest.expires_after(std::chrono::milliseconds(env.options.read_timeout_ms));
    co_await WriteResponse(stream, std::move(response), keep_alive, req.request_id,
                           req.method == Method::kHead, ec);
    state.busy = false;
    if (ec || !keep_alive || env.draining.load()) co_return;
  }
}

}  // namespace muster::http::internal
