#include "config/internal/fields.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <type_traits>

#include "core/text.h"

namespace muster::config::internal {
namespace {

// Bit flags for the table rows below.
constexpr int kPlain = 0;
constexpr int kSecret = 1;
constexpr int kUrl = 2;

constexpr Field MakeField(std::string_view section, std::string_view key, std::string_view path,
                          FieldRef (*ref)(Config&), int flags) {
  return Field{section, key, path, ref, (flags & kSecret) != 0, (flags & kUrl) != 0};
}

// One table row; `section` and `key` are member names, so a typo here does not compile.
// clang-format off
#define MUSTER_CONFIG_FIELD(section, key, flags)                                   \
  MakeField(#section, #key, #section "." #key,                                     \
            [](Config& c) -> FieldRef { return &c.section.key; }, flags)
// clang-format on

constexpr Field kFields[] = {
    MUSTER_CONFIG_FIELD(server, listen, kPlain),
    MUSTER_CONFIG_FIELD(server, threads, kPlain),
    MUSTER_CONFIG_FIELD(server, tls_cert, kPlain),
    MUSTER_CONFIG_FIELD(server, tls_key, kPlain),
    MUSTER_CONFIG_FIELD(server, read_timeout_ms, kPlain),
    MUSTER_CONFIG_FIELD(server, idle_timeout_ms, kPlain),
    MUSTER_CONFIG_FIELD(server, header_limit_bytes, kPlain),
    MUSTER_CONFIG_FIELD(server, body_limit_bytes, kPlain),
    MUSTER_CONFIG_FIELD(server, shutdown_grace_ms, kPlain),
    MUSTER_CONFIG_FIELD(server, public_url, kUrl),
    MUSTER_CONFIG_FIELD(storage, driver, kPlain),
    MUSTER_CONFIG_FIELD(storage, data_dir, kPlain),
    MUSTER_CONFIG_FIELD(storage, sqlite_file, kPlain),
    MUSTER_CONFIG_FIELD(storage, postgres_dsn, kSecret),
    MUSTER_CONFIG_FIELD(storage, busy_timeout_ms, kPlain),
    MUSTER_CONFIG_FIELD(security, master_key_file, kPlain),
    MUSTER_CONFIG_FIELD(sts, issuer, kUrl),
    MUSTER_CONFIG_FIELD(sts, audience, kPlain),
    MUSTER_CONFIG_FIELD(sts, token_lifetime_s, kPlain),
    MUSTER_CONFIG_FIELD(sts, signing_alg, kPlain),
    MUSTER_CONFIG_FIELD(sts, key_announce_s, kPlain),
    MUSTER_CONFIG_FIELD(sts, key_lifetime_s, kPlain),
    MUSTER_CONFIG_FIELD(sts, clock_skew_s, kPlain),
    MUSTER_CONFIG_FIELD(sts, rate_limit_per_s, kPlain),
    MUSTER_CONFIG_FIELD(sts, rate_limit_burst, kPlain),
    MUSTER_CONFIG_FIELD(sts, jwks_max_age_s, kPlain),
    MUSTER_CONFIG_FIELD(gateway, subscription_key_groups, kPlain),
    MUSTER_CONFIG_FIELD(log, level, kPlain),
    MUSTER_CONFIG_FIELD(log, access_log, kPlain),
};

#undef MUSTER_CONFIG_FIELD

constexpr std::array<std::string_view, 6> kSections = {"server", "storage", "security",
                                                       "sts",    "gateway", "log"};

Error Problem(std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_config", std::move(message));
}

// "got \"x\"" for plain fields; nothing for secret ones.
std::string Got(const Field& field, std::string_view text) {
  return field.secret ? std::string() : ", got " + QuoteForMessage(text);
}

template <typename Int>
Status SetInteger(const Field& field, Int* out, std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size()) {
    return Problem("expected an integer" + Got(field, text));
  }
  if (ec == std::errc::result_out_of_range || value < std::numeric_limits<Int>::min() ||
      value > std::numeric_limits<Int>::max()) {
    return Problem("integer out of range" + Got(field, text));
  }
  *out = static_cast<Int>(value);
  return OkStatus();
}

Status SetDouble(const Field& field, double* out, std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return Problem("expected a number" + Got(field, text));
  }
  *out = value;
  return OkStatus();
}

Status SetBool(const Field& field, bool* out, std::string_view text) {
  const std::string lower = AsciiLower(text);
  if (lower == "true" || lower == "1" || lower == "yes" || lower == "on") {
    *out = true;
  } else if (lower == "false" || lower == "0" || lower == "no" || lower == "off") {
    *out = false;
  } else {
    return Problem("expected a boolean (true/false/1/0/yes/no/on/off)" + Got(field, text));
  }
  return OkStatus();
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Status SetList(const Field& field, std::vector<std::string>* out, std::string_view text) {
  std::vector<std::string> items;
  if (!Trim(text).empty()) {
    size_t start = 0;
    while (true) {
      const size_t comma = text.find(',', start);
      const std::string_view item = Trim(text.substr(start, comma - start));
      if (item.empty()) {
        return Problem("empty item in comma-separated list" + Got(field, text));
      }
      items.emplace_back(item);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  *out = std::move(items);
  return OkStatus();
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::span<const Field> Fields() { return kFields; }

std::span<const std::string_view> Sections() { return kSections; }

bool IsSection(std::string_view name) {
  return std::find(kSections.begin(), kSections.end(), name) != kSections.end();
}

const Field* FindField(std::string_view path) {
  for (const Field& field : kFields) {
    if (field.path == path) return &field;
  }
  return nullptr;
}

std::string EnvVarName(const Field& field) {
  std::string name = "MUSTER_";
  for (char c : field.path) {
    name.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return name;
}

std::string Suggestion(std::string_view path) {
  constexpr size_t kMaxDistance = 3;
  size_t best = kMaxDistance + 1;
  std::string_view best_name;
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) {
    for (std::string_view section : kSections) {
      const size_t d = EditDistance(path, section);
      if (d < best) {
        best = d;
        best_name = section;
      }
    }
  } else {
    const std::string_view key = path.substr(dot + 1);
    for (const Field& field : kFields) {
      // A right key under the wrong section costs one edit.
      const size_t d = std::min(EditDistance(path, field.path), EditDistance(key, field.key) + 1);
      if (d < best) {
        best = d;
        best_name = field.path;
      }
    }
  }
  if (best > kMaxDistance) return {};
  return " (did you mean \"" + std::string(best_name) + "\"?)";
}

Status SetFromText(const Field& field, Config& config, std::string_view text) {
  return std::visit(
      [&](auto* out) -> Status {
        using T = std::remove_pointer_t<decltype(out)>;
        if constexpr (std::is_same_v<T, std::string>) {
          *out = field.url ? StripTrailingSlashes(text) : std::string(text);
          return OkStatus();
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, int64_t>) {
          return SetInteger(field, out, text);
        } else if constexpr (std::is_same_v<T, double>) {
          return SetDouble(field, out, text);
        } else if constexpr (std::is_same_v<T, bool>) {
          return SetBool(field, out, text);
        } else {
          return SetList(field, out, text);
        }
      },
      field.ref(config));
}

std::string StripTrailingSlashes(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return std::string(url);
}

std::string FormatDouble(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  std::string out(buffer, ec == std::errc() ? end : buffer);
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";  // n: nan, inf
  return out;
}

std::string QuoteForMessage(std::string_view text) {
  constexpr size_t kMaxShown = 80;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < text.size() && i < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += text.size() > kMaxShown ? "\"..." : "\"";
  return out;
}

Error ConfigError(std::string_view headline, const std::vector<std::string>& problems) {
  std::string message(headline);
  message += ':';
  for (const std::string& problem : problems) {
    message += "\n  ";
    message += problem;
  }
  return MakeError(ErrorCode::kInvalidArgument, "invalid_config", std::move(message));
}

}  // namespace muster::config::internal
