#pragma once

// ReadSnapshot: a read transaction held on a reader for the guard's lifetime, so the several
// statements of one read (a page, its parent check, its count) see one snapshot. Shared by
// SqliteRosterStore's roster and learner reads. Not thread-safe: one thread uses it, on its
// connection.

#include "core/result.h"
#include "storage/sqlite/internal/connection.h"

namespace muster::storage::sqlite::internal {

// Holds a read transaction on a reader for the guard's lifetime, so several statements see
// one snapshot. Inside the caller's write transaction (the writer) it does nothing.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Connection& c) : c_(c) {}
  Status Begin() {
    if (c_.InTransaction()) return OkStatus();
    MUSTER_RETURN_IF_ERROR(c_.Run(kBegin));
    owned_ = true;
    return OkStatus();
  }
  ~ReadSnapshot() {
    if (owned_) (void)c_.Run(kRollback);  // nothing was written: ending it is all
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  // True when this guard opened the transaction (a reader), false inside the caller's own.
  bool owned() const { return owned_; }

 private:
  static constexpr char kBegin[] = "BEGIN";
  static constexpr char kRollback[] = "ROLLBACK";

  Connection& c_;
  bool owned_ = false;
};

}  // namespace muster::storage::sqlite::internal
