#pragma once

// Test-only helpers for the SQLite backend's tests: a temporary directory per test and raw
// access to a database file (as another process would have), bypassing SqliteStore.

#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace muster::storage::sqlite {

// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "muster-storage-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  bool ok() const { return !path_.empty(); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs `sql` on its own connection to `path`; returns the first column of the last row
// ("" if none), or "error: <message>".
inline std::string RawQuery(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    out = std::string("error: ") + sqlite3_errmsg(db);
    sqlite3_close(db);
    return out;
  }
  sqlite3_busy_timeout(db, 5000);
  auto on_row = [](void* sink, int columns, char** values, char**) {
    if (columns > 0) *static_cast<std::string*>(sink) = values[0] ? values[0] : "";
    return 0;
  };
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), on_row, &out, &error) != SQLITE_OK) {
    out = std::string("error: ") + (error ? error : "?");
    sqlite3_free(error);
  }
  sqlite3_close(db);
  return out;
}

}  // namespace muster::storage::sqlite
