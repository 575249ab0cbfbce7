// Derived values and DescribeConfig().

#include <charconv>
#include <filesystem>
#include <string>
#include <type_traits>

#include "config/config.h"
#include "config/internal/dsn.h"
#include "config/internal/fields.h"

namespace muster::config {
namespace {

// A TOML basic string.
std::string TomlString(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string TomlValue(const internal::Field& field, const internal::FieldRef& ref) {
  return std::visit(
      [&](auto* value) -> std::string {
        using T = std::remove_pointer_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return TomlString(field.secret ? internal::ScanDsn(*value).redacted : *value);
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, int64_t>) {
          return std::to_string(*value);
        } else if constexpr (std::is_same_v<T, double>) {
          return internal::FormatDouble(*value);
        } else if constexpr (std::is_same_v<T, bool>) {
          return *value ? "true" : "false";
        } else {
          std::string out = "[";
          for (size_t i = 0; i < value->size(); ++i) {
            out += (i == 0 ? "" : ", ") + TomlString((*value)[i]);
          }
          return out + "]";
        }
      },
      ref);
}

// A trailing comment with the value the server will actually use, where it is derived.
std::string DerivedComment(std::string_view path, const Config& config) {
  std::string derived;
  if (path == "server.public_url" && config.server.public_url.empty()) {
    derived = EffectivePublicUrl(config);
  } else if (path == "sts.issuer" && config.sts.issuer.empty()) {
    derived = EffectiveIssuer(config);
  } else if (path == "sts.audience" && config.sts.audience.empty()) {
    derived = EffectiveAudience(config);
  } else if (path == "storage.sqlite_file" && config.storage.driver == "sqlite") {
    derived = SqlitePath(config);
  } else if (path == "security.master_key_file" && config.security.master_key_file.empty()) {
    derived = MasterKeyFile(config);
  }
  return derived.empty() ? std::string() : "  # effective: " + TomlString(derived);
}

}  // namespace

std::string EffectivePublicUrl(const Config& config) {
  if (!config.server.public_url.empty()) {
    return internal::StripTrailingSlashes(config.server.public_url);
  }
  return (config.server.tls_cert.empty() ? "http://" : "https://") + config.server.listen;
}

std::string EffectiveIssuer(const Config& config) {
  if (!config.sts.issuer.empty()) return internal::StripTrailingSlashes(config.sts.issuer);
  return EffectivePublicUrl(config);
}

std::string EffectiveAudience(const Config& config) {
  if (!config.sts.audience.empty()) return config.sts.audience;
  return EffectiveIssuer(config) + "/resources";
}

std::string SqlitePath(const Config& config) {
  if (config.storage.sqlite_file == ":memory:") return config.storage.sqlite_file;
  // An absolute sqlite_file replaces data_dir (std::filesystem::path::operator/).
  return (std::filesystem::path(config.storage.data_dir) / config.storage.sqlite_file).string();
}

std::string MasterKeyFile(const Config& config) {
  if (!config.security.master_key_file.empty()) return config.security.master_key_file;
  return (std::filesystem::path(config.storage.data_dir) / "master.key").string();
}

std::string DescribeConfig(const Config& config) {
  Config copy = config;  // the field table hands out mutable references
  std::string out =
      "# Effective configuration of `muster serve` (defaults, file, environment, flags).\n"
      "# Passwords are redacted. MUSTER_MASTER_KEY and MUSTER_STORAGE_POSTGRES_PASSWORD are\n"
      "# read at startup and never shown.\n";
  std::string_view section;
  for (const internal::Field& field : internal::Fields()) {
    if (field.section != section) {
      section = field.section;
      out += "\n[" + std::string(section) + "]\n";
    }
    out += std::string(field.key) + " = " + TomlValue(field, field.ref(copy)) +
           DerivedComment(field.path, config) + "\n";
  }
  return out;
}

}  // namespace muster::config
