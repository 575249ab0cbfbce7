#pragma once

// The SQLite migrations, embedded at build time from storage/migrations/sqlite/NNNN_*.sql by
// storage/migrations/embed_migrations.cmake (the definition is a generated source).

#include <span>

namespace muster::storage::sqlite::internal {

struct EmbeddedMigration {
  int version;       // NNNN of the file name: 1, 2, 3, ... without gaps
  const char* name;  // the rest of the file name, e.g. "platform"
  const char* sql;   // the whole file; may hold several statements
};

// Every migration, in version order. Static storage; never empty.
std::span<const EmbeddedMigration> SqliteMigrations();

}  // namespace muster::storage::sqlite::internal
