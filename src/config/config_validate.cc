// Validate(): every range and cross-field rule, all reported together.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "config/internal/dsn.h"
#include "config/internal/fields.h"

namespace muster::config {
namespace {

using internal::QuoteForMessage;
using Problems = std::vector<std::string>;

bool IsHostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

bool IsIpv6Char(char c) {
  return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9') || c == ':' ||
         c == '.';
}

// "host:port" or "[v6]:port" with port 0..65535.
bool IsHostPort(std::string_view listen) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view host = listen.substr(0, colon);
  const std::string_view port = listen.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 4 || host.back() != ']') return false;
    const std::string_view inner = host.substr(1, host.size() - 2);
    if (!std::all_of(inner.begin(), inner.end(), IsIpv6Char)) return false;
  } else if (!std::all_of(host.begin(), host.end(), IsHostChar)) {
    return false;
  }
  int value = -1;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  return !port.empty() && port.size() <= 5 && ec == std::errc() &&
         end == port.data() + port.size() && value >= 0 && value <= 65535;
}

// An absolute http(s) URL with a host and no user info, query or fragment.
bool IsBaseUrl(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);  // normalised away
  size_t scheme = 0;
  if (url.substr(0, 7) == "http://") scheme = 7;
  if (url.substr(0, 8) == "https://") scheme = 8;
  if (scheme == 0) return false;
  const std::string_view rest = url.substr(scheme);
  const std::string_view authority = rest.substr(0, rest.find('/'));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return c == '?' || c == '#' || static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
  });
}

bool OneOf(std::string_view value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

template <typename Int>
void CheckRange(Problems& problems, std::string_view key, Int value, int64_t min, int64_t max) {
  if (value < min || value > max) {
    problems.push_back(std::string(key) + ": must be between " + std::to_string(min) + " and " +
                       std::to_string(max) + ", got " + std::to_string(value));
  }
}

template <typename Int>
void CheckPositive(Problems& problems, std::string_view key, Int value) {
  if (value <= 0) {
    problems.push_back(std::string(key) + ": must be greater than 0, got " + std::to_string(value));
  }
}

void CheckUrl(Problems& problems, std::string_view key, const std::string& url) {
  if (!url.empty() && !IsBaseUrl(url)) {
    problems.push_back(std::string(key) +
                       ": must be an absolute http:// or https:// URL without user info, query "
                       "or fragment, got " +
                       QuoteForMessage(url));
  }
}

void CheckServer(const ServerConfig& server, Problems& problems) {
  if (!IsHostPort(server.listen)) {
    problems.push_back("server.listen: expected HOST:PORT or [IPV6]:PORT, port 0-65535, got " +
                       QuoteForMessage(server.listen));
  }
  CheckRange(problems, "server.threads", server.threads, 0, 1024);
  if (server.tls_cert.empty() != server.tls_key.empty()) {
    problems.push_back("server.tls_cert, server.tls_key: set both (built-in TLS) or neither");
  }
  CheckPositive(problems, "server.read_timeout_ms", server.read_timeout_ms);
  CheckPositive(problems, "server.idle_timeout_ms", server.idle_timeout_ms);
  CheckRange(problems, "server.header_limit_bytes", server.header_limit_bytes, 1, 1048576);
  CheckPositive(problems, "server.body_limit_bytes", server.body_limit_bytes);
  CheckPositive(problems, "server.shutdown_grace_ms", server.shutdown_grace_ms);
  CheckUrl(problems, "server.public_url", server.public_url);
}

void CheckStorage(const StorageConfig& storage, Problems& problems) {
  if (!OneOf(storage.driver, {"sqlite", "postgres"})) {
    problems.push_back("storage.driver: must be \"sqlite\" or \"postgres\", got " +
                       QuoteForMessage(storage.driver));
  }
  if (storage.data_dir.empty()) problems.push_back("storage.data_dir: must not be empty");
  if (storage.driver == "sqlite" && storage.sqlite_file.empty()) {
    problems.push_back("storage.sqlite_file: must not be empty with driver \"sqlite\"");
  }
  if (storage.driver == "postgres" && storage.postgres_dsn.empty()) {
    problems.push_back("storage.postgres_dsn: required with driver \"postgres\"");
  }
  // Never echo the DSN here: it may carry a password.
  if (!storage.postgres_dsn.empty() && internal::ScanDsn(storage.postgres_dsn).malformed) {
    problems.push_back("storage.postgres_dsn: not a valid libpq connection string");
  }
  CheckPositive(problems, "storage.busy_timeout_ms", storage.busy_timeout_ms);
}

void CheckKeys(const StsConfig& sts, Problems& problems) {
  if (sts.key_announce_s < 0) {
    problems.push_back("sts.key_announce_s: must be 0 or more, got " +
                       std::to_string(sts.key_announce_s));
  } else if (sts.key_announce_s < sts.jwks_max_age_s) {
    problems.push_back("sts.key_announce_s: must be at least sts.jwks_max_age_s (" +
                       std::to_string(sts.jwks_max_age_s) +
                       "), so cached JWKS hold a new key before it signs; got " +
                       std::to_string(sts.key_announce_s));
  }
  if (sts.key_lifetime_s <= sts.key_announce_s) {
    problems.push_back("sts.key_lifetime_s: must be greater than sts.key_announce_s (" +
                       std::to_string(sts.key_announce_s) + "), got " +
                       std::to_string(sts.key_lifetime_s));
  }
}

void CheckSts(const StsConfig& sts, Problems& problems) {
  CheckUrl(problems, "sts.issuer", sts.issuer);
  CheckRange(problems, "sts.token_lifetime_s", sts.token_lifetime_s, 60, 86400);
  if (!OneOf(sts.signing_alg, {"RS256", "ES256", "EdDSA"})) {
    problems.push_back("sts.signing_alg: must be RS256, ES256 or EdDSA, got " +
                       QuoteForMessage(sts.signing_alg));
  }
  CheckKeys(sts, problems);
  CheckRange(problems, "sts.clock_skew_s", sts.clock_skew_s, 0, 300);
  if (!(sts.rate_limit_per_s >= 0) || !std::isfinite(sts.rate_limit_per_s)) {
    problems.push_back("sts.rate_limit_per_s: must be 0 (off) or more, got " +
                       internal::FormatDouble(sts.rate_limit_per_s));
  }
  if (sts.rate_limit_per_s > 0 && sts.rate_limit_burst < 1) {
    problems.push_back("sts.rate_limit_burst: must be at least 1 when rate limiting, got " +
                       std::to_string(sts.rate_limit_burst));
  }
  CheckRange(problems, "sts.jwks_max_age_s", sts.jwks_max_age_s, 0, 604800);
}

void CheckGateway(const GatewayConfig& gateway, Problems& problems) {
  const auto& groups = gateway.subscription_key_groups;
  for (size_t i = 0; i < groups.size(); ++i) {
    const std::string& group = groups[i];
    const bool well_formed = !group.empty() && std::all_of(group.begin(), group.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!well_formed) {
      problems.push_back(
          "gateway.subscription_key_groups: a group name is lower-case letters, "
          "digits, '-' and '_', got " +
          QuoteForMessage(group));
    } else if (std::find(groups.begin(), groups.begin() + i, group) != groups.begin() + i) {
      problems.push_back("gateway.subscription_key_groups: " + QuoteForMessage(group) +
                         " is listed twice");
    }
  }
}

}  // namespace

Status Validate(const Config& config) {
  Problems problems;
  CheckServer(config.server, problems);
  CheckStorage(config.storage, problems);
  CheckSts(config.sts, problems);
  CheckGateway(config.gateway, problems);
  if (!OneOf(config.log.level, {"debug", "info", "warn", "error"})) {
    problems.push_back("log.level: must be debug, info, warn or error, got " +
                       QuoteForMessage(config.log.level));
  }
  if (problems.empty()) return OkStatus();
  return internal::ConfigError("invalid configuration", problems);
}

}  // namespace muster::config
