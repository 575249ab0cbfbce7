#pragma once

// The fixed SQL of SqliteRosterStore's reads: each entity's table and alias (the aliases
// roster/catalogs.h promises), each single-object read, and the condition each listing adds
// to `site_id = ?`, with the ids it binds. Internal to the SQLite roster store.

#include <span>

#include "roster/collections.h"

namespace muster::storage::sqlite::roster_sql {

struct Table {
  const char* name;   // "roster_users"
  const char* alias;  // "u"
};

const Table& TableOf(roster::Entity entity);

// "SELECT <alias>.sourced_id, status, date_last_modified_ms, body FROM <table> <alias>
// WHERE <alias>.site_id = ? AND <alias>.sourced_id = ? [AND <kind condition>]": binds the
// site id, then the sourcedId. Static storage (a statement cache key).
const char* GetSql(roster::ObjectKind kind);

// What a listing's condition binds, in order of its placeholders.
enum class Bind { kSite, kParent, kClass };

struct ListingSql {
  // ANDed to "<alias>.site_id = ?"; "" for none. Written with the table's alias; subqueries
  // use their own aliases and bind the site again (tenancy inside them too).
  const char* condition;
  std::span<const Bind> binds;
};

const ListingSql& SqlFor(roster::Listing listing);

}  // namespace muster::storage::sqlite::roster_sql
