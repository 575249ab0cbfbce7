// SqliteStore: OAuth clients.

#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_store.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;

#define MUSTER_CLIENT_COLUMNS                                                             \
  "id, client_id, kind, vendor_id, application_id, site_id, secret_hash, secret_sealed, " \
  "previous_secret_hash, previous_secret_expires_ms, scopes, description, enabled, "      \
  "created_ms, updated_ms"
constexpr char kInsertClient[] =
    "INSERT INTO clients (" MUSTER_CLIENT_COLUMNS
    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// Matched by client_id (?2); id (?1) and created_ms (?14) stay as they are.
constexpr char kUpdateClient[] =
    "UPDATE clients SET kind = ?3, vendor_id = ?4, application_id = ?5, site_id = ?6, "
    "secret_hash = ?7, secret_sealed = ?8, previous_secret_hash = ?9, "
    "previous_secret_expires_ms = ?10, scopes = ?11, description = ?12, enabled = ?13, "
    "updated_ms = ?15 WHERE client_id = ?2";
constexpr char kSelectClient[] =
    "SELECT " MUSTER_CLIENT_COLUMNS " FROM clients WHERE client_id = ?";
constexpr char kListClients[] = "SELECT " MUSTER_CLIENT_COLUMNS " FROM clients ORDER BY id";
#undef MUSTER_CLIENT_COLUMNS

// Binds the fifteen columns in order. Unset references (vendor "", application "", site 0)
// are NULL, so the foreign keys, including the one to the install, apply only when set.
void BindClient(Statement& st, const Client& c) {
  st.BindIdOrNull(c.id)
      .BindText(c.client_id)
      .BindText(ToString(c.kind))
      .BindTextOrNull(c.vendor_id)
      .BindTextOrNull(c.application_id)
      .BindIdOrNull(c.site_id)
      .BindText(c.secret_hash)
      .BindText(c.secret_sealed)
      .BindText(c.previous_secret_hash)
      .BindInt(c.previous_secret_expires_ms)
      .BindText(c.scopes)
      .BindText(c.description)
      .BindBool(c.enabled)
      .BindInt(c.created_ms)
      .BindInt(c.updated_ms);
}

Client ReadClient(const Statement& st) {
  // The CHECK constraint admits only the names ParseClientKind knows.
  return Client{.id = st.Int(0),
                .client_id = st.Text(1),
                .kind = ParseClientKind(st.Text(2)).value_or(ClientKind::kOneRoster),
                .vendor_id = st.Text(3),
                .application_id = st.Text(4),
                .site_id = st.Int(5),
                .secret_hash = st.Text(6),
                .secret_sealed = st.Text(7),
                .previous_secret_hash = st.Text(8),
                .previous_secret_expires_ms = st.Int(9),
                .scopes = st.Text(10),
                .description = st.Text(11),
                .enabled = st.Bool(12),
                .created_ms = st.Int(13),
                .updated_ms = st.Int(14)};
}

}  // namespace

Result<int64_t> SqliteStore::CreateClient(const Client& c) {
  return db_->Write([&](Connection& conn) {
    return internal::WriteReturningId(conn, kInsertClient,
                                      [&](Statement& st) { BindClient(st, c); });
  });
}

Status SqliteStore::UpdateClient(const Client& c) {
  return db_->Write([&](Connection& conn) {
    return internal::ChangeOne(
        conn, kUpdateClient, [&](Statement& st) { BindClient(st, c); }, "client");
  });
}

Result<Client> SqliteStore::GetClient(const std::string& client_id) {
  return db_->Read([&](Connection& conn) {
    return internal::QueryOne<Client>(
        conn, kSelectClient, [&](Statement& st) { st.BindText(client_id); }, ReadClient, "client");
  });
}

Result<std::vector<Client>> SqliteStore::ListClients() {
  return db_->Read([](Connection& conn) {
    return internal::QueryAll<Client>(conn, kListClients, internal::NoParams, ReadClient);
  });
}

}  // namespace muster::storage::sqlite
