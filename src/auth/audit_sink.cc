#include "auth/audit_sink.h"

#include <vector>

#include "core/log.h"

namespace muster::auth {

AuditSink::AuditSink(storage::Store& store, const Clock& clock, size_t capacity)
    : store_(store), clock_(clock), capacity_(capacity), thread_([this] { Run(); }) {}

AuditSink::~AuditSink() { Stop(); }

void AuditSink::Record(storage::AuditEvent event) {
  if (event.at_ms == 0) event.at_ms = clock_.NowUnixMillis();
  {
    std::lock_guard lock(mu_);
    if (stop_ || queue_.size() >= capacity_) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    queue_.push_back(std::move(event));
    ++enqueued_;
  }
  cv_.notify_one();
}

void AuditSink::Flush() {
  std::unique_lock lock(mu_);
  uint64_t target = enqueued_;
  cv_.notify_one();
  flushed_cv_.wait(lock, [&] { return done_ >= target || !thread_.joinable(); });
}

void AuditSink::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stop_) return;
    stop_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void AuditSink::Run() {
  std::vector<storage::AuditEvent> batch;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty() && stop_) {
        flushed_cv_.notify_all();
        return;
      }
      size_t n = std::min<size_t>(queue_.size(), 512);
      batch.assign(std::make_move_iterator(queue_.begin()),
                   std::make_move_iterator(queue_.begin() + static_cast<long>(n)));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(n));
    }
    Status s = store_.AppendAudit(batch);
    if (!s.ok()) {
      log::Error("audit.write_failed",
                 {{"internal", s.error().internal}, {"events", std::to_string(batch.size())}});
      dropped_.fetch_add(batch.size());
    } else {
      written_.fetch_add(batch.size());
    }
    {
      std::lock_guard lock(mu_);
      done_ += batch.size();
    }
    flushed_cv_.notify_all();
    batch.clear();
  }
}

}  // namespace muster::auth
