#pragma once

// ReaderPool: idle read connections to one database file, opened on demand. A reader is
// leased to one thread for one store call and then returned, so reads never wait on the
// writer's lock (WAL lets them run beside a write) and each reader keeps its statement cache.
//
// Thread-safety: Acquire() may be called from any thread; a Lease is used by one thread.
// Ownership: the pool owns idle connections; a Lease owns its connection until it returns it
// (or closes it, when the pool already holds `max_idle`). The pool must outlive its leases.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/internal/connection.h"

namespace muster::storage::sqlite::internal {

class ReaderPool {
 public:
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    Connection& operator*() const { return *connection_; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  ReaderPool(std::string path, int busy_timeout_ms, size_t max_idle);
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;

  // An idle reader, or a newly opened one.
  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> connection);

  const std::string path_;
  const int busy_timeout_ms_;
  const size_t max_idle_;

  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(mu_)
};

}  // namespace muster::storage::sqlite::internal
