#include "config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "config/internal/fields.h"

namespace muster::config {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Environment NoEnv() { return MapEnvironment({}); }

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t CountLines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("muster_config_" + std::to_string(getpid()) + "_" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  std::filesystem::path dir_;
};

// Every field of `a` differs from the same field of `b`.
void ExpectEveryFieldDiffers(Config a, Config b) {
  for (const internal::Field& field : internal::Fields()) {
    const bool same = std::visit(
        [&](auto* x) {
          using T = decltype(x);
          return *x == *std::get<T>(field.ref(b));
        },
        field.ref(a));
    EXPECT_FALSE(same) << field.path << " is not set by the test file";
  }
}

TEST_F(ConfigTest, DefaultsWithoutFileOrEnvironment) {
  Result<Config> config = LoadConfig("", NoEnv());
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(*config, Config{});
  EXPECT_EQ(config->server.listen, "127.0.0.1:8080");
  EXPECT_EQ(config->server.threads, 0);
  EXPECT_EQ(config->server.body_limit_bytes, 1048576);
  EXPECT_EQ(config->storage.driver, "sqlite");
  EXPECT_EQ(config->sts.token_lifetime_s, 3600);
  EXPECT_EQ(config->sts.signing_alg, "RS256");
  EXPECT_EQ(config->sts.key_announce_s, 1209600);
  EXPECT_EQ(config->sts.key_lifetime_s, 7776000);
  EXPECT_DOUBLE_EQ(config->sts.rate_limit_per_s, 20);
  EXPECT_EQ(config->gateway.subscription_key_groups, std::vector<std::string>{"dex"});
  EXPECT_EQ(config->log.level, "info");
  EXPECT_TRUE(config->log.access_log);
  EXPECT_TRUE(Validate(Config{}).ok());
}

constexpr char kFullFile[] = R"(
[server]
listen = "0.0.0.0:9443"
threads = 4
tls_cert = "/etc/muster/tls.crt"
tls_key = "/etc/muster/tls.key"
read_timeout_ms = 5000
idle_timeout_ms = 30000
header_limit_bytes = 16384
body_limit_bytes = 10485760
shutdown_grace_ms = 2000
public_url = "https://id.example.org/"

[storage]
driver = "postgres"
data_dir = "/var/lib/muster"
sqlite_file = "other.db"
postgres_dsn = "host=db user=muster dbname=muster"
busy_timeout_ms = 250

[security]
master_key_file = "/run/secrets/master.key"

[sts]
issuer = "https://sts.example.org"
audience = "https://api.example.org"
token_lifetime_s = 1800
signing_alg = "ES256"
key_announce_s = 86400
key_lifetime_s = 604800
clock_skew_s = 10
rate_limit_per_s = 2.5
rate_limit_burst = 10
jwks_max_age_s = 600

[gateway]
subscription_key_groups = ["dex", "oneroster"]

[log]
level = "debug"
access_log = false
)";

TEST_F(ConfigTest, FullFileParsesIntoEveryField) {
  Result<Config> config = LoadConfig(WriteFile("full.toml", kFullFile), NoEnv());
  ASSERT_TRUE(config.ok()) << config.error().message;
  Config want;
  want.server = {
      "0.0.0.0:9443", 4,    "/etc/muster/tls.crt",   "/etc/muster/tls.key", 5000, 30000, 16384,
      10485760,       2000, "https://id.example.org"};
  want.storage = {"postgres", "/var/lib/muster", "other.db", "host=db user=muster dbname=muster",
                  250};
  want.security = {"/run/secrets/master.key"};
  want.sts = {"https://sts.example.org",
              "https://api.example.org",
              1800,
              "ES256",
              86400,
              604800,
              10,
              2.5,
              10,
              600};
  want.gateway = {{"dex", "oneroster"}};
  want.log = {"debug", false};
  EXPECT_EQ(*config, want);
  ExpectEveryFieldDiffers(*config, Config{});
}

TEST_F(ConfigTest, UnknownKeyIsNamedWithItsDottedPathAndPosition) {
  const std::string path = WriteFile("typo.toml", "[sts]\ntokne_lifetime_s = 600\n");
  Result<Config> config = LoadConfig(path, NoEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(config.error().message,
              HasSubstr(path + ":2:1: unknown key \"sts.tokne_lifetime_s\""));
  EXPECT_THAT(config.error().message, HasSubstr("did you mean \"sts.token_lifetime_s\"?"));
}

TEST_F(ConfigTest, UnknownTablesAndTopLevelKeysAreErrors) {
  const std::string path = WriteFile("tables.toml",
                                     "listen = \"x\"\n"
                                     "[sever]\n"
                                     "listen = \"127.0.0.1:1\"\n"
                                     "[server.tls]\n"
                                     "cert = \"a\"\n"
                                     "[sts]\n"
                                     "token_lifetime_s = 600\n"
                                     "[sts.extra]\n");
  Result<Config> config = LoadConfig(path, NoEnv());
  ASSERT_FALSE(config.ok());
  const std::string& message = config.error().message;
  EXPECT_THAT(message, HasSubstr("unknown key \"listen\""));
  EXPECT_THAT(message, HasSubstr("unknown table \"sever\" (did you mean \"server\"?)"));
  EXPECT_THAT(message, HasSubstr("unknown table \"server.tls\""));
  EXPECT_THAT(message, HasSubstr("unknown table \"sts.extra\""));
  EXPECT_EQ(CountLines(message), 5u) << message;
  // In file order, although toml++ iterates tables in key order.
  EXPECT_LT(message.find("\"listen\""), message.find("\"sever\""));
  EXPECT_LT(message.find("\"sever\""), message.find("\"server.tls\""));
  EXPECT_LT(message.find("\"server.tls\""), message.find("\"sts.extra\""));
}

TEST_F(ConfigTest, KeyUnderTheWrongSectionSuggestsTheRightOne) {
  Result<Config> config = LoadConfig(WriteFile("c.toml", "[server]\nissuer = \"x\"\n"), NoEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message,
              HasSubstr("unknown key \"server.issuer\" (did you mean \"sts.issuer\"?)"));
}

TEST_F(ConfigTest, WrongTypesNameTheKeyAndBothTypes) {
  const std::string path = WriteFile("types.toml",
                                     "[server]\n"
                                     "threads = 2.5\n"
                                     "[sts]\n"
                                     "token_lifetime_s = \"1h\"\n"
                                     "rate_limit_per_s = true\n"
                                     "[gateway]\n"
                                     "subscription_key_groups = [\"dex\", 3]\n"
                                     "[log]\n"
                                     "access_log = \"yes\"\n"
                                     "level = 1\n"
                                     "[security]\n"
                                     "master_key_file = [\"a\"]\n");
  Result<Config> config = LoadConfig(path, NoEnv());
  ASSERT_FALSE(config.ok());
  const std::string& message = config.error().message;
  EXPECT_THAT(message,
              HasSubstr("server.threads: expected an integer, got a floating-point number"));
  EXPECT_THAT(message, HasSubstr(path + ":4:20: sts.token_lifetime_s: expected an integer, got "
                                        "a string"));
  EXPECT_THAT(message, HasSubstr("sts.rate_limit_per_s: expected a number, got a boolean"));
  EXPECT_THAT(message, HasSubstr("gateway.subscription_key_groups: item 1: expected a string, "
                                 "got an integer"));
  EXPECT_THAT(message, HasSubstr("log.access_log: expected a boolean, got a string"));
  EXPECT_THAT(message, HasSubstr("log.level: expected a string, got an integer"));
  EXPECT_THAT(message, HasSubstr("security.master_key_file: expected a string, got an array"));
  EXPECT_EQ(CountLines(message), 8u) << message;
}

TEST_F(ConfigTest, IntegerFieldsRejectValuesThatDoNotFit) {
  Result<Config> config =
      LoadConfig(WriteFile("big.toml", "[server]\nthreads = 4294967296\n"), NoEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message, HasSubstr("server.threads: integer out of range"));
}

TEST_F(ConfigTest, FloatFieldAcceptsAnInteger) {
  Result<Config> config =
      LoadConfig(WriteFile("rate.toml", "[sts]\nrate_limit_per_s = 7\n"), NoEnv());
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_DOUBLE_EQ(config->sts.rate_limit_per_s, 7);
}

TEST_F(ConfigTest, SyntaxErrorReportsFileLineAndColumn) {
  const std::string path =
      WriteFile("broken.toml", "[server]\nlisten = \"127.0.0.1:1\"\nthreads = \n");
  Result<Config> config = LoadConfig(path, NoEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message, HasSubstr(path + ":3:"));
}

TEST_F(ConfigTest, MissingFileIsNotFound) {
  Result<Config> config = LoadConfig((dir_ / "absent.toml").string(), NoEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(config.error().message, HasSubstr("absent.toml"));
}

TEST_F(ConfigTest, DirectoryIsNotAConfigFile) {
  Result<Config> config = LoadConfig(dir_.string(), NoEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message, HasSubstr("is a directory"));
}

TEST_F(ConfigTest, PasswordInTheFileDsnIsRejectedWithoutEchoingIt) {
  const std::string path = WriteFile(
      "pw.toml", "[storage]\ndriver = \"postgres\"\npostgres_dsn = \"host=db password=hunter2\"\n");
  Result<Config> config = LoadConfig(path, NoEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message,
              HasSubstr("storage.postgres_dsn: must not contain a password"));
  EXPECT_THAT(config.error().message, HasSubstr("MUSTER_STORAGE_POSTGRES_PASSWORD"));
  EXPECT_THAT(config.error().message, Not(HasSubstr("hunter2")));

  config = LoadConfig(
      WriteFile("uri.toml", "[storage]\npostgres_dsn = \"postgresql://u:hunter2@db/m\"\n"),
      NoEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.error().message, HasSubstr("must not contain a password"));
  EXPECT_THAT(config.error().message, Not(HasSubstr("hunter2")));

  // The environment is a proper place for it, and the DSN is then accepted.
  config = LoadConfig("", MapEnvironment({{"MUSTER_STORAGE_DRIVER", "postgres"},
                                          {"MUSTER_STORAGE_POSTGRES_DSN", "host=db password=pw"}}));
  ASSERT_TRUE(config.ok()) << config.error().message;
}

TEST_F(ConfigTest, EnvironmentOverridesEachType) {
  Result<Config> config = LoadConfig(
      "", MapEnvironment({
              {"MUSTER_SERVER_LISTEN", "[::1]:0"},
              {"MUSTER_SERVER_THREADS", "3"},
              {"MUSTER_SERVER_BODY_LIMIT_BYTES", "5368709120"},
              {"MUSTER_STS_RATE_LIMIT_PER_S", "0.5"},
              {"MUSTER_STS_SIGNING_ALG", "EdDSA"},
              {"MUSTER_LOG_ACCESS_LOG", "off"},
              {"MUSTER_GATEWAY_SUBSCRIPTION_KEY_GROUPS", " dex , oneroster,provisioning "},
              {"MUSTER_UNRELATED", "ignored"},
          }));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->server.listen, "[::1]:0");
  EXPECT_EQ(config->server.threads, 3);
  EXPECT_EQ(config->server.body_limit_bytes, 5368709120);
  EXPECT_DOUBLE_EQ(config->sts.rate_limit_per_s, 0.5);
  EXPECT_EQ(config->sts.signing_alg, "EdDSA");
  EXPECT_FALSE(config->log.access_log);
  EXPECT_EQ(config->gateway.subscription_key_groups,
            (std::vector<std::string>{"dex", "oneroster", "provisioning"}));
}

TEST_F(ConfigTest, EmptyEnvironmentListClearsTheList) {
  Result<Config> config =
      LoadConfig("", MapEnvironment({{"MUSTER_GATEWAY_SUBSCRIPTION_KEY_GROUPS", ""}}));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->gateway.subscription_key_groups.empty());
}

TEST_F(ConfigTest, EnvironmentErrorsNameTheVariable) {
  Result<Config> config = LoadConfig("", MapEnvironment({
                                             {"MUSTER_SERVER_THREADS", "many"},
                                             {"MUSTER_SERVER_IDLE_TIMEOUT_MS", "99999999999"},
                                             {"MUSTER_STS_RATE_LIMIT_PER_S", "nan"},
                                             {"MUSTER_LOG_ACCESS_LOG", "maybe"},
                                             {"MUSTER_GATEWAY_SUBSCRIPTION_KEY_GROUPS", "a,,b"},
                                         }));
  ASSERT_FALSE(config.ok());
  const std::string& message = config.error().message;
  EXPECT_THAT(message, HasSubstr("MUSTER_SERVER_THREADS: expected an integer, got \"many\""));
  EXPECT_THAT(message, HasSubstr("MUSTER_SERVER_IDLE_TIMEOUT_MS: integer out of range"));
  EXPECT_THAT(message, HasSubstr("MUSTER_STS_RATE_LIMIT_PER_S: expected a number"));
  EXPECT_THAT(message, HasSubstr("MUSTER_LOG_ACCESS_LOG: expected a boolean"));
  EXPECT_THAT(message, HasSubstr("MUSTER_GATEWAY_SUBSCRIPTION_KEY_GROUPS: empty item"));
  EXPECT_EQ(CountLines(message), 6u) << message;
}

TEST_F(ConfigTest, FlagsBeatEnvironmentWhichBeatsTheFile) {
  const std::string path = WriteFile("layers.toml",
                                     "[server]\nlisten = \"127.0.0.1:1000\"\nthreads = 2\n"
                                     "[log]\nlevel = \"debug\"\n");
  const Environment env =
      MapEnvironment({{"MUSTER_SERVER_LISTEN", "127.0.0.1:2000"}, {"MUSTER_SERVER_THREADS", "3"}});
  const std::vector<Override> flags = {{"server.listen", "127.0.0.1:3000"}};
  Result<Config> config = LoadConfig(path, env, flags);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->server.listen, "127.0.0.1:3000");  // flag
  EXPECT_EQ(config->server.threads, 3);                // environment
  EXPECT_EQ(config->log.level, "debug");               // file
}

TEST_F(ConfigTest, ProblemsFromFileEnvironmentAndFlagsAreReportedTogether) {
  const std::string path = WriteFile("c.toml", "[server]\nthreds = 1\n");
  const std::vector<Override> flags = {{"server.lisen", "x"}, {"sts.token_lifetime_s", "1h"}};
  Result<Config> config = LoadConfig(path, MapEnvironment({{"MUSTER_SERVER_THREADS", "x"}}), flags);
  ASSERT_FALSE(config.ok());
  const std::string& message = config.error().message;
  EXPECT_THAT(message, HasSubstr("unknown key \"server.threds\""));
  EXPECT_THAT(message, HasSubstr("MUSTER_SERVER_THREADS: expected an integer"));
  EXPECT_THAT(message, HasSubstr("unknown key \"server.lisen\" (did you mean \"server.listen\"?)"));
  EXPECT_THAT(message, HasSubstr("sts.token_lifetime_s: expected an integer, got \"1h\""));
}

TEST_F(ConfigTest, LoadConfigValidatesTheResult) {
  Result<Config> config = LoadConfig("", MapEnvironment({{"MUSTER_STS_TOKEN_LIFETIME_S", "5"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().reason, "invalid_config");
  EXPECT_THAT(config.error().message,
              HasSubstr("sts.token_lifetime_s: must be between 60 and 86400, got 5"));
}

TEST(ApplyOverride, SetsEachTypeAndNamesTheKeyOnError) {
  Config config;
  EXPECT_TRUE(ApplyOverride(config, "server.listen", "0.0.0.0:80").ok());
  EXPECT_TRUE(ApplyOverride(config, "sts.key_lifetime_s", "9000000").ok());
  EXPECT_TRUE(ApplyOverride(config, "sts.rate_limit_per_s", "1e2").ok());
  EXPECT_TRUE(ApplyOverride(config, "log.access_log", "TRUE").ok());
  EXPECT_TRUE(ApplyOverride(config, "gateway.subscription_key_groups", "a,b").ok());
  EXPECT_EQ(config.server.listen, "0.0.0.0:80");
  EXPECT_EQ(config.sts.key_lifetime_s, 9000000);
  EXPECT_DOUBLE_EQ(config.sts.rate_limit_per_s, 100);
  EXPECT_TRUE(config.log.access_log);
  EXPECT_EQ(config.gateway.subscription_key_groups, (std::vector<std::string>{"a", "b"}));

  Status status = ApplyOverride(config, "server.threads", "2x");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "server.threads: expected an integer, got \"2x\"");
  status = ApplyOverride(config, "nope", "1");
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr("unknown key \"nope\""));
  EXPECT_EQ(config.server.threads, 0);  // untouched by the failed override
}

TEST(ApplyOverride, StripsTrailingSlashesFromUrls) {
  Config config;
  ASSERT_TRUE(ApplyOverride(config, "server.public_url", "https://id.example.org//").ok());
  ASSERT_TRUE(ApplyOverride(config, "sts.issuer", "https://sts.example.org/tenant/").ok());
  EXPECT_EQ(config.server.public_url, "https://id.example.org");
  EXPECT_EQ(config.sts.issuer, "https://sts.example.org/tenant");
}

TEST(Validate, ListsEveryProblemAtOnce) {
  Config config;
  config.server.listen = "localhost";
  config.server.tls_cert = "/etc/cert.pem";
  config.server.read_timeout_ms = 0;
  config.server.body_limit_bytes = -1;
  config.storage.driver = "mysql";
  config.sts.token_lifetime_s = 10;
  config.sts.signing_alg = "HS256";
  config.sts.key_lifetime_s = config.sts.key_announce_s;
  config.sts.rate_limit_burst = 0;
  config.log.level = "verbose";
  Status status = Validate(config);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  const std::string& message = status.error().message;
  EXPECT_THAT(message, HasSubstr("\n  server.listen: expected HOST:PORT"));
  EXPECT_THAT(message, HasSubstr("\n  server.tls_cert, server.tls_key: set both"));
  EXPECT_THAT(message, HasSubstr("\n  server.read_timeout_ms: must be greater than 0, got 0"));
  EXPECT_THAT(message, HasSubstr("\n  server.body_limit_bytes: must be greater than 0, got -1"));
  EXPECT_THAT(message, HasSubstr("\n  storage.driver: must be \"sqlite\" or \"postgres\""));
  EXPECT_THAT(message, HasSubstr("\n  sts.token_lifetime_s: must be between 60 and 86400"));
  EXPECT_THAT(message, HasSubstr("\n  sts.signing_alg: must be RS256, ES256 or EdDSA"));
  EXPECT_THAT(message,
              HasSubstr("\n  sts.key_lifetime_s: must be greater than sts.key_announce_s"));
  EXPECT_THAT(message, HasSubstr("\n  sts.rate_limit_burst: must be at least 1"));
  EXPECT_THAT(message, HasSubstr("\n  log.level: must be debug, info, warn or error"));
  EXPECT_EQ(CountLines(message), 11u) << message;
}

TEST(Validate, ListenAddresses) {
  Config config;
  for (const char* good : {"127.0.0.1:0", "localhost:65535", "[::1]:8080", "[::]:443", "0.0.0.0:80",
                           "muster-1.internal:8080"}) {
    config.server.listen = good;
    EXPECT_TRUE(Validate(config).ok()) << good;
  }
  for (const char* bad : {"8080", ":8080", "host:", "host:65536", "host:-1", "host:80x",
                          "[::1]8080", "::1:8080", "a b:80", "host:0080000"}) {
    config.server.listen = bad;
    EXPECT_FALSE(Validate(config).ok()) << bad;
  }
}

TEST(Validate, Urls) {
  Config config;
  for (const char* good : {"https://id.example.org", "http://127.0.0.1:8080",
                           "https://example.org/muster/", "https://[::1]:8443"}) {
    config.sts.issuer = good;
    config.server.public_url = good;
    EXPECT_TRUE(Validate(config).ok()) << good;
  }
  for (const char* bad :
       {"id.example.org", "ftp://example.org", "https://", "https:///x", "https://u:p@example.org",
        "https://example.org?x=1", "https://example.org/#a", "https://exa mple.org"}) {
    config.sts.issuer = bad;
    config.server.public_url = "";
    Status status = Validate(config);
    ASSERT_FALSE(status.ok()) << bad;
    EXPECT_THAT(status.error().message, HasSubstr("sts.issuer: must be an absolute http"));
  }
}

TEST(Validate, CrossFieldRules) {
  Config config;
  config.storage.driver = "postgres";
  Status status = Validate(config);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr("storage.postgres_dsn: required"));

  config = Config{};
  config.sts.rate_limit_per_s = 0;
  config.sts.rate_limit_burst = 0;  // irrelevant when rate limiting is off
  EXPECT_TRUE(Validate(config).ok());
  config.sts.rate_limit_per_s = -1;
  EXPECT_FALSE(Validate(config).ok());

  config = Config{};
  config.sts.key_announce_s = 60;  // shorter than the JWKS cache lifetime
  status = Validate(config);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message,
              HasSubstr("sts.key_announce_s: must be at least sts.jwks_max_age_s (3600)"));
  config.sts.jwks_max_age_s = 0;
  config.sts.key_announce_s = 0;
  EXPECT_TRUE(Validate(config).ok());

  config = Config{};
  config.gateway.subscription_key_groups = {"dex", "Dex", "dex", ""};
  status = Validate(config);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr("got \"Dex\""));
  EXPECT_THAT(status.error().message, HasSubstr("\"dex\" is listed twice"));
  EXPECT_EQ(CountLines(status.error().message), 4u) << status.error().message;
}

TEST(Validate, NeverEchoesTheDsn) {
  Config config;
  config.storage.driver = "postgres";
  config.storage.postgres_dsn = "host=db password='hunter2";  // unterminated quote
  Status status = Validate(config);
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr("storage.postgres_dsn: not a valid libpq"));
  EXPECT_THAT(status.error().message, Not(HasSubstr("hunter2")));
}

TEST(Derived, IssuerAndAudienceFollowThePublicUrl) {
  Config config;
  EXPECT_EQ(EffectivePublicUrl(config), "http://127.0.0.1:8080");
  EXPECT_EQ(EffectiveIssuer(config), "http://127.0.0.1:8080");
  EXPECT_EQ(EffectiveAudience(config), "http://127.0.0.1:8080/resources");

  config.server.listen = "[::1]:8443";
  config.server.tls_cert = "c.pem";
  config.server.tls_key = "k.pem";
  EXPECT_EQ(EffectiveIssuer(config), "https://[::1]:8443");

  config.server.public_url = "https://id.example.org/";  // set directly, not normalised
  EXPECT_EQ(EffectivePublicUrl(config), "https://id.example.org");
  EXPECT_EQ(EffectiveAudience(config), "https://id.example.org/resources");

  config.sts.issuer = "https://sts.example.org";
  EXPECT_EQ(EffectiveIssuer(config), "https://sts.example.org");
  EXPECT_EQ(EffectiveAudience(config), "https://sts.example.org/resources");

  config.sts.audience = "api://muster";
  EXPECT_EQ(EffectiveAudience(config), "api://muster");
}

TEST(Derived, Paths) {
  Config config;
  EXPECT_EQ(SqlitePath(config), "./muster-data/muster.db");
  EXPECT_EQ(MasterKeyFile(config), "./muster-data/master.key");
  config.storage.data_dir = "/var/lib/muster";
  config.storage.sqlite_file = "/srv/db/other.db";
  EXPECT_EQ(SqlitePath(config), "/srv/db/other.db");
  EXPECT_EQ(MasterKeyFile(config), "/var/lib/muster/master.key");
  config.storage.sqlite_file = ":memory:";
  config.security.master_key_file = "/run/secrets/key";
  EXPECT_EQ(SqlitePath(config), ":memory:");
  EXPECT_EQ(MasterKeyFile(config), "/run/secrets/key");
}

TEST(DescribeConfig, RedactsThePostgresPassword) {
  Config config;
  config.storage.driver = "postgres";
  config.storage.postgres_dsn = "host=db user=muster password=s3cr3t dbname=muster";
  std::string text = DescribeConfig(config);
  EXPECT_THAT(text, HasSubstr("postgres_dsn = \"host=db user=muster password=*** dbname=muster\""));
  EXPECT_THAT(text, Not(HasSubstr("s3cr3t")));

  config.storage.postgres_dsn = "postgresql://muster:s3cr3t@db:5432/muster?sslmode=require";
  text = DescribeConfig(config);
  EXPECT_THAT(text, HasSubstr("\"postgresql://muster:***@db:5432/muster?sslmode=require\""));
  EXPECT_THAT(text, Not(HasSubstr("s3cr3t")));
}

TEST(DescribeConfig, ShowsDerivedValues) {
  const std::string text = DescribeConfig(Config{});
  EXPECT_THAT(text, HasSubstr("[server]\nlisten = \"127.0.0.1:8080\"\n"));
  EXPECT_THAT(text, HasSubstr("public_url = \"\"  # effective: \"http://127.0.0.1:8080\"\n"));
  EXPECT_THAT(text, HasSubstr("audience = \"\"  # effective: \"http://127.0.0.1:8080/resources\""));
  EXPECT_THAT(text, HasSubstr("rate_limit_per_s = 20.0\n"));
  EXPECT_THAT(text, HasSubstr("subscription_key_groups = [\"dex\"]\n"));
}

TEST_F(ConfigTest, DescribeConfigReadsBackAsTheSameConfig) {
  Result<Config> full = LoadConfig(WriteFile("full.toml", kFullFile), NoEnv());
  ASSERT_TRUE(full.ok()) << full.error().message;
  full->server.tls_cert = "/path/with \"quotes\"\\and\ttab";
  const std::string text = DescribeConfig(*full);
  Result<Config> back = LoadConfig(WriteFile("described.toml", text), NoEnv());
  ASSERT_TRUE(back.ok()) << back.error().message << "\n" << text;
  EXPECT_EQ(*back, *full);
}

// config/muster.example.toml lists every key, commented out at its default ("#key = value"),
// and docs/config.md documents every key and its variable.
TEST_F(ConfigTest, ExampleFileAndDocsCoverEveryKey) {
  const std::filesystem::path root = MUSTER_SOURCE_DIR;
  std::istringstream example(ReadText(root / "config/muster.example.toml"));
  std::string uncommented;
  std::string section;
  std::set<std::string> keys;
  for (std::string line; std::getline(example, line);) {
    if (line.size() > 1 && line[0] == '#' && line[1] >= 'a' && line[1] <= 'z' &&
        line.find(" = ") != std::string::npos) {
      line.erase(0, 1);
      keys.insert(section + "." + line.substr(0, line.find(' ')));
    } else if (!line.empty() && line[0] == '[') {
      section = line.substr(1, line.find(']') - 1);
    }
    uncommented += line + "\n";
  }
  Result<Config> config = LoadConfig(WriteFile("example.toml", uncommented), NoEnv());
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(*config, Config{}) << "the example's values must be the defaults";

  const std::string docs = ReadText(root / "docs/config.md");
  for (const internal::Field& field : internal::Fields()) {
    EXPECT_EQ(keys.count(std::string(field.path)), 1u) << field.path << " missing from example";
    EXPECT_THAT(docs, HasSubstr("`" + std::string(field.path) + "`"));
    EXPECT_THAT(docs, HasSubstr("`" + internal::EnvVarName(field) + "`"));
  }
  EXPECT_EQ(keys.size(), internal::Fields().size());
}

TEST(SystemEnvironment, ReadsTheProcessEnvironment) {
  const Environment env = SystemEnvironment();
  EXPECT_FALSE(env("MUSTER_CONFIG_TEST_VARIABLE_THAT_IS_NEVER_SET").has_value());
  EXPECT_TRUE(env("PATH").has_value());
}

TEST(Fields, EnvironmentVariableNames) {
  EXPECT_EQ(internal::EnvVarName(*internal::FindField("server.listen")), "MUSTER_SERVER_LISTEN");
  EXPECT_EQ(internal::EnvVarName(*internal::FindField("gateway.subscription_key_groups")),
            "MUSTER_GATEWAY_SUBSCRIPTION_KEY_GROUPS");
}

}  // namespace
}  // namespace muster::config
