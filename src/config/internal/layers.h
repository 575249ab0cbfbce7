#pragma once

// The layers LoadConfig stacks on the defaults. Each appends one line per problem to
// `problems` (so a single run reports everything wrong) and carries on with the next key.

#include <string>
#include <vector>

#include "config/config.h"
#include "core/result.h"

namespace muster::config::internal {

// Reads and applies the TOML file. kNotFound / kUnavailable when the file cannot be read
// (nothing else is worth checking then); syntax, unknown-key and type problems go to
// `problems` prefixed with file:line:column.
Status ApplyTomlFile(const std::string& path, Config& config, std::vector<std::string>& problems);

// Applies every MUSTER_<SECTION>_<KEY> variable that `env` defines; problems name the
// variable.
void ApplyEnvironment(const Environment& env, Config& config, std::vector<std::string>& problems);

}  // namespace muster::config::internal
