#include "app/runtime.h"

#include <sys/stat.h>

#include <filesystem>

#include "jose/signing_key.h"
#include "storage/sqlite/sqlite_roster_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace muster::app {

Runtime::~Runtime() {
  if (audit_) audit_->Stop();
}

Result<std::unique_ptr<Runtime>> Runtime::Open(config::Config config, const OpenOptions& options) {
  std::unique_ptr<Runtime> rt(new Runtime());
  rt->config_ = std::move(config);
  const config::Config& c = rt->config_;
  if (c.storage.driver != "sqlite") {
    return MakeError(
        ErrorCode::kInvalidArgument, "invalid_config",
        "storage.driver \"" + c.storage.driver + "\" is not available in this build (sqlite is)");
  }
  std::error_code ec;
  std::filesystem::create_directories(c.storage.data_dir, ec);
  if (ec) {
    return MakeError(
        ErrorCode::kUnavailable, "",
        "cannot create the data directory " + c.storage.data_dir + ": " + ec.message());
  }
  ::chmod(c.storage.data_dir.c_str(), 0700);
  std::string db_path = config::SqlitePath(c);
  bool new_database = !std::filesystem::exists(db_path);

  // The master key: MUSTER_MASTER_KEY wins over the key file.
  crypto::MasterKey master;
  auto env = config::SystemEnvironment();
  if (auto hex = env(config::kMasterKeyEnv)) {
    MUSTER_ASSIGN_OR_RETURN(master, crypto::MasterKeyFromHex(*hex));
  } else {
    MUSTER_ASSIGN_OR_RETURN(master, crypto::LoadOrCreateMasterKey(
                                        config::MasterKeyFile(c),
                                        options.allow_new_master_key || new_database, rt->random_));
  }
  rt->sealer_ = std::make_unique<crypto::Sealer>(master.SealingKey());
  rt->hasher_ = std::make_unique<crypto::SecretHasher>(master.Pepper());

  storage::sqlite::SqliteOptions sqlite_options;
  sqlite_options.busy_timeout_ms = c.storage.busy_timeout_ms;
  MUSTER_ASSIGN_OR_RETURN(auto store, storage::sqlite::SqliteStore::Open(db_path, sqlite_options));
  rt->store_ = std::move(store);
  MUSTER_RETURN_IF_ERROR(rt->store_->Migrate());
  MUSTER_ASSIGN_OR_RETURN(
      auto roster, storage::sqlite::SqliteRosterStore::Open(db_path, sqlite_options, rt->clock_));
  rt->learners_ = roster.get();
  rt->roster_ = std::move(roster);

  rt->registry_ = std::make_unique<auth::ClientRegistry>(*rt->store_);
  rt->keys_ =
      std::make_unique<auth::KeyManager>(*rt->store_, rt->clock_, *rt->sealer_, rt->KeyPolicy());
  rt->revocations_ = std::make_unique<auth::RevocationList>(*rt->store_, rt->clock_);
  rt->audit_ = std::make_unique<auth::AuditSink>(*rt->store_, rt->clock_);
  auth::ClientRegistry* registry = rt->registry_.get();
  rt->platform_ = std::make_unique<admin::PlatformService>(
      admin::AdminDeps{*rt->store_, rt->clock_, rt->random_, *rt->sealer_, *rt->hasher_,
                       [registry] { (void)registry->Reload(); }});
  MUSTER_RETURN_IF_ERROR(rt->registry_->Reload());
  MUSTER_RETURN_IF_ERROR(rt->keys_->Load());
  MUSTER_RETURN_IF_ERROR(rt->revocations_->Load());
  return rt;
}

void Runtime::SetPublicUrl(std::string url) {
  config_.server.public_url = std::move(url);
  keys_->SetSubject(KeyPolicy().subject);  // certificates name the real issuer
}
std::string Runtime::PublicUrl() const { return config::EffectivePublicUrl(config_); }
std::string Runtime::Issuer() const { return config::EffectiveIssuer(config_); }
std::string Runtime::Audience() const { return config::EffectiveAudience(config_); }

auth::KeyPolicy Runtime::KeyPolicy() const {
  auth::KeyPolicy p;
  auto alg = jose::ParseJwsAlg(config_.sts.signing_alg);
  p.alg = alg.ok() ? *alg : jose::JwsAlg::kRS256;  // Validate() already refused bad names
  p.announce_s = config_.sts.key_announce_s;
  p.lifetime_s = config_.sts.key_lifetime_s;
  p.token_lifetime_s = config_.sts.token_lifetime_s;
  p.skew_s = config_.sts.clock_skew_s;
  p.subject = "Muster STS " + Issuer();
  return p;
}

}  // namespace muster::app
