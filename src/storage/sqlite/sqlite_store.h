#pragma once

// SqliteStore: the embedded SQLite implementation of storage::Store, one database file.
//
// The file runs in WAL mode with foreign keys on and synchronous=NORMAL. Writes go through
// one writer connection guarded by a mutex; reads use pooled reader connections and never
// wait for the writer. InTransaction() holds the writer for the whole callback (BEGIN
// IMMEDIATE), and store calls the callback makes on the same thread join it. Several
// processes may share the file; ConfigVersion() is kept by triggers in the database, so
// every process sees the others' configuration writes.
//
// Behaviour beyond store.h, held by the contract suite (storage/contract): lists are ordered
// by key (id; text keys byte-wise; subscription keys by vendor then slot; revocations by
// jti), except signing keys, by (created_ms, kid), and audit events, newest first. Update*
// rewrites every column except the row's identity and created_ms. Put* replaces every
// column, except that an existing install keeps its id and created_ms. Deleting a missing
// row is kNotFound. AuditQuery::limit <= 0 returns no events. A nested InTransaction() is a
// savepoint: if it fails, only its own writes are undone.
// Not in the contract: a foreign-key or CHECK violation (e.g. an application of an unknown
// vendor) is kInternal, and a database locked by another process past busy_timeout_ms is
// kUnavailable.
//
// Thread-safety: every method may be called from any thread. Ownership: owns its
// connections; the file is closed when the store is destroyed.

#include <cstddef>
#include <memory>
#include <string>

#include "storage/store.h"

namespace muster::storage::sqlite {

namespace internal {
class Database;
}  // namespace internal

struct SqliteOptions {
  // How long a statement waits for another process's lock before failing with
  // kUnavailable. Longer rides out slow writers; shorter fails requests faster.
  int busy_timeout_ms = 5000;
  // Reader connections kept open between calls (each holds its own statement cache). More
  // than the number of threads that read at once only costs memory.
  size_t max_idle_readers = 8;
};

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) the database at `path`, a file path (":memory:" is refused:
  // each connection would see its own database). Does not migrate: call Migrate().
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const SqliteOptions& options);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  Status Migrate() override;
  Result<int> SchemaVersion() override;
  Status InTransaction(const std::function<Status()>& fn) override;
  Result<int64_t> ConfigVersion() override;

  Result<std::optional<std::string>> GetMeta(const std::string& key) override;
  Status SetMeta(const std::string& key, const std::string& value) override;

  Status CreateVendor(const Vendor& v) override;
  Result<Vendor> GetVendor(const std::string& id) override;
  Result<std::vector<Vendor>> ListVendors() override;

  Status PutSubscriptionKey(const SubscriptionKey& k) override;
  Result<std::vector<SubscriptionKey>> ListSubscriptionKeys() override;

  Status CreateApplication(const Application& a) override;
  Status UpdateApplication(const Application& a) override;
  Result<Application> GetApplication(const std::string& id) override;
  Result<std::vector<Application>> ListApplications(const std::string& vendor_id) override;

  Result<int64_t> CreateSite(const Site& s) override;
  Status UpdateSite(const Site& s) override;
  Result<Site> GetSite(int64_t id) override;
  Result<Site> GetSiteByOrganisation(const std::string& organisation_id) override;
  Result<std::vector<Site>> ListSites() override;

  Result<int64_t> PutInstall(const Install& i) override;
  Result<Install> GetInstall(int64_t site_id, const std::string& application_id) override;
  Result<std::vector<Install>> ListInstalls() override;
  Status DeleteInstall(int64_t site_id, const std::string& application_id) override;

  Result<int64_t> CreateClient(const Client& c) override;
  Status UpdateClient(const Client& c) override;
  Result<Client> GetClient(const std::string& client_id) override;
  Result<std::vector<Client>> ListClients() override;

  Status PutSigningKey(const SigningKey& k) override;
  Result<std::vector<SigningKey>> ListSigningKeys() override;
  Status DeleteSigningKey(const std::string& kid) override;

  Status AddRevokedToken(const RevokedToken& t) override;
  Result<std::vector<RevokedToken>> ListRevokedTokens(int64_t now_ms) override;
  Status PurgeRevokedTokens(int64_t now_ms) override;

  Status AppendAudit(const std::vector<AuditEvent>& events) override;
  Result<std::vector<AuditEvent>> ListAudit(const AuditQuery& q) override;

  Result<int64_t> CreateAccount(const Account& a) override;
  Status UpdateAccount(const Account& a) override;
  Result<Account> GetAccountByUsername(const std::string& username) override;
  Result<std::vector<Account>> ListAccounts() override;

 private:
  explicit SqliteStore(std::unique_ptr<internal::Database> db);

  const std::unique_ptr<internal::Database> db_;
};

}  // namespace muster::storage::sqlite
