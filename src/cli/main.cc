// `muster`: the single binary. See cli.h.

#include <iostream>

#include "app/demo.h"
#include "app/runtime.h"
#include "app/serve.h"
#include "cli/cli.h"

namespace muster::cli {

std::optional<config::Config> LoadOrReport(const GlobalOptions& g) {
  std::vector<config::Override> flags = g.overrides;
  if (!g.data_dir.empty()) flags.insert(flags.begin(), {"storage.data_dir", g.data_dir});
  auto cfg = config::LoadConfig(g.config_file, config::SystemEnvironment(), flags);
  if (!cfg.ok()) {
    std::cerr << "muster: configuration error:\n" << cfg.error().message << "\n";
    return std::nullopt;
  }
  return std::move(cfg).value();
}

}  // namespace muster::cli

int main(int argc, char** argv) {
  using namespace muster;
  CLI::App app{"Muster: a school data exchange (STS, OneRoster, DeX, partner API)", "muster"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "muster 0.1.0");
  cli::GlobalOptions g;
  app.add_option("--config", g.config_file, "TOML config file (see config/muster.example.toml)")
      ->check(CLI::ExistingFile);
  app.add_option("--data-dir", g.data_dir, "Data directory (database, master key, demo file)");
  int exit_code = 0;

  auto* serve = app.add_subcommand("serve", "Run the HTTP server");
  std::string listen, tls_cert, tls_key, size = "s";
  bool demo = false;
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  serve->add_option("--tls-cert", tls_cert, "PEM certificate chain (enables HTTPS)")
      ->check(CLI::ExistingFile);
  serve->add_option("--tls-key", tls_key, "PEM private key")->check(CLI::ExistingFile);
  serve->add_flag("--demo", demo, "Create demo data if absent and print its credentials");
  serve->add_option("--size", size, "Demo data size")->check(CLI::IsMember({"s", "m", "l"}));
  uint64_t serve_seed = 1;
  serve->add_option("--seed", serve_seed, "Demo roster seed: the same seed, the same roster");
  serve->callback([&] {
    if (!listen.empty()) g.overrides.push_back({"server.listen", listen});
    if (!tls_cert.empty()) g.overrides.push_back({"server.tls_cert", tls_cert});
    if (!tls_key.empty()) g.overrides.push_back({"server.tls_key", tls_key});
    auto cfg = cli::LoadOrReport(g);
    if (!cfg) {
      exit_code = 2;
      return;
    }
    exit_code = app::RunServe(*cfg, app::ServeOptions{demo, size, serve_seed});
  });

  auto* demo_cmd = app.add_subcommand("demo", "Write the demo data set and muster-demo.json");
  std::string demo_size = "s";
  uint64_t demo_seed = 1;
  demo_cmd->add_option("--size", demo_size, "Demo data size")
      ->check(CLI::IsMember({"s", "m", "l"}));
  demo_cmd->add_option("--seed", demo_seed, "Demo roster seed: the same seed, the same roster");
  auto* churn_cmd = demo_cmd->add_subcommand(
      "churn",
      "Simulate a day of MIS changes on the demo schools (leavers, joiners, surname changes) "
      "and print the changed sourcedIds as JSON: for testing delta sync");
  uint64_t churn_seed = 0;
  churn_cmd->add_option("--seed", churn_seed, "Which pupils change (default: from the clock)");
  churn_cmd->callback([&] {
    auto cfg = cli::LoadOrReport(g);
    if (!cfg) {
      exit_code = 2;
      return;
    }
    auto rt = app::Runtime::Open(*cfg, app::OpenOptions{false});
    if (!rt.ok()) {
      std::cerr << "muster demo churn: " << rt.error().message << "\n";
      exit_code = 1;
      return;
    }
    const uint64_t seed =
        churn_seed != 0 ? churn_seed : static_cast<uint64_t>((*rt)->clock().NowUnixMillis());
    auto report = app::ChurnDemo(**rt, seed);
    if (!report.ok()) {
      std::cerr << "muster demo churn: " << report.error().message << "\n";
      exit_code = 1;
      return;
    }
    std::cout << *report << "\n";
  });
  demo_cmd->callback([&] {
    if (churn_cmd->parsed()) return;
    auto cfg = cli::LoadOrReport(g);
    if (!cfg) {
      exit_code = 2;
      return;
    }
    auto rt = app::Runtime::Open(*cfg, app::OpenOptions{true});
    if (!rt.ok()) {
      std::cerr << "muster demo: " << rt.error().message << "\n";
      exit_code = 1;
      return;
    }
    auto summary = app::EnsureDemo(**rt, demo_size, demo_seed);
    if (!summary.ok()) {
      std::cerr << "muster demo: " << summary.error().message << "\n";
      exit_code = 1;
      return;
    }
    std::cout << *summary;
  });

  cli::AddAdminCommands(app, g, exit_code);

  // CLI11 reports an unknown command word as a missing subcommand; name it instead.
  CLI::App* level = &app;
  for (int i = 1; i < argc; ++i) {
    std::string_view word = argv[i];
    if (!word.empty() && word[0] == '-') {
      // An option of this level that takes a value ("--size m"): the value is no command.
      if (word.find('=') == std::string_view::npos) {
        const CLI::Option* opt = level->get_option_no_throw(std::string(word));
        if (opt != nullptr && opt->get_expected_min() > 0) ++i;
      }
      continue;
    }
    if (word.empty()) continue;
    auto subs = level->get_subcommands([](CLI::App*) { return true; });
    if (subs.empty()) break;  // a leaf command: the rest are its arguments
    CLI::App* next = nullptr;
    for (CLI::App* sub : subs) {
      if (sub->get_name() == word) next = sub;
    }
    if (!next) {
      std::cerr << "muster: unknown command '" << word << "' (see muster "
                << (level == &app ? std::string() : level->get_name() + " ") << "--help)\n";
      return 2;
    }
    level = next;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return exit_code;
}
