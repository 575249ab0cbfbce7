#pragma once

// Connection: one SQLite handle and its cache of prepared statements. Statement: a cached
// statement borrowed for one use, with bind/step/column helpers.
//
// Thread-safety: none. A Connection (and every Statement borrowed from it) is used by one
// thread at a time; the store's Database hands connections out under that rule.
// Ownership: a Connection owns its sqlite3 handle and its statements, and must outlive the
// Statements borrowed from it. SQL text is always a named constant: its address is the
// cache key, so it must have static storage duration, and values are only ever bound.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

namespace muster::storage::sqlite::internal {

class Statement {
 public:
  Statement(sqlite3_stmt* stmt, bool* in_use);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  // Resets the statement, clears its bindings and returns it to the cache.
  ~Statement();

  // Bind the next parameter (1, 2, 3, ... in call order). A bind failure is reported by the
  // next Step(). Statements written with ?N may leave a number unused (an UPDATE sharing an
  // INSERT's binder), but not the highest: SQLite sizes the parameters by it.
  Statement& BindText(std::string_view value);
  Statement& BindInt(int64_t value);
  Statement& BindBool(bool value);
  Statement& BindTextOrNull(std::string_view value);  // "" binds NULL
  Statement& BindIdOrNull(int64_t value);             // 0 binds NULL
  Statement& BindBlob(std::string_view bytes);
  Statement& BindDouble(double value);
  Statement& BindNull();

  // true: a row is ready; false: the statement is done.
  Result<bool> Step();
  // Steps to completion; an error if the statement yields a row.
  Status Run();

  // Column readers for the current row. NULL reads as "" / 0 / false.
  std::string Text(int column) const;
  int64_t Int(int column) const;
  bool Bool(int column) const { return Int(column) != 0; }
  // The column's bytes (a BLOB's, or TEXT's without conversion) without copying; valid until
  // the next Step() or the Statement's end.
  std::string_view Bytes(int column) const;

 private:
  Statement& Check(int rc);

  sqlite3_stmt* stmt_;
  bool* in_use_;
  int next_param_ = 1;
  int bind_rc_ = SQLITE_OK;
};

struct ConnectionOptions {
  int busy_timeout_ms = 5000;
  // Readers: open without SQLITE_OPEN_CREATE and set PRAGMA query_only.
  bool read_only = false;
};

class Connection {
 public:
  static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                  const ConnectionOptions& options);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();  // finalizes the cached statements and closes the handle

  // Runs constant SQL that returns no rows; it may hold several statements (migrations).
  Status Exec(const char* sql);
  // Runs one constant statement that returns no rows, through the statement cache.
  Status Run(const char* sql);
  // The cached statement for `sql`, prepared on first use (SQLITE_PREPARE_PERSISTENT).
  // The statement must not already be borrowed (asserted).
  Result<Statement> Prepare(const char* sql);
  // The same for SQL assembled per call from fixed fragments and a compiled query (list
  // reads: one text per query shape, values always bound), cached by its text. At most
  // kMaxDynamic are kept; a new one beyond that first drops every idle one.
  static constexpr size_t kMaxDynamic = 64;
  Result<Statement> PrepareDynamic(const std::string& sql);
  // The text in the first column of the first row of `sql` ("" if none).
  Result<std::string> QueryText(const char* sql);

  // True while a transaction (BEGIN ... COMMIT/ROLLBACK) is open on this connection.
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }
  sqlite3* handle() const { return db_; }

 private:
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };

  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* const db_;
  std::unordered_map<const char*, Cached> cache_;
  std::unordered_map<std::string, Cached> dynamic_;  // node-based: `in_use` addresses are stable
};

}  // namespace muster::storage::sqlite::internal
