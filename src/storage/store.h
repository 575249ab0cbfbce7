#pragma once

// Store: the platform's persistence, as an interface. SQLite (storage/sqlite) is the
// embedded default; PostgreSQL is a second implementation of this same interface, and the
// contract suite (storage/contract) holds both to the same answers. Services depend only on
// this header, never on a backend.
//
// Thread-safety: every method may be called from any thread; implementations serialise
// writes and allow concurrent reads. Errors: kNotFound for a missing row, kConflict for a
// uniqueness violation, kInternal (with the backend's text in `internal`) otherwise.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/model.h"

namespace muster::storage {

struct AuditQuery {
  std::string actor_prefix;  // empty = any
  std::string vendor_id;     // empty = any (matches events whose target or actor names it)
  int64_t before_id = 0;     // 0 = newest first from the top
  int limit = 100;
};

class Store {
 public:
  virtual ~Store() = default;

  // Brings the schema to the newest migration (numbered, forward-only). Idempotent.
  virtual Status Migrate() = 0;
  virtual Result<int> SchemaVersion() = 0;
  // Runs `fn` inside one write transaction: every store call `fn` makes on this Store
  // from the calling thread joins it; any error from `fn` rolls all of it back.
  virtual Status InTransaction(const std::function<Status()>& fn) = 0;
  // A number that grows whenever vendors, keys, applications, sites, installs or clients
  // change (by any process sharing the database). Caches compare it to know they are stale.
  virtual Result<int64_t> ConfigVersion() = 0;

  // Key/value settings of the deployment (e.g. "demo.seed").
  virtual Result<std::optional<std::string>> GetMeta(const std::string& key) = 0;
  virtual Status SetMeta(const std::string& key, const std::string& value) = 0;

  virtual Status CreateVendor(const Vendor& v) = 0;
  virtual Result<Vendor> GetVendor(const std::string& id) = 0;
  virtual Result<std::vector<Vendor>> ListVendors() = 0;

  // Inserts or replaces the (vendor_id, slot) row.
  virtual Status PutSubscriptionKey(const SubscriptionKey& k) = 0;
  virtual Result<std::vector<SubscriptionKey>> ListSubscriptionKeys() = 0;

  virtual Status CreateApplication(const Application& a) = 0;
  virtual Status UpdateApplication(const Application& a) = 0;
  virtual Result<Application> GetApplication(const std::string& id) = 0;
  // All applications, or one vendor's when `vendor_id` is non-empty.
  virtual Result<std::vector<Application>> ListApplications(const std::string& vendor_id) = 0;

  // Returns the new site's id (`s.id` is ignored unless non-zero).
  virtual Result<int64_t> CreateSite(const Site& s) = 0;
  virtual Status UpdateSite(const Site& s) = 0;
  virtual Result<Site> GetSite(int64_t id) = 0;
  // `organisation_id` is matched case-insensitively.
  virtual Result<Site> GetSiteByOrganisation(const std::string& organisation_id) = 0;
  virtual Result<std::vector<Site>> ListSites() = 0;

  // Inserts, or updates the row with the same (site_id, application_id); returns its id.
  virtual Result<int64_t> PutInstall(const Install& i) = 0;
  virtual Result<Install> GetInstall(int64_t site_id, const std::string& application_id) = 0;
  virtual Result<std::vector<Install>> ListInstalls() = 0;
  // Removes the install and every client bound to it.
  virtual Status DeleteInstall(int64_t site_id, const std::string& application_id) = 0;

  // Returns the new row id. kConflict when client_id exists.
  virtual Result<int64_t> CreateClient(const Client& c) = 0;
  virtual Status UpdateClient(const Client& c) = 0;  // matched by client_id
  virtual Result<Client> GetClient(const std::string& client_id) = 0;
  virtual Result<std::vector<Client>> ListClients() = 0;

  virtual Status PutSigningKey(const SigningKey& k) = 0;  // insert or replace by kid
  virtual Result<std::vector<SigningKey>> ListSigningKeys() = 0;
  virtual Status DeleteSigningKey(const std::string& kid) = 0;

  virtual Status AddRevokedToken(const RevokedToken& t) = 0;  // idempotent
  // Entries whose token has not yet expired at `now_ms`.
  virtual Result<std::vector<RevokedToken>> ListRevokedTokens(int64_t now_ms) = 0;
  virtual Status PurgeRevokedTokens(int64_t now_ms) = 0;

  virtual Status AppendAudit(const std::vector<AuditEvent>& events) = 0;
  virtual Result<std::vector<AuditEvent>> ListAudit(const AuditQuery& q) = 0;

  virtual Result<int64_t> CreateAccount(const Account& a) = 0;
  virtual Status UpdateAccount(const Account& a) = 0;  // matched by id
  virtual Result<Account> GetAccountByUsername(const std::string& username) = 0;
  virtual Result<std::vector<Account>> ListAccounts() = 0;
};

}  // namespace muster::storage
