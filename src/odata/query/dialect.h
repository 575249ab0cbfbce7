#pragma once

// The SQL dialect the OData query compiler (sql_compiler.h) writes for: the one in
// storage/sql_dialect.h, which every query layer shares, under this layer's names.

#include "storage/sql_dialect.h"

namespace muster::odata::query {

using Dialect = storage::SqlDialect;
using storage::PostgresDialect;
using storage::SqliteDialect;

}  // namespace muster::odata::query
