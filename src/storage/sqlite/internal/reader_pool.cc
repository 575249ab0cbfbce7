#include "storage/sqlite/internal/reader_pool.h"

#include <utility>

namespace muster::storage::sqlite::internal {

ReaderPool::Lease::~Lease() {
  if (connection_ != nullptr) pool_->Release(std::move(connection_));
}

ReaderPool::ReaderPool(std::string path, int busy_timeout_ms, size_t max_idle)
    : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms), max_idle_(max_idle) {}

Result<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
  }
  ConnectionOptions options;
  options.busy_timeout_ms = busy_timeout_ms_;
  options.read_only = true;
  MUSTER_ASSIGN_OR_RETURN(std::unique_ptr<Connection> c, Connection::Open(path_, options));
  return Lease(this, std::move(c));
}

void ReaderPool::Release(std::unique_ptr<Connection> connection) {
  std::unique_ptr<Connection> surplus;  // closed after the lock is released
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < max_idle_) {
    idle_.push_back(std::move(connection));
  } else {
    surplus = std::move(connection);
  }
}

}  // namespace muster::storage::sqlite::internal
