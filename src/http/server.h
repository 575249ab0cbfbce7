#pragma once

// Server: the HTTP/1.1 front door (Boost.Beast over Asio, C++20 coroutines).
// One io_context per thread, each with its own SO_REUSEPORT acceptor, so a request is read,
// handled and answered on one thread without hand-offs; routes marked `offload` run on a
// small worker pool instead. Keep-alive, per-route body limits, read and idle deadlines,
// optional TLS, request ids, access log and metrics. Shutdown() is graceful: listeners
// close, idle connections close, in-flight requests finish (up to the grace period).
//
// Thread-safety: Start() and Run() from one thread; Shutdown() from any thread or signal.
// Ownership: borrows the Router and Metrics, which must outlive the Server.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/metrics.h"
#include "http/router.h"

namespace muster::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;    // 0 = any free port (see Server::port())
  int threads = 0;         // 0 = one per core
  int worker_threads = 0;  // offload pool; 0 = one per core
  int64_t header_limit = 8192;
  int64_t body_limit = 1 << 20;
  int read_timeout_ms = 15000;
  int idle_timeout_ms = 60000;
  int shutdown_grace_ms = 10000;
  std::string tls_cert_file;  // PEM chain; both set = HTTPS
  std::string tls_key_file;
  bool access_log = true;
  bool handle_signals = true;  // SIGINT/SIGTERM start a graceful shutdown
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listeners (and loads TLS material). After this, port() is known; routes may
  // still be added to the router until Run().
  Status Start();
  uint16_t port() const;
  bool tls() const;
  // Serves until a shutdown completes. Blocks the calling thread (which becomes I/O
  // thread 0).
  void Run();
  // Starts a graceful shutdown. Safe from any thread.
  void Shutdown();
  // Runs `task` every `every` on I/O thread 0 (cache refreshes, log flushes).
  void AddPeriodic(std::chrono::milliseconds every, std::function<void()> task);
  // Number of open connections.
  int64_t ActiveConnections() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace muster::http
