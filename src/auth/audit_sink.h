#pragma once

// AuditSink: a bounded, non-blocking queue of audit events drained to the store by a
// background thread in batches, so auditing never sets the token path's latency floor.
// When the queue is full, events are counted as dropped (and the count is exported).
//
// Thread-safety: Record() from any thread. Owns its drain thread; Stop() (or the
// destructor) writes what is queued and joins.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "storage/model.h"
#include "storage/store.h"

namespace muster::auth {

class AuditSink {
 public:
  AuditSink(storage::Store& store, const Clock& clock, size_t capacity = 65536);
  ~AuditSink();
  AuditSink(const AuditSink&) = delete;
  AuditSink& operator=(const AuditSink&) = delete;

  // Stamps `at_ms` if unset and queues the event.
  void Record(storage::AuditEvent event);
  // Writes everything queued so far (tests and shutdown).
  void Flush();
  void Stop();

  uint64_t dropped() const { return dropped_.load(); }
  uint64_t written() const { return written_.load(); }

 private:
  void Run();

  storage::Store& store_;
  const Clock& clock_;
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable flushed_cv_;
  std::deque<storage::AuditEvent> queue_;
  bool stop_ = false;
  uint64_t enqueued_ = 0;
  uint64_t done_ = 0;
  std::atomic<uint64_t> dropped_{0};
  std::atomic<uint64_t> written_{0};
  std::thread thread_;
};

}  // namespace muster::auth
