#include "storage/sqlite/internal/connection.h"

#include <cassert>
#include <utility>

#include "storage/sqlite/internal/errors.h"

namespace muster::storage::sqlite::internal {
namespace {

constexpr char kJournalModeWal[] = "PRAGMA journal_mode = WAL";
constexpr char kSynchronousNormal[] = "PRAGMA synchronous = NORMAL";
constexpr char kForeignKeysOn[] = "PRAGMA foreign_keys = ON";
constexpr char kQueryOnly[] = "PRAGMA query_only = ON";

Error Unexpected(std::string internal) {
  return MakeError(ErrorCode::kInternal, "storage_error", "storage error", std::move(internal));
}

// Pragmas every connection needs; the writer also switches the file to WAL (persistent).
Status Configure(Connection& c, const ConnectionOptions& options) {
  sqlite3_busy_timeout(c.handle(), options.busy_timeout_ms);
  MUSTER_RETURN_IF_ERROR(c.Run(kForeignKeysOn));
  if (options.read_only) return c.Run(kQueryOnly);
  MUSTER_ASSIGN_OR_RETURN(std::string mode, c.QueryText(kJournalModeWal));
  if (mode != "wal") return Unexpected("sqlite: journal_mode is '" + mode + "', not 'wal'");
  return c.Run(kSynchronousNormal);
}

}  // namespace

Statement::Statement(sqlite3_stmt* stmt, bool* in_use) : stmt_(stmt), in_use_(in_use) {
  *in_use_ = true;
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      next_param_(other.next_param_),
      bind_rc_(other.bind_rc_) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

Statement& Statement::Check(int rc) {
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  ++next_param_;
  return *this;
}

Statement& Statement::BindText(std::string_view value) {
  return Check(sqlite3_bind_text64(stmt_, next_param_, value.data(), value.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8));
}

Statement& Statement::BindInt(int64_t value) {
  return Check(sqlite3_bind_int64(stmt_, next_param_, value));
}

Statement& Statement::BindBool(bool value) { return BindInt(value ? 1 : 0); }

Statement& Statement::BindTextOrNull(std::string_view value) {
  if (!value.empty()) return BindText(value);
  return Check(sqlite3_bind_null(stmt_, next_param_));
}

Statement& Statement::BindIdOrNull(int64_t value) {
  if (value != 0) return BindInt(value);
  return Check(sqlite3_bind_null(stmt_, next_param_));
}

Statement& Statement::BindBlob(std::string_view bytes) {
  return Check(
      sqlite3_bind_blob64(stmt_, next_param_, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}

Statement& Statement::BindDouble(double value) {
  return Check(sqlite3_bind_double(stmt_, next_param_, value));
}

Statement& Statement::BindNull() { return Check(sqlite3_bind_null(stmt_, next_param_)); }

Result<bool> Statement::Step() {
  sqlite3* db = sqlite3_db_handle(stmt_);
  if (bind_rc_ != SQLITE_OK) return SqliteError(db, bind_rc_, "bind");
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db, rc, "step");
}

Status Statement::Run() {
  MUSTER_ASSIGN_OR_RETURN(bool row, Step());
  if (row) return Unexpected(std::string("sqlite: unexpected row from ") + sqlite3_sql(stmt_));
  return OkStatus();
}

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view Statement::Bytes(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return {};
  return std::string_view(static_cast<const char*>(data),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     const ConnectionOptions& options) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (!options.read_only) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error = SqliteError(db, rc, "open " + path);
    sqlite3_close_v2(db);  // a handle is usually returned even on failure; null is harmless
    return error;
  }
  std::unique_ptr<Connection> c(new Connection(db));
  MUSTER_RETURN_IF_ERROR(Configure(*c, options));
  return c;
}

Connection::~Connection() {
  for (auto& [sql, cached] : cache_) {
    assert(!cached.in_use);
    sqlite3_finalize(cached.stmt);
  }
  for (auto& [sql, cached] : dynamic_) {
    assert(!cached.in_use);
    sqlite3_finalize(cached.stmt);
  }
  sqlite3_close_v2(db_);
}

Status Connection::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "exec");
  return OkStatus();
}

Status Connection::Run(const char* sql) {
  MUSTER_ASSIGN_OR_RETURN(Statement st, Prepare(sql));
  return st.Run();
}

Result<Statement> Connection::Prepare(const char* sql) {
  Cached& cached = cache_[sql];
  assert(!cached.in_use && "a cached statement is borrowed twice");
  if (cached.stmt == nullptr) {
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &cached.stmt, nullptr);
    if (rc != SQLITE_OK) {
      cache_.erase(sql);
      return SqliteError(db_, rc, "prepare");
    }
  }
  return Statement(cached.stmt, &cached.in_use);
}

Result<Statement> Connection::PrepareDynamic(const std::string& sql) {
  auto it = dynamic_.find(sql);
  if (it == dynamic_.end()) {
    if (dynamic_.size() >= kMaxDynamic) {
      std::erase_if(dynamic_, [](auto& entry) {
        if (entry.second.in_use) return false;
        sqlite3_finalize(entry.second.stmt);
        return true;
      });
    }
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      Error e = SqliteError(db_, rc, "prepare");
      e.internal += " in: " + sql;
      return e;
    }
    it = dynamic_.emplace(sql, Cached{stmt, false}).first;
  }
  assert(!it->second.in_use && "a cached statement is borrowed twice");
  return Statement(it->second.stmt, &it->second.in_use);
}

Result<std::string> Connection::QueryText(const char* sql) {
  MUSTER_ASSIGN_OR_RETURN(Statement st, Prepare(sql));
  MUSTER_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Text(0) : std::string();
}

}  // namespace muster::storage::sqlite::internal
