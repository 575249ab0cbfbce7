// SqliteStore: JWS signing keys and revoked tokens.

#include "storage/sqlite/internal/database.h"
#include "storage/sqlite/internal/query.h"
#include "storage/sqlite/sqlite_store.h"

namespace muster::storage::sqlite {
namespace {

using internal::Connection;
using internal::Statement;

#define MUSTER_SIGNING_KEY_COLUMNS                                                   \
  "kid, alg, state, private_key_sealed, certificate_pem, created_ms, activates_ms, " \
  "retired_ms, remove_after_ms"
constexpr char kPutSigningKey[] =
    "INSERT INTO signing_keys (" MUSTER_SIGNING_KEY_COLUMNS
    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kid) DO UPDATE SET "
    "alg = excluded.alg, state = excluded.state, "
    "private_key_sealed = excluded.private_key_sealed, "
    "certificate_pem = excluded.certificate_pem, created_ms = excluded.created_ms, "
    "activates_ms = excluded.activates_ms, retired_ms = excluded.retired_ms, "
    "remove_after_ms = excluded.remove_after_ms";
constexpr char kListSigningKeys[] =
    "SELECT " MUSTER_SIGNING_KEY_COLUMNS " FROM signing_keys ORDER BY created_ms, kid";
constexpr char kDeleteSigningKey[] = "DELETE FROM signing_keys WHERE kid = ?";
#undef MUSTER_SIGNING_KEY_COLUMNS

// Idempotent; a later expiry for the same jti wins (and only then is the row written).
constexpr char kAddRevokedToken[] =
    "INSERT INTO revoked_tokens (jti, expires_ms) VALUES (?, ?) ON CONFLICT (jti) DO UPDATE "
    "SET expires_ms = excluded.expires_ms WHERE excluded.expires_ms > revoked_tokens.expires_ms";
constexpr char kListRevokedTokens[] =
    "SELECT jti, expires_ms FROM revoked_tokens WHERE expires_ms > ? ORDER BY jti";
constexpr char kPurgeRevokedTokens[] = "DELETE FROM revoked_tokens WHERE expires_ms <= ?";

SigningKey ReadSigningKey(const Statement& st) {
  // The CHECK constraint admits only the names ParseKeyState knows.
  return SigningKey{.kid = st.Text(0),
                    .alg = st.Text(1),
                    .state = ParseKeyState(st.Text(2)).value_or(KeyState::kRetired),
                    .private_key_sealed = st.Text(3),
                    .certificate_pem = st.Text(4),
                    .created_ms = st.Int(5),
                    .activates_ms = st.Int(6),
                    .retired_ms = st.Int(7),
                    .remove_after_ms = st.Int(8)};
}

RevokedToken ReadRevokedToken(const Statement& st) {
  return RevokedToken{.jti = st.Text(0), .expires_ms = st.Int(1)};
}

}  // namespace

Status SqliteStore::PutSigningKey(const SigningKey& k) {
  return db_->Write([&](Connection& c) {
    return internal::Execute(c, kPutSigningKey, [&](Statement& st) {
      st.BindText(k.kid)
          .BindText(k.alg)
          .BindText(ToString(k.state))
          .BindText(k.private_key_sealed)
          .BindText(k.certificate_pem)
          .BindInt(k.created_ms)
          .BindInt(k.activates_ms)
          .BindInt(k.retired_ms)
          .BindInt(k.remove_after_ms);
    });
  });
}

Result<std::vector<SigningKey>> SqliteStore::ListSigningKeys() {
  return db_->Read([](Connection& c) {
    return internal::QueryAll<SigningKey>(c, kListSigningKeys, internal::NoParams, ReadSigningKey);
  });
}

Status SqliteStore::DeleteSigningKey(const std::string& kid) {
  return db_->Write([&](Connection& c) {
    return internal::ChangeOne(
        c, kDeleteSigningKey, [&](Statement& st) { st.BindText(kid); }, "signing key");
  });
}

Status SqliteStore::AddRevokedToken(const RevokedToken& t) {
  return db_->Write([&](Connection& c) {
    return internal::Execute(c, kAddRevokedToken,
                             [&](Statement& st) { st.BindText(t.jti).BindInt(t.expires_ms); });
  });
}

Result<std::vector<RevokedToken>> SqliteStore::ListRevokedTokens(int64_t now_ms) {
  return db_->Read([&](Connection& c) {
    return internal::QueryAll<RevokedToken>(
        c, kListRevokedTokens, [&](Statement& st) { st.BindInt(now_ms); }, ReadRevokedToken);
  });
}

Status SqliteStore::PurgeRevokedTokens(int64_t now_ms) {
  return db_->Write([&](Connection& c) {
    return internal::Execute(c, kPurgeRevokedTokens, [&](Statement& st) { st.BindInt(now_ms); });
  });
}

}  // namespace muster::storage::sqlite
