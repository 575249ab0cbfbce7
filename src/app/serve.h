#pragma once

// `muster serve`: the composition root of the HTTP node. Builds the Runtime, binds the
// listener, wires every API module's route table with its dependencies, starts the
// housekeeping tasks (cache refresh, key schedule, revocation reload) and serves until
// SIGTERM/SIGINT.

#include <string>

#include "config/config.h"

namespace muster::app {

struct ServeOptions {
  bool demo = false;  // create the demo data (if absent) and print credentials
  std::string demo_size = "s";
  uint64_t demo_seed = 1;  // the demo roster's generator seed
};

// Returns the process exit code.
int RunServe(const config::Config& config, const ServeOptions& options);

}  // namespace muster::app
