#pragma once

// The field table: one row per configuration key, the single source of truth that the TOML
// loader, the environment layer, ApplyOverride and DescribeConfig all walk, so a new key is
// added in exactly one place (plus its docs). Immutable; safe from any thread.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.h"
#include "core/result.h"

namespace muster::config::internal {

// A pointer to the field's storage inside one Config; the alternative is the field's type.
using FieldRef =
    std::variant<std::string*, int*, int64_t*, double*, bool*, std::vector<std::string>*>;

struct Field {
  std::string_view section;  // "sts"
  std::string_view key;      // "token_lifetime_s"
  std::string_view path;     // "sts.token_lifetime_s"
  FieldRef (*ref)(Config&);
  bool secret;  // the value may hold a secret: never echoed in errors, redacted when shown
  bool url;     // trailing '/' is stripped on assignment
};

// Every field, grouped by section in declaration order.
std::span<const Field> Fields();
// The distinct section names, in order.
std::span<const std::string_view> Sections();
bool IsSection(std::string_view name);
const Field* FindField(std::string_view path);

// MUSTER_<SECTION>_<KEY>, upper case: MUSTER_STS_TOKEN_LIFETIME_S.
std::string EnvVarName(const Field& field);

// ` (did you mean "sts.token_lifetime_s"?)` when a known path is within a small edit
// distance of `path`, else empty.
std::string Suggestion(std::string_view path);

// Parses `text` as the field's type and stores it. The error message describes the problem
// without naming the field ("expected an integer, got \"x\""), so each caller can prefix its
// own name for it (the dotted key, the variable). Secret fields never echo the text.
Status SetFromText(const Field& field, Config& config, std::string_view text);

// Strips trailing '/' from a URL-valued field ("https://x/" -> "https://x").
std::string StripTrailingSlashes(std::string_view url);

// The shortest text that reads back as the same double, always with a '.' or an exponent
// (so it is a TOML float): 20 -> "20.0", 0.5 -> "0.5".
std::string FormatDouble(double value);

// Quotes for messages: "abc" with control characters and quotes escaped, cut at 80 bytes.
std::string QuoteForMessage(std::string_view text);

// One kInvalidArgument error, reason "invalid_config", whose message is `headline` followed
// by each problem on its own indented line.
Error ConfigError(std::string_view headline, const std::vector<std::string>& problems);

}  // namespace muster::config::internal
