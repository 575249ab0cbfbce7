#include "http/server.h"

#include <utility>  // before Asio (Boost 1.74)

#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/ssl.hpp>
#include <list>
#include <thread>
#include <vector>

#include "core/log.h"
#include "http/internal/session.h"

namespace muster::http {

using internal::asio::awaitable;
using internal::asio::use_awaitable;
namespace asio = internal::asio;
namespace beast = internal::beast;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

struct Context {
  asio::io_context io{1};
  std::unique_ptr<tcp::acceptor> acceptor;
  std::list<internal::ConnectionState*> connections;  // touched only on io's thread
};

class Server::Impl {
 public:
  Impl(ServerOptions options, const Router& router, Metrics& metrics)
      : options_(std::move(options)), router_(router), metrics_(metrics) {
    int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int threads = options_.threads > 0 ? options_.threads : cores;
    for (int i = 0; i < threads; ++i) contexts_.push_back(std::make_unique<Context>());
    workers_ = std::make_unique<asio::thread_pool>(
        options_.worker_threads > 0 ? options_.worker_threads : cores);
    metrics_.AddGauge("muster_http_open_connections", "Open client connections.",
                      [this] { return static_cast<double>(connections_.load()); });
  }

  Status Start();
  void Run();
  void Shutdown();
  void AddPeriodic(std::chrono::milliseconds every, std::function<void()> task) {
    periodic_.emplace_back(every, std::move(task));
  }

  uint16_t port() const { return port_; }
  bool tls() const { return ssl_ != nullptr; }
  int64_t connections() const { return connections_.load(); }

 private:
  awaitable<void> Accept(Context& ctx);
  awaitable<void> Session(Context& ctx, tcp::socket socket);
  awaitable<void> Periodic(std::chrono::milliseconds every, std::function<void()> task);
  awaitable<void> WatchDrain();
  void CloseIdle(Context& ctx);

  ServerOptions options_;
  const Router& router_;
  Metrics& metrics_;
  std::vector<std::unique_ptr<Context>> contexts_;
  std::unique_ptr<asio::thread_pool> workers_;
  std::unique_ptr<ssl::context> ssl_;
  std::unordered_map<const Route*, int> slots_;
  std::vector<std::pair<std::chrono::milliseconds, std::function<void()>>> periodic_;
  std::atomic<bool> draining_{false};
  std::atomic<bool> stopped_{false};
  std::atomic<int64_t> connections_{0};
  uint16_t port_ = 0;
  int64_t max_body_limit_ = 0;
  std::unique_ptr<asio::signal_set> signals_;
};

Status Server::Impl::Start() {
  if (!options_.tls_cert_file.empty() || !options_.tls_key_file.empty()) {
    try {
      ssl_ = std::make_unique<ssl::context>(ssl::context::tls_server);
      ssl_->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                        ssl::context::single_dh_use);
      ssl_->use_certificate_chain_file(options_.tls_cert_file);
      ssl_->use_private_key_file(options_.tls_key_file, ssl::context::pem);
    } catch (const std::exception& e) {
      return MakeError(ErrorCode::kInvalidArgument, "", "cannot load TLS certificate or key",
                       e.what());
    }
  }
  beast::error_code ec;
  auto address = asio::ip::make_address(options_.host, ec);
  if (ec) {
    return MakeError(ErrorCode::kInvalidArgument, "", "bad listen address: " + options_.host);
  }
  uint16_t port = options_.port;
  if (port != 0) {
    // The listeners share the port through SO_REUSEPORT; probe it without that option
    // first, so a port another process listens on is an error, not silently shared.
    tcp::acceptor probe(contexts_[0]->io);
    tcp::endpoint endpoint(address, port);
    probe.open(endpoint.protocol(), ec);
    if (!ec) probe.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) probe.bind(endpoint, ec);
    if (ec) {
      return MakeError(
          ErrorCode::kUnavailable, "",
          "cannot listen on " + options_.host + ":" + std::to_string(port) + ": " + ec.message(),
          ec.message());
    }
    probe.close(ec);
  }
  for (auto& ctx : contexts_) {
    auto acceptor = std::make_unique<tcp::acceptor>(ctx->io);
    tcp::endpoint endpoint(address, port);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec) acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) {
      int one = 1;
      ::setsockopt(acceptor->native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
      acceptor->bind(endpoint, ec);
    }
    if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return MakeError(ErrorCode::kUnavailable, "",
                       "cannot listen on " + options_.host + ":" + std::to_string(port),
                       ec.message());
    }
    port = acceptor->local_endpoint().port();  // port 0: the others share the chosen one
    ctx->acceptor = std::move(acceptor);
  }
  port_ = port;
  // Signals are caught from here on (Asio queues them until Run()), so a SIGTERM that
  // arrives between "listening" and Run() still shuts down gracefully.
  if (options_.handle_signals) {
    signals_ = std::make_unique<asio::signal_set>(contexts_[0]->io, SIGINT, SIGTERM);
    signals_->async_wait([this](const beast::error_code& ec, int sig) {
      if (ec) return;
      log::Info("server.signal", {{"signal", std::to_string(sig)}});
      Shutdown();
    });
  }
  return OkStatus();
}

void Server::Impl::Run() {
  // Routes may be added between Start() and Run() (the public URL depends on the port).
  max_body_limit_ = options_.body_limit;
  for (const auto& r : router_.routes()) {
    if (!slots_.count(r.get())) {
      slots_[r.get()] = metrics_.RegisterRoute(MethodName(r->method), r->path);
    }
    max_body_limit_ = std::max(max_body_limit_, r->body_limit);
  }
  for (auto& ctx : contexts_) {
    asio::co_spawn(ctx->io, Accept(*ctx), asio::detached);
    asio::co_spawn(ctx->io, Periodic(std::chrono::milliseconds(250), [] { log::Flush(); }),
                   asio::detached);
  }
  for (auto& [every, task] : periodic_) {
    asio::co_spawn(contexts_[0]->io, Periodic(every, task), asio::detached);
  }
  std::vector<std::thread> threads;
  for (size_t i = 1; i < contexts_.size(); ++i) {
    threads.emplace_back([ctx = contexts_[i].get()] { ctx->io.run(); });
  }
  contexts_[0]->io.run();
  for (auto& t : threads) t.join();
  workers_->join();
  log::Flush();
}

void Server::Impl::Shutdown() {
  if (draining_.exchange(true)) return;
  log::Info("server.draining", {{"connections", std::to_string(connections_.load())}});
  for (auto& ctx : contexts_) {
    asio::post(ctx->io, [this, c = ctx.get()] {
      beast::error_code ec;
      if (c->acceptor) c->acceptor->close(ec);
      CloseIdle(*c);
    });
  }
  asio::co_spawn(contexts_[0]->io, WatchDrain(), asio::detached);
}

void Server::Impl::CloseIdle(Context& ctx) {
  for (auto* conn : ctx.connections) {
    if (!conn->busy) conn->lowest->cancel();
  }
}

awaitable<void> Server::Impl::WatchDrain() {
  asio::steady_timer timer(contexts_[0]->io);
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.shutdown_grace_ms);
  while (connections_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(20));
    beast::error_code ec;
    co_await timer.async_wait(asio::redirect_error(use_awaitable, ec));
    for (auto& ctx : contexts_) {
      asio::post(ctx->io, [this, c = ctx.get()] { CloseIdle(*c); });
    }
  }
  log::Info("server.stopped", {{"abandoned_connections", std::to_string(connections_.load())}});
  stopped_ = true;
  for (auto& ctx : contexts_) ctx->io.stop();
}

awaitable<void> Server::Impl::Periodic(std::chrono::milliseconds every,
                                       std::function<void()> task) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (!draining_.load()) {
    timer.expires_after(every);
    beast::error_code ec;
    co_await timer.async_wait(asio::redirect_error(use_awaitable, ec));
    try {
      task();
    } catch (const std::exception& e) {
      log::Error("periodic.exception", {{"what", e.what()}});
    }
  }
}

awaitable<void> Server::Impl::Accept(Context& ctx) {
  for (;;) {
    beast::error_code ec;
    tcp::socket socket =
        co_await ctx.acceptor->async_accept(asio::redirect_error(use_awaitable, ec));
    if (draining_.load()) co_return;
    if (ec) {
      if (ec == asio::error::operation_aborted) co_return;
      log::Warn("server.accept_error", {{"error", ec.message()}});
      continue;
    }
    asio::co_spawn(ctx.io, Session(ctx, std::move(socket)), asio::detached);
  }
}

awaitable<void> Server::Impl::Session(Context& ctx, tcp::socket socket) {
  beast::error_code ec;
  socket.set_option(tcp::no_delay(true), ec);
  auto endpoint = socket.remote_endpoint(ec);
  std::string remote = ec ? std::string() : endpoint.address().to_string();
  ++connections_;
  internal::ConnectionState state;
  auto it = ctx.connections.insert(ctx.connections.end(), &state);
  internal::SessionEnv env{options_,  router_,      metrics_, *workers_,
                           draining_, connections_, slots_,   max_body_limit_};
  try {
    if (ssl_) {
      beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), *ssl_);
      state.lowest = &beast::get_lowest_layer(stream);
      state.lowest->expires_after(std::chrono::milliseconds(options_.read_timeout_ms));
      co_await stream.async_handshake(ssl::stream_base::server,
                                      asio::redirect_error(use_awaitable, ec));
      if (!ec) {
        co_await internal::ServeConnection(stream, env, state, remote, true);
        state.lowest->expires_after(std::chrono::seconds(2));
        co_await stream.async_shutdown(asio::redirect_error(use_awaitable, ec));
      }
    } else {
      beast::tcp_stream stream(std::move(socket));
      state.lowest = &stream;
      co_await internal::ServeConnection(stream, env, state, remote, false);
      stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    }
  } catch (const std::exception& e) {
    log::Error("session.exception", {{"what", e.what()}});
  }
  ctx.connections.erase(it);
  --connections_;
}

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}
Server::~Server() = default;
Status Server::Start() { return impl_->Start(); }
uint16_t Server::port() const { return impl_->port(); }
bool Server::tls() const { return impl_->tls(); }
void Server::Run() { impl_->Run(); }
void Server::Shutdown() { impl_->Shutdown(); }
void Server::AddPeriodic(std::chrono::milliseconds every, std::function<void()> task) {
  impl_->AddPeriodic(every, std::move(task));
}
int64_t Server::ActiveConnections() const { return impl_->connections(); }

}  // namespace muster::http
