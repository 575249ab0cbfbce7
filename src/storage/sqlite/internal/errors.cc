#include "storage/sqlite/internal/errors.h"

#include <string>
#include <utility>

namespace muster::storage::sqlite::internal {

Error SqliteError(sqlite3* db, int rc, std::string_view context) {
  std::string internal = "sqlite " + std::string(context) + ": ";
  // The connection's message describes its last error; fall back to the code's text.
  internal += (db != nullptr && sqlite3_extended_errcode(db) == rc) ? sqlite3_errmsg(db)
                                                                    : sqlite3_errstr(rc);
  internal += " (" + std::to_string(rc) + ")";
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      return MakeError(ErrorCode::kConflict, "conflict", "the record already exists",
                       std::move(internal));
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return MakeError(ErrorCode::kUnavailable, "storage_busy", "storage is busy, try again",
                       std::move(internal));
    default:
      return MakeError(ErrorCode::kInternal, "storage_error", "storage error", std::move(internal));
  }
}

Error NotFoundError(std::string_view what) {
  return MakeError(ErrorCode::kNotFound, "not_found", std::string(what) + " not found");
}

}  // namespace muster::storage::sqlite::internal
