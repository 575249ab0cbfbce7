#pragma once

// Maps SQLite result codes onto Muster's closed error vocabulary (core/result.h): unique and
// primary-key violations are kConflict, a busy or locked database is kUnavailable, and the
// rest is kInternal. The SQLite text goes to Error::internal only; `message` stays generic.

#include <sqlite3.h>

#include <string_view>

#include "core/result.h"

namespace muster::storage::sqlite::internal {

// An Error for result code `rc` (extended codes welcome) on `db`. `context` names the
// operation for the log, e.g. "step", "open".
Error SqliteError(sqlite3* db, int rc, std::string_view context);

// kNotFound for a missing `what` ("vendor", "site", ...).
Error NotFoundError(std::string_view what);

}  // namespace muster::storage::sqlite::internal
