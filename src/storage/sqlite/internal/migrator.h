#pragma once

// Applies numbered, forward-only migrations to a SQLite database and reports its version.
// Each migration runs in its own transaction together with its schema_migrations row, so a
// failed migration leaves the database at the previous version. Several processes may
// migrate the same file: BEGIN IMMEDIATE serialises them and the check is repeated inside.
//
// Thread-safety: the caller gives exclusive use of `writer` for the duration of the call.

#include <span>

#include "core/result.h"
#include "storage/sqlite/internal/connection.h"
#include "storage/sqlite/internal/migrations.h"

namespace muster::storage::sqlite::internal {

// Applies every migration newer than the database's version. kInternal if the database is
// newer than the newest migration known to this binary.
Status ApplyMigrations(Connection& writer, std::span<const EmbeddedMigration> migrations);

// The highest applied version; 0 for a database that was never migrated.
Result<int> ReadSchemaVersion(Connection& c);

}  // namespace muster::storage::sqlite::internal
