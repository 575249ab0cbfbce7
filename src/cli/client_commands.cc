// `muster client …`, `muster key …`, `muster migrate` and `muster config check`.

#include <iostream>

#include "app/runtime.h"
#include "cli/output.h"
#include "jose/signing_key.h"

namespace muster::cli {
namespace {

struct CreateArgs {
  std::string kind, vendor, app, site, scope, description, client_id;
  bool import_secret = false;
};

void AddClientCreate(CLI::App* cmd, GlobalOptions& g, int& rc) {
  auto* create = cmd->add_subcommand("create", "Create an OAuth client (secret shown once)");
  auto a = std::make_shared<CreateArgs>();
  create->add_option("--kind", a->kind, "management, dex or oneroster")
      ->required()
      ->check(CLI::IsMember({"management", "dex", "oneroster"}));
  create->add_option("--vendor", a->vendor, "Vendor id")->required();
  create->add_option("--app", a->app, "Application id (school clients)");
  create->add_option("--site", a->site, "Site id or OrganisationId (school clients)");
  create->add_option("--scope", a->scope, "Granted scopes (default: the kind's set)");
  create->add_option("--description", a->description, "Description shown to the vendor");
  create->add_option("--client-id", a->client_id,
                     "Keep an existing client id (migrating from another platform)");
  create->add_flag("--import-secret-stdin", a->import_secret,
                   "Read an existing secret from stdin (migrating from another platform)");
  create->callback([&g, &rc, a] {
    WithRuntime(g, rc, "client create", [&](app::Runtime& rt) -> Status {
      admin::ClientDraft d;
      d.kind = *storage::ParseClientKind(a->kind);
      d.vendor_id = a->vendor;
      d.application_id = a->app;
      d.scopes = a->scope;
      d.description = a->description;
      d.client_id = a->client_id;
      if (!a->site.empty()) {
        MUSTER_ASSIGN_OR_RETURN(auto site, rt.platform().FindSite(a->site));
        d.site_id = site.id;
      }
      if (a->import_secret) {
        std::getline(std::cin, d.imported_secret);
        while (!d.imported_secret.empty() &&
               (d.imported_secret.back() == '\r' || d.imported_secret.back() == ' ')) {
          d.imported_secret.pop_back();
        }
      }
      MUSTER_ASSIGN_OR_RETURN(auto c, rt.platform().CreateClient(d, "cli"));
      Printer p(g.json);
      p.Begin()
          .Field("client_id", c.client.client_id)
          .Field("client_secret", c.secret)
          .Field("kind", a->kind)
          .Field("scope", c.client.scopes)
          .End();
      if (!g.json) std::cout << "The secret is shown only once: store it now.\n";
      return OkStatus();
    });
  });
}

void AddClientState(CLI::App* cmd, GlobalOptions& g, int& rc) {
  for (bool enable : {false, true}) {
    const char* name = enable ? "enable" : "disable";
    auto* sub = cmd->add_subcommand(name, enable ? "Enable a client" : "Disable a client");
    auto id = std::make_shared<std::string>();
    sub->add_option("client_id", *id, "Client id")->required();
    sub->callback([&g, &rc, id, enable, name] {
      WithRuntime(g, rc, std::string("client ") + name, [&](app::Runtime& rt) -> Status {
        MUSTER_RETURN_IF_ERROR(rt.platform().SetClientEnabled(*id, enable, "cli"));
        std::cout << *id << ": " << (enable ? "enabled" : "disabled") << "\n";
        return OkStatus();
      });
    });
  }
  auto* rotate = cmd->add_subcommand("rotate-secret", "Issue a new secret");
  auto id = std::make_shared<std::string>();
  auto grace = std::make_shared<int64_t>(0);
  rotate->add_option("client_id", *id, "Client id")->required();
  rotate->add_option("--grace", *grace, "Seconds the old secret keeps working")
      ->check(CLI::Range(int64_t{0}, int64_t{30 * 86400}));
  rotate->callback([&g, &rc, id, grace] {
    WithRuntime(g, rc, "client rotate-secret", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(auto r, rt.platform().RotateClientSecret(*id, *grace, "cli"));
      Printer p(g.json);
      p.Begin()
          .Field("client_id", r.client_id)
          .Field("client_secret", r.secret)
          .Field("previous_secret_valid_until", When(r.previous_valid_until_ms))
          .End();
      return OkStatus();
    });
  });
}

}  // namespace

void AddClientCommands(CLI::App& app, GlobalOptions& g, int& rc) {
  auto* cmd = app.add_subcommand("client", "OAuth clients");
  cmd->require_subcommand(1);
  AddClientCreate(cmd, g, rc);
  cmd->add_subcommand("list", "List clients (never their secrets)")->callback([&g, &rc] {
    WithRuntime(g, rc, "client list", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(auto clients, rt.store().ListClients());
      Printer p(g.json);
      for (const auto& c : clients) {
        p.Begin()
            .Field("client_id", c.client_id)
            .Field("kind", storage::ToString(c.kind))
            .Field("vendor", c.vendor_id)
            .Field("application", c.application_id)
            .Field("site", std::to_string(c.site_id))
            .Field("enabled", c.enabled ? "true" : "false")
            .Field("scope", c.scopes)
            .End();
      }
      return OkStatus();
    });
  });
  AddClientState(cmd, g, rc);
}

void AddKeyAndMaintenanceCommands(CLI::App& app, GlobalOptions& g, int& rc) {
  auto* key = app.add_subcommand("key", "STS signing keys");
  key->require_subcommand(1);
  key->add_subcommand("list", "List signing keys")->callback([&g, &rc] {
    WithRuntime(g, rc, "key list", [&](app::Runtime& rt) -> Status {
      MUSTER_RETURN_IF_ERROR(rt.keys().Tick());
      MUSTER_ASSIGN_OR_RETURN(auto keys, rt.store().ListSigningKeys());
      Printer p(g.json);
      for (const auto& k : keys) {
        p.Begin()
            .Field("kid", k.kid)
            .Field("alg", k.alg)
            .Field("state", storage::ToString(k.state))
            .Field("created", When(k.created_ms))
            .Field("signs_from", When(k.activates_ms))
            .Field("retired", When(k.retired_ms))
            .Field("unpublished_after", When(k.remove_after_ms))
            .End();
      }
      return OkStatus();
    });
  });
  auto* rotate = key->add_subcommand(
      "rotate", "Publish a new key now; it signs after sts.key_announce_s (or at once)");
  auto alg = std::make_shared<std::string>();
  auto immediate = std::make_shared<bool>(false);
  rotate->add_option("--alg", *alg, "RS256, ES256 or EdDSA (default: sts.signing_alg)")
      ->check(CLI::IsMember({"RS256", "ES256", "EdDSA"}));
  rotate->add_flag("--immediate", *immediate,
                   "Sign with the new key at once (after a compromise); the old key stays "
                   "published until its tokens expire");
  rotate->callback([&g, &rc, alg, immediate] {
    WithRuntime(g, rc, "key rotate", [&](app::Runtime& rt) -> Status {
      std::string name = alg->empty() ? rt.config().sts.signing_alg : *alg;
      MUSTER_ASSIGN_OR_RETURN(jose::JwsAlg a, jose::ParseJwsAlg(name));
      MUSTER_ASSIGN_OR_RETURN(std::string kid, rt.keys().Rotate(a, *immediate));
      Printer p(g.json);
      p.Begin()
          .Field("kid", kid)
          .Field("alg", name)
          .Field("immediate", *immediate ? "true" : "false")
          .End();
      return OkStatus();
    });
  });

  app.add_subcommand("migrate", "Bring the database schema up to date")->callback([&g, &rc] {
    WithRuntime(g, rc, "migrate", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(int version, rt.store().SchemaVersion());
      std::cout << "schema version " << version << "\n";
      return OkStatus();
    });
  });

  auto* config = app.add_subcommand("config", "Configuration");
  config->require_subcommand(1);
  config->add_subcommand("check", "Validate the configuration and print it (secrets redacted)")
      ->callback([&g, &rc] {
        auto cfg = LoadOrReport(g);
        if (!cfg) {
          rc = 2;
          return;
        }
        std::cout << config::DescribeConfig(*cfg) << "configuration OK\n";
      });
}

}  // namespace muster::cli
