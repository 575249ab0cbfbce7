#include "config/config.h"

#include <cstdlib>
#include <utility>

#include "config/internal/fields.h"
#include "config/internal/layers.h"

namespace muster::config {

Environment SystemEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Environment MapEnvironment(std::map<std::string, std::string, std::less<>> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

namespace internal {

void ApplyEnvironment(const Environment& env, Config& config, std::vector<std::string>& problems) {
  for (const Field& field : Fields()) {
    const std::string name = EnvVarName(field);
    const std::optional<std::string> value = env(name);
    if (!value) continue;
    Status status = SetFromText(field, config, *value);
    if (!status.ok()) problems.push_back(name + ": " + status.error().message);
  }
}

}  // namespace internal

Status ApplyOverride(Config& config, std::string_view dotted_key, std::string_view value) {
  const internal::Field* field = internal::FindField(dotted_key);
  if (field == nullptr) {
    return MakeError(
        ErrorCode::kInvalidArgument, "invalid_config",
        "unknown key " + internal::QuoteForMessage(dotted_key) + internal::Suggestion(dotted_key));
  }
  Status status = internal::SetFromText(*field, config, value);
  if (!status.ok()) {
    return MakeError(ErrorCode::kInvalidArgument, "invalid_config",
                     std::string(field->path) + ": " + status.error().message);
  }
  return OkStatus();
}

Result<Config> LoadConfig(const std::string& toml_path, const Environment& env,
                          std::span<const Override> flags) {
  Config config;
  // File, environment and flags are independent, so all three report before giving up.
  std::vector<std::string> problems;
  if (!toml_path.empty()) {
    MUSTER_RETURN_IF_ERROR(internal::ApplyTomlFile(toml_path, config, problems));
  }
  internal::ApplyEnvironment(env, config, problems);
  for (const Override& flag : flags) {
    Status status = ApplyOverride(config, flag.key, flag.value);
    if (!status.ok()) problems.push_back(status.error().message);
  }
  if (!problems.empty()) return internal::ConfigError("invalid configuration", problems);
  MUSTER_RETURN_IF_ERROR(Validate(config));
  return config;
}

}  // namespace muster::config
