#pragma once

// Statements whose SQL varies per call (list queries assembled from fixed fragments and a
// compiled OData / OneRoster query), prepared without the statement cache and finalized
// after one use; and a read snapshot that holds several such statements to one view of the
// database. Shared by SqliteRosterStore's roster and learner reads. Values are only ever
// bound. Not thread-safe: one thread uses a OneShot, on the connection it was prepared on.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/result.h"
#include "storage/sqlite/internal/connection.h"
#include "storage/sqlite/internal/errors.h"

namespace muster::storage::sqlite::internal {

// A statement prepared for one call (list SQL varies with the query), finalized after it.
class OneShot {
 public:
  static Result<OneShot> Prepare(Connection& c, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(c.handle(), sql.c_str(), static_cast<int>(sql.size() + 1), 0, &stmt,
                                nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      Error e = SqliteError(c.handle(), rc, "prepare");
      e.internal += " in: " + sql;
      return e;
    }
    return OneShot(stmt);
  }
  OneShot(OneShot&& other) noexcept
      : stmt_(std::exchange(other.stmt_, nullptr)), next_(other.next_), rc_(other.rc_) {}
  OneShot& operator=(OneShot&&) = delete;
  ~OneShot() { sqlite3_finalize(stmt_); }

  void BindInt(int64_t v) { Check(sqlite3_bind_int64(stmt_, next_++, v)); }
  void BindText(std::string_view v) {
    Check(sqlite3_bind_text64(stmt_, next_++, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  // Binds a compiled query's parameter (OneRoster's or OData's SqlParam: the same variant).
  template <typename Param>
  void Bind(const Param& p) {
    if (const auto* s = std::get_if<std::string>(&p)) return BindText(*s);
    if (const auto* i = std::get_if<int64_t>(&p)) return BindInt(*i);
    if (const auto* b = std::get_if<bool>(&p)) return BindInt(*b ? 1 : 0);
    if (const auto* d = std::get_if<double>(&p)) {
      Check(sqlite3_bind_double(stmt_, next_++, *d));
      return;
    }
    Check(sqlite3_bind_null(stmt_, next_++));
  }

  Result<bool> Step() {
    sqlite3* db = sqlite3_db_handle(stmt_);
    if (rc_ != SQLITE_OK) return SqliteError(db, rc_, "bind");
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(db, rc, "step");
  }
  std::string Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  explicit OneShot(sqlite3_stmt* stmt) : stmt_(stmt) {}
  void Check(int rc) {
    if (rc_ == SQLITE_OK) rc_ = rc;
  }

  sqlite3_stmt* stmt_;
  int next_ = 1;
  int rc_ = SQLITE_OK;
};

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
