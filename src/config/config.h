#pragma once

// Typed configuration of `muster serve`: one plain struct per section, each field with its
// default. Layers, lowest first: built-in defaults, the TOML file, MUSTER_<SECTION>_<KEY>
// environment variables, then command-line flags. Unknown keys and wrong types are errors;
// Validate() then checks the whole config and lists every problem at once. docs/config.md is
// the reference; config/muster.example.toml shows every key with its default.
//
// Secrets (the master key, the PostgreSQL password) are not fields here: they come from the
// environment or from files, and no error message or DescribeConfig() output ever carries one.
// postgres_dsn may still hold a password when it comes from the environment or a flag, so it
// is redacted wherever it is shown, and the TOML file may not carry one at all.
//
// Everything here is a pure function of its arguments except SystemEnvironment() and
// LoadConfig() (which reads the file); Config is a value type, copied freely.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace muster::config {

// Field comments give the meaning; docs/config.md adds each range, trade-off and variable.
struct ServerConfig {                     // [server]
  std::string listen = "127.0.0.1:8080";  // HOST:PORT or [IPv6]:PORT; port 0 = any free port
  int threads = 0;                        // I/O threads; 0 = one per core
  std::string tls_cert;                   // PEM certificate chain path; both or neither
  std::string tls_key;                    // PEM private key path; both or neither
  int read_timeout_ms = 15000;            // the whole request must arrive within this
  int idle_timeout_ms = 60000;            // keep-alive idle limit
  int64_t header_limit_bytes = 8192;      // request line + headers
  int64_t body_limit_bytes = 1048576;     // default per-route body limit
  int shutdown_grace_ms = 10000;          // in-flight requests get this long on SIGTERM
  std::string public_url;                 // external base URL; empty = derived from listen

  bool operator==(const ServerConfig&) const = default;
};

struct StorageConfig {                     // [storage]
  std::string driver = "sqlite";           // "sqlite" | "postgres"
  std::string data_dir = "./muster-data";  // SQLite file and default master key live here
  std::string sqlite_file = "muster.db";   // relative to data_dir; ":memory:" for tests
  std::string postgres_dsn;                // libpq DSN without the password
  int busy_timeout_ms = 5000;              // how long a writer waits for a locked database

  bool operator==(const StorageConfig&) const = default;
};

struct SecurityConfig {         // [security]
  std::string master_key_file;  // empty = {data_dir}/master.key; MUSTER_MASTER_KEY wins

  bool operator==(const SecurityConfig&) const = default;
};

struct StsConfig {                    // [sts]
  std::string issuer;                 // empty = the effective public URL
  std::string audience;               // empty = issuer + "/resources" (as the seed's tokens)
  int token_lifetime_s = 3600;        // 60..86400
  std::string signing_alg = "RS256";  // RS256 | ES256 | EdDSA
  int64_t key_announce_s = 1209600;   // a new key is published this long before it signs (14 d)
  int64_t key_lifetime_s = 7776000;   // a key signs this long before rotation (90 d)
  int clock_skew_s = 30;              // leeway for exp/nbf checks
  double rate_limit_per_s = 20;       // per-client token bucket refill; 0 disables
  int rate_limit_burst = 100;         // bucket size; >= 1 when rate limiting
  int jwks_max_age_s = 3600;          // Cache-Control max-age for discovery and JWKS

  bool operator==(const StsConfig&) const = default;
};

struct GatewayConfig {  // [gateway]
  // Route groups that require Ocp-Apim-Subscription-Key.
  std::vector<std::string> subscription_key_groups = {"dex"};

  bool operator==(const GatewayConfig&) const = default;
};

struct LogConfig {             // [log]
  std::string level = "info";  // debug | info | warn | error
  bool access_log = true;      // one JSON line per request

  bool operator==(const LogConfig&) const = default;
};

struct Config {
  ServerConfig server;
  StorageConfig storage;
  SecurityConfig security;
  StsConfig sts;
  GatewayConfig gateway;
  LogConfig log;

  bool operator==(const Config&) const = default;
};

// Environment variables the composition root reads itself (they are secrets, not fields).
inline constexpr std::string_view kMasterKeyEnv = "MUSTER_MASTER_KEY";  // 64 hex characters
inline constexpr std::string_view kPostgresPasswordEnv = "MUSTER_STORAGE_POSTGRES_PASSWORD";

// A read-only view of environment variables: the value of `name`, or nullopt when unset.
// Injected so tests never touch the process environment.
using Environment = std::function<std::optional<std::string>(std::string_view name)>;

// The process environment (getenv). Call only while no thread modifies the environment.
Environment SystemEnvironment();
// A fixed set of variables, for tests.
Environment MapEnvironment(std::map<std::string, std::string, std::less<>> vars);

// A dotted key and its text, e.g. a CLI flag: {"server.listen", "0.0.0.0:443"}.
struct Override {
  std::string key;
  std::string value;
};

// The whole pipeline: defaults, then the TOML file at `toml_path` (empty = no file), then
// every MUSTER_<SECTION>_<KEY> variable found in `env`, then `flags` in order, then
// Validate(). On failure the error (kInvalidArgument, reason "invalid_config") lists every
// problem of the first failing stage, one per line, e.g.
//   /etc/muster.toml:12:1: unknown key "sts.tokne_lifetime_s" (did you mean ...?)
//   MUSTER_SERVER_THREADS: expected an integer, got "many"
// A missing or unreadable file is kNotFound / kUnavailable; a TOML syntax error names
// file:line:column.
Result<Config> LoadConfig(const std::string& toml_path, const Environment& env,
                          std::span<const Override> flags = {});

// Sets one field from text, with the same typed parsing the environment layer uses:
// integers and floats in decimal, booleans as true/false/1/0/yes/no/on/off, lists as comma
// separated items ("" = empty list). URLs lose trailing '/'. Does not validate ranges (that
// is Validate's job). Errors name the dotted key; unknown keys suggest the nearest one.
Status ApplyOverride(Config& config, std::string_view dotted_key, std::string_view value);

// Checks every cross-field and range rule, and reports all violations at once in one
// kInvalidArgument error (reason "invalid_config"), one per line. Does not touch the disk.
Status Validate(const Config& config);

// Derived values. EffectivePublicUrl is server.public_url, or "http[s]://host:port" from
// server.listen (https when tls_cert is set). With port 0 that URL is not reachable: the
// composition root should set server.public_url from the bound address before using these.
std::string EffectivePublicUrl(const Config& config);
std::string EffectiveIssuer(const Config& config);    // sts.issuer or EffectivePublicUrl
std::string EffectiveAudience(const Config& config);  // sts.audience or issuer + "/resources"
std::string SqlitePath(const Config& config);         // data_dir/sqlite_file (absolute kept)
std::string MasterKeyFile(const Config& config);      // master_key_file or data_dir/master.key

// The config as TOML, every key in every section, with derived values as trailing comments
// and any password in postgres_dsn replaced by "***". For `muster config check`.
std::string DescribeConfig(const Config& config);

}  // namespace muster::config
