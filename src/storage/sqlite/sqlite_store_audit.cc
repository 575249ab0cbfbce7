// SqliteStore: the audit log and console accounts.

#include <algorithm>
#include <limits>

#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_store.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;

constexpr char kInsertAudit[] =
    "INSERT INTO audit_events (at_ms, actor, action, target, outcome, detail, request_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
// ?1: exclusive upper bound on id; ?2: actor prefix ("" = any); ?3: a vendor id that the
// target or the actor must contain, ignoring case ("" = any); ?4: row limit.
constexpr char kListAudit[] =
    "SELECT id, at_ms, actor, action, target, outcome, detail, request_id FROM audit_events "
    "WHERE id < ?1 AND (?2 = '' OR substr(actor, 1, length(?2)) = ?2) "
    "AND (?3 = '' OR instr(upper(target), upper(?3)) > 0 OR instr(upper(actor), upper(?3)) > 0) "
    "ORDER BY id DESC LIMIT ?4";

// created_ms comes second so that the UPDATE, which leaves it alone, skips ?2 (SQLite sizes
// a statement's parameters by the highest number it uses).
#define MUSTER_ACCOUNT_COLUMNS                                                         \
  "id, created_ms, role, username, password_hash, vendor_id, site_id, failed_logins, " \
  "locked_until_ms"
constexpr char kInsertAccount[] = "INSERT INTO accounts (" MUSTER_ACCOUNT_COLUMNS
                                  ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// Matched by id (?1); created_ms (?2) stays as it is.
constexpr char kUpdateAccount[] =
    "UPDATE accounts SET role = ?3, username = ?4, password_hash = ?5, vendor_id = ?6, "
    "site_id = ?7, failed_logins = ?8, locked_until_ms = ?9 WHERE id = ?1";
constexpr char kSelectAccountByUsername[] =
    "SELECT " MUSTER_ACCOUNT_COLUMNS " FROM accounts WHERE username = ?";
constexpr char kListAccounts[] = "SELECT " MUSTER_ACCOUNT_COLUMNS " FROM accounts ORDER BY id";
#undef MUSTER_ACCOUNT_COLUMNS

AuditEvent ReadAudit(const Statement& st) {
  return AuditEvent{.id = st.Int(0),
                    .at_ms = st.Int(1),
                    .actor = st.Text(2),
                    .action = st.Text(3),
                    .target = st.Text(4),
                    .outcome = st.Text(5),
                    .detail = st.Text(6),
                    .request_id = st.Text(7)};
}

Status InsertAudit(Connection& c, const AuditEvent& e) {
  return internal::Execute(c, kInsertAudit, [&](Statement& st) {
    st.BindInt(e.at_ms)
        .BindText(e.actor)
        .BindText(e.action)
        .BindText(e.target)
        .BindText(e.outcome)
        .BindText(e.detail)
        .BindText(e.request_id);
  });
}

void BindAccount(Statement& st, const Account& a) {
  st.BindIdOrNull(a.id)
      .BindInt(a.created_ms)
      .BindText(ToString(a.role))
      .BindText(a.username)
      .BindText(a.password_hash)
      .BindTextOrNull(a.vendor_id)
      .BindIdOrNull(a.site_id)
      .BindInt(a.failed_logins)
      .BindInt(a.locked_until_ms);
}

Account ReadAccount(const Statement& st) {
  // The CHECK constraint admits only the names ParseAccountRole knows.
  return Account{.id = st.Int(0),
                 .role = ParseAccountRole(st.Text(2)).value_or(AccountRole::kSiteAdmin),
                 .username = st.Text(3),
                 .password_hash = st.Text(4),
                 .vendor_id = st.Text(5),
                 .site_id = st.Int(6),
                 .failed_logins = static_cast<int>(st.Int(7)),
                 .locked_until_ms = st.Int(8),
                 .created_ms = st.Int(1)};
}

}  // namespace

Status SqliteStore::AppendAudit(const std::vector<AuditEvent>& events) {
  if (events.empty()) return OkStatus();
  // All of the batch or none of it.
  return db_->Transaction([&]() -> Status {
    for (const AuditEvent& e : events) {
      MUSTER_RETURN_IF_ERROR(db_->Write([&](Connection& c) { return InsertAudit(c, e); }));
    }
    return OkStatus();
  });
}

Result<std::vector<AuditEvent>> SqliteStore::ListAudit(const AuditQuery& q) {
  const int64_t before = q.before_id > 0 ? q.before_id : std::numeric_limits<int64_t>::max();
  return db_->Read([&](Connection& c) {
    return internal::QueryAll<AuditEvent>(
        c, kListAudit,
        [&](Statement& st) {
          st.BindInt(before)
              .BindText(q.actor_prefix)
              .BindText(q.vendor_id)
              .BindInt(std::max(q.limit, 0));
        },
        ReadAudit);
  });
}

Result<int64_t> SqliteStore::CreateAccount(const Account& a) {
  return db_->Write([&](Connection& c) {
    return internal::WriteReturningId(c, kInsertAccount,
                                      [&](Statement& st) { BindAccount(st, a); });
  });
}

Status SqliteStore::UpdateAccount(const Account& a) {
  return db_->Write([&](Connection& c) {
    return internal::ChangeOne(
        c, kUpdateAccount, [&](Statement& st) { BindAccount(st, a); }, "account");
  });
}

Result<Account> SqliteStore::GetAccountByUsername(const std::string& username) {
  return db_->Read([&](Connection& c) {
    return internal::QueryOne<Account>(
        c, kSelectAccountByUsername, [&](Statement& st) { st.BindText(username); }, ReadAccount,
        "account");
  });
}

Result<std::vector<Account>> SqliteStore::ListAccounts() {
  return db_->Read([](Connection& c) {
    return internal::QueryAll<Account>(c, kListAccounts, internal::NoParams, ReadAccount);
  });
}

}  // namespace muster::storage::sqlite
