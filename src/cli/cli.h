#pragma once

// The `muster` command line (CLI11): serve, demo, migrate, vendor, app, site, client, key,
// config. Each command loads the layered config (file, MUSTER_* environment, flags),
// opens what it needs through app::Runtime and prints a clear message with a non-zero exit
// on bad arguments or failures.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "config/config.h"

namespace muster::cli {

// Options every command shares.
struct GlobalOptions {
  std::string config_file;
  std::string data_dir;
  std::vector<config::Override> overrides;
  bool json = false;  // machine-readable output where a command prints records
};

// Loads the config with the global options applied; prints the error and returns nullopt.
std::optional<config::Config> LoadOrReport(const GlobalOptions& g);

// Registers the admin subcommands (vendor, app, site, client, key, migrate, config).
void AddAdminCommands(CLI::App& app, GlobalOptions& g, int& exit_code);

}  // namespace muster::cli
