// Admin subcommands of `muster`: vendor, app, site, client, key, migrate, config.

#include <iostream>
#include <sstream>

#include "app/runtime.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/json_writer.h"
#include "core/time_format.h"
#include "jose/signing_key.h"

namespace muster::cli {
namespace {

void AddVendor(CLI::App& app, GlobalOptions& g, int& rc) {
  auto* vendor = app.add_subcommand("vendor", "Technical integrators (vendors)");
  vendor->require_subcommand(1);
  auto* create = vendor->add_subcommand("create", "Create a vendor and its subscription keys");
  auto name = std::make_shared<std::string>();
  create->add_option("--name", *name, "Vendor name")->required();
  create->callback([&g, &rc, name] {
    WithRuntime(g, rc, "vendor create", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(auto v, rt.platform().CreateVendor(*name, "cli"));
      Printer p(g.json);
      p.Begin()
          .Field("id", v.vendor.id)
          .Field("name", v.vendor.name)
          .Field("subscription_key_primary", v.primary_key)
          .Field("subscription_key_secondary", v.secondary_key)
          .End();
      return OkStatus();
    });
  });
  vendor->add_subcommand("list", "List vendors")->callback([&g, &rc] {
    WithRuntime(g, rc, "vendor list", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(auto vendors, rt.store().ListVendors());
      Printer p(g.json);
      for (const auto& v : vendors) {
        p.Begin()
            .Field("id", v.id)
            .Field("name", v.name)
            .Field("created", When(v.created_ms))
            .End();
      }
      return OkStatus();
    });
  });
  auto* rotate = vendor->add_subcommand("rotate-key", "Replace one subscription key slot");
  auto id = std::make_shared<std::string>();
  auto slot = std::make_shared<std::string>();
  rotate->add_option("--vendor", *id, "Vendor id")->required();
  rotate->add_option("--slot", *slot, "primary or secondary")
      ->required()
      ->check(CLI::IsMember({"primary", "secondary"}));
  rotate->callback([&g, &rc, id, slot] {
    WithRuntime(g, rc, "vendor rotate-key", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(auto key, rt.platform().RotateSubscriptionKey(*id, *slot, "cli"));
      Printer p(g.json);
      p.Begin().Field("vendor", *id).Field("slot", *slot).Field("subscription_key", key).End();
      return OkStatus();
    });
  });
}

void AddApp(CLI::App& app, GlobalOptions& g, int& rc) {
  auto* cmd = app.add_subcommand("app", "Applications of a vendor");
  cmd->require_subcommand(1);
  auto* create = cmd->add_subcommand("create", "Create an application");
  auto draft = std::make_shared<storage::Application>();
  auto no_approval = std::make_shared<bool>(false);
  create->add_option("--vendor", draft->vendor_id, "Vendor id")->required();
  create->add_option("--name", draft->name, "Tile name")->required();
  create->add_option("--description", draft->description, "Tile description");
  create->add_option("--scopes", draft->requested_scopes, "Requested scopes (space separated)");
  create->add_flag("--no-approval", *no_approval, "Installs need no vendor approval");
  create->callback([&g, &rc, draft, no_approval] {
    WithRuntime(g, rc, "app create", [&](app::Runtime& rt) -> Status {
      draft->requires_approval = !*no_approval;
      MUSTER_ASSIGN_OR_RETURN(auto a, rt.platform().CreateApplication(*draft, "cli"));
      Printer p(g.json);
      p.Begin().Field("id", a.id).Field("name", a.name).Field("vendor", a.vendor_id).End();
      return OkStatus();
    });
  });
  cmd->add_subcommand("list", "List applications")->callback([&g, &rc] {
    WithRuntime(g, rc, "app list", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(auto apps, rt.store().ListApplications(""));
      Printer p(g.json);
      for (const auto& a : apps) {
        p.Begin()
            .Field("id", a.id)
            .Field("name", a.name)
            .Field("vendor", a.vendor_id)
            .Field("requires_approval", a.requires_approval ? "true" : "false")
            .End();
      }
      return OkStatus();
    });
  });
}

void AddSite(CLI::App& app, GlobalOptions& g, int& rc) {
  auto* cmd = app.add_subcommand("site", "Schools and their installs");
  cmd->require_subcommand(1);
  auto* create = cmd->add_subcommand("create", "Create a site (school)");
  auto draft = std::make_shared<storage::Site>();
  create->add_option("--name", draft->name, "School name")->required();
  create->add_option("--dfe", draft->dfe_code, "DfE number LLLEEEE");
  create->add_option("--urn", draft->urn, "URN (6 digits)");
  create->add_option("--org-id", draft->organisation_id, "OrganisationId (default: new GUID)");
  create->add_option("--phase", draft->phase, "primary, secondary, ...");
  create->callback([&g, &rc, draft] {
    WithRuntime(g, rc, "site create", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(auto s, rt.platform().CreateSite(*draft, "cli"));
      Printer p(g.json);
      p.Begin()
          .Field("id", std::to_string(s.id))
          .Field("organisation_id", s.organisation_id)
          .Field("name", s.name)
          .Field("dfe_code", s.dfe_code)
          .End();
      return OkStatus();
    });
  });
  cmd->add_subcommand("list", "List sites")->callback([&g, &rc] {
    WithRuntime(g, rc, "site list", [&](app::Runtime& rt) -> Status {
      MUSTER_ASSIGN_OR_RETURN(auto sites, rt.store().ListSites());
      Printer p(g.json);
      for (const auto& s : sites) {
        p.Begin()
            .Field("id", std::to_string(s.id))
            .Field("organisation_id", s.organisation_id)
            .Field("name", s.name)
            .Field("dfe_code", s.dfe_code)
            .Field("urn", s.urn)
            .End();
      }
      return OkStatus();
    });
  });
  struct InstallArgs {
    std::string site, app;
  };
  auto install_cmd = [&](const char* name, const char* help,
                         std::function<Status(app::Runtime&, int64_t, const std::string&)> act) {
    auto* sub = cmd->add_subcommand(name, help);
    auto args = std::make_shared<InstallArgs>();
    sub->add_option("--site", args->site, "Site id or OrganisationId")->required();
    sub->add_option("--app", args->app, "Application id")->required();
    sub->callback([&g, &rc, args, act, name] {
      WithRuntime(g, rc, std::string("site ") + name, [&](app::Runtime& rt) -> Status {
        MUSTER_ASSIGN_OR_RETURN(auto site, rt.platform().FindSite(args->site));
        MUSTER_RETURN_IF_ERROR(act(rt, site.id, args->app));
        std::cout << name << ": " << site.organisation_id << " / " << args->app << "\n";
        return OkStatus();
      });
    });
  };
  install_cmd("install", "Install an application at a site",
              [](app::Runtime& rt, int64_t site, const std::string& a) -> Status {
                auto installed = rt.platform().Install(site, a, "", "cli");
                if (!installed.ok()) return installed.error();
                return OkStatus();
              });
  install_cmd(
      "approve", "Approve an install", [](app::Runtime& rt, int64_t site, const std::string& a) {
        return rt.platform().SetInstallStatus(site, a, storage::InstallStatus::kApproved, "cli");
      });
  install_cmd(
      "disable", "Disable an install", [](app::Runtime& rt, int64_t site, const std::string& a) {
        return rt.platform().SetInstallStatus(site, a, storage::InstallStatus::kDisabled, "cli");
      });
  install_cmd("remove", "Remove an install and its clients",
              [](app::Runtime& rt, int64_t site, const std::string& a) {
                return rt.platform().RemoveInstall(site, a, "cli");
              });
}

}  // namespace

void AddAdminCommands(CLI::App& app, GlobalOptions& g, int& rc) {
  app.add_flag("--json", g.json, "Print records as JSON");
  AddVendor(app, g, rc);
  AddApp(app, g, rc);
  AddSite(app, g, rc);
  AddClientCommands(app, g, rc);
  AddKeyAndMaintenanceCommands(app, g, rc);
}

}  // namespace muster::cli
