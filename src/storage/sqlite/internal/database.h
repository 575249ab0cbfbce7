#pragma once

// Database: one SQLite file as SqliteStore uses it. Writes go to a single writer connection
// behind a mutex; reads go to a pooled reader, so they never wait for the writer's lock.
// While a thread is inside Transaction(), it holds the writer lock and every Read/Write it
// makes on this Database runs on the writer connection, inside that transaction.
//
// Thread-safety: all methods may be called from any thread. Ownership: owns the writer and
// the reader pool; callers borrow a Connection only for the duration of their callback.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>

#include "core/result.h"
#include "storage/sqlite/internal/connection.h"
#include "storage/sqlite/internal/reader_pool.h"

namespace muster::storage::sqlite::internal {

class Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::string& path, int busy_timeout_ms,
                                                size_t max_idle_readers);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs fn(Connection&) -> Result<T> on a reader, or on the writer inside a transaction.
  template <typename Fn>
  auto Read(Fn&& fn) -> std::invoke_result_t<Fn&, Connection&> {
    if (ActiveOnThisThread()) return fn(*writer_);
    MUSTER_ASSIGN_OR_RETURN(ReaderPool::Lease lease, readers_.Acquire());
    return fn(*lease);
  }

  // Runs fn(Connection&) -> Result<T> on the writer: under the writer lock (autocommit),
  // or inside this thread's transaction.
  template <typename Fn>
  auto Write(Fn&& fn) -> std::invoke_result_t<Fn&, Connection&> {
    if (ActiveOnThisThread()) {
      // SQLite rolls back by itself on some errors; later writes must not autocommit.
      if (!writer_->InTransaction()) return TransactionAborted();
      return fn(*writer_);
    }
    std::lock_guard<std::mutex> lock(writer_mu_);
    return fn(*writer_);
  }

  // Runs `fn` in one write transaction (BEGIN IMMEDIATE ... COMMIT); an error from `fn`
  // rolls it back, and so does an exception (which is rethrown). Nested calls on the same
  // thread run in a savepoint of the outer transaction.
  Status Transaction(const std::function<Status()>& fn);

  // True while the calling thread is inside Transaction() on this Database.
  bool ActiveOnThisThread() const;

 private:
  Database(std::unique_ptr<Connection> writer, const std::string& path, int busy_timeout_ms,
           size_t max_idle_readers);

  Status RunOutermost(const std::function<Status()>& fn);  // writer_mu_ held
  Status RunNested(const std::function<Status()>& fn);
  void RollbackQuietly();
  static Error TransactionAborted();

  std::mutex writer_mu_;
  const std::unique_ptr<Connection> writer_;  // GUARDED_BY(writer_mu_)
  ReaderPool readers_;
};

}  // namespace muster::storage::sqlite::internal
