#include "storage/sqlite/internal/database.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace muster::storage::sqlite::internal {
namespace {

constexpr char kBegin[] = "BEGIN IMMEDIATE";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";
constexpr char kSavepoint[] = "SAVEPOINT muster_nested";
constexpr char kReleaseSavepoint[] = "RELEASE muster_nested";
constexpr char kRollbackToSavepoint[] = "ROLLBACK TO muster_nested";

// The Databases whose Transaction() the current thread is inside (innermost last). Usually
// empty or one entry; several only when a transaction's callback uses another store.
thread_local std::vector<const Database*> t_open_transactions;

// Marks the current thread as inside a transaction of `db` for the guard's lifetime.
class ThreadMark {
 public:
  explicit ThreadMark(const Database* db) : db_(db) { t_open_transactions.push_back(db); }
  ~ThreadMark() {
    auto it = std::find(t_open_transactions.rbegin(), t_open_transactions.rend(), db_);
    if (it != t_open_transactions.rend()) t_open_transactions.erase(std::next(it).base());
  }
  ThreadMark(const ThreadMark&) = delete;
  ThreadMark& operator=(const ThreadMark&) = delete;

 private:
  const Database* db_;
};

// Runs `fn`; if it fails or throws, runs `undo` first (an exception is then rethrown).
Status RunUndoingOnFailure(const std::function<Status()>& fn, const std::function<void()>& undo) {
  Status status;
  try {
    status = fn();
  } catch (...) {
    undo();
    throw;
  }
  if (!status.ok()) undo();
  return status;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, int busy_timeout_ms,
                                                 size_t max_idle_readers) {
  if (path.empty() || path == ":memory:") {
    // Every connection would get its own private database.
    return MakeError(ErrorCode::kInvalidArgument, "invalid_path",
                     "the SQLite store needs a file path", "sqlite path: '" + path + "'");
  }
  ConnectionOptions options;
  options.busy_timeout_ms = busy_timeout_ms;
  MUSTER_ASSIGN_OR_RETURN(std::unique_ptr<Connection> writer, Connection::Open(path, options));
  return std::unique_ptr<Database>(
      new Database(std::move(writer), path, busy_timeout_ms, max_idle_readers));
}

Database::Database(std::unique_ptr<Connection> writer, const std::string& path, int busy_timeout_ms,
                   size_t max_idle_readers)
    : writer_(std::move(writer)), readers_(path, busy_timeout_ms, max_idle_readers) {}

bool Database::ActiveOnThisThread() const {
  return std::find(t_open_transactions.begin(), t_open_transactions.end(), this) !=
         t_open_transactions.end();
}

Status Database::Transaction(const std::function<Status()>& fn) {
  if (ActiveOnThisThread()) return RunNested(fn);
  std::lock_guard<std::mutex> lock(writer_mu_);
  return RunOutermost(fn);
}

Status Database::RunOutermost(const std::function<Status()>& fn) {
  MUSTER_RETURN_IF_ERROR(writer_->Run(kBegin));
  ThreadMark mark(this);
  MUSTER_RETURN_IF_ERROR(RunUndoingOnFailure(fn, [this] { RollbackQuietly(); }));
  Status commit = writer_->Run(kCommit);
  if (!commit.ok()) RollbackQuietly();
  return commit;
}

Status Database::RunNested(const std::function<Status()>& fn) {
  if (!writer_->InTransaction()) return TransactionAborted();
  MUSTER_RETURN_IF_ERROR(writer_->Run(kSavepoint));
  MUSTER_RETURN_IF_ERROR(RunUndoingOnFailure(fn, [this] {
    // Best effort: if SQLite already rolled the whole transaction back, these fail harmlessly.
    (void)writer_->Run(kRollbackToSavepoint);
    (void)writer_->Run(kReleaseSavepoint);
  }));
  return writer_->Run(kReleaseSavepoint);
}

// The error that led here is the one worth reporting; a failed rollback adds nothing.
void Database::RollbackQuietly() {
  if (writer_->InTransaction()) (void)writer_->Run(kRollback);
}

Error Database::TransactionAborted() {
  return MakeError(ErrorCode::kInternal, "storage_error", "storage error",
                   "sqlite: the transaction was rolled back by an earlier error");
}

}  // namespace muster::storage::sqlite::internal
