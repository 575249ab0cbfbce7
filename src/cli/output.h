#pragma once

// Helpers shared by the CLI's commands: opening the runtime with error reporting, and
// printing records as JSON (--json) or as "key: value" blocks.

#include <functional>
#include <iostream>
#include <string>

#include "app/runtime.h"
#include "cli/cli.h"
#include "core/json_writer.h"

namespace muster::cli {

// Opens the runtime and runs `fn`; reports errors with the command's name and sets the
// exit code (2 for invalid arguments, 1 otherwise).
void WithRuntime(const GlobalOptions& g, int& exit_code, const std::string& name,
                 const std::function<Status(app::Runtime&)>& fn);

class Printer {
 public:
  explicit Printer(bool json);
  ~Printer();
  Printer(const Printer&) = delete;
  Printer& operator=(const Printer&) = delete;

  Printer& Begin();
  Printer& Field(const std::string& key, const std::string& value);
  void End();

 private:
  bool json_;
  std::string out_;
  JsonWriter w_;
};

std::string When(int64_t unix_ms);  // ISO 8601, or "-" for 0

void AddClientCommands(CLI::App& app, GlobalOptions& g, int& rc);
void AddKeyAndMaintenanceCommands(CLI::App& app, GlobalOptions& g, int& rc);

}  // namespace muster::cli
