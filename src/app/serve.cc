#include "app/serve.h"

#include <cstdio>
#include <iostream>

#include "app/demo.h"
#include "app/malloc_tuning.h"
#include "app/ops_routes.h"
#include "app/runtime.h"
#include "auth/bearer_validator.h"
#include "auth/guard.h"
#include "auth/rate_limiter.h"
#include "auth/site_lookup.h"
#include "auth/sts_routes.h"
#include "auth/token_service.h"
#include "core/log.h"
#include "dex/dex_routes.h"
#include "dex/dex_service.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "oneroster/api/oneroster_routes.h"
#include "oneroster/api/roster_reader.h"
#include "partner/partner_routes.h"
#include "partner/partner_service.h"
#include "provisioning/provisioning_routes.h"
#include "provisioning/provisioning_service.h"

namespace muster::app {
namespace {

http::ServerOptions ServerOptionsFrom(const config::Config& c) {
  http::ServerOptions o;
  auto colon = c.server.listen.rfind(':');
  o.host = c.server.listen.substr(0, colon);
  if (o.host.size() >= 2 && o.host.front() == '[') o.host = o.host.substr(1, o.host.size() - 2);
  o.port = static_cast<uint16_t>(std::stoi(c.server.listen.substr(colon + 1)));
  o.threads = c.server.threads;
  o.header_limit = c.server.header_limit_bytes;
  o.body_limit = c.server.body_limit_bytes;
  o.read_timeout_ms = c.server.read_timeout_ms;
  o.idle_timeout_ms = c.server.idle_timeout_ms;
  o.shutdown_grace_ms = c.server.shutdown_grace_ms;
  o.tls_cert_file = c.server.tls_cert;
  o.tls_key_file = c.server.tls_key;
  o.access_log = c.log.access_log;
  return o;
}

log::Level LevelFrom(const std::string& name) {
  if (name == "debug") return log::Level::kDebug;
  if (name == "warn") return log::Level::kWarn;
  if (name == "error") return log::Level::kError;
  return log::Level::kInfo;
}

int Fail(const Error& e) {
  log::Error("serve.failed", {{"message", e.message}, {"internal", e.internal}});
  log::Flush();
  std::cerr << "muster serve: " << e.message << "\n";
  return 1;
}

}  // namespace

int RunServe(const config::Config& config, const ServeOptions& options) {
  TuneMallocForServing();  // before any thread starts
  log::SetLevel(LevelFrom(config.log.level));
  auto opened = Runtime::Open(config, OpenOptions{options.demo});
  if (!opened.ok()) return Fail(opened.error());
  Runtime& rt = **opened;

  http::Router router;
  http::Metrics metrics;
  http::Server server(ServerOptionsFrom(config), router, metrics);
  if (Status s = server.Start(); !s.ok()) return Fail(s.error());
  if (config.server.public_url.empty()) {
    std::string host = ServerOptionsFrom(config).host;
    if (host == "0.0.0.0" || host == "::") host = "127.0.0.1";
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    rt.SetPublicUrl((server.tls() ? "https://" : "http://") + host + ":" +
                    std::to_string(server.port()));
  }
  if (Status s = rt.keys().Tick(); !s.ok()) return Fail(s.error());

  auth::RateLimiter limiter(rt.clock(), config.sts.rate_limit_per_s, config.sts.rate_limit_burst);
  auth::TokenService tokens(
      rt.registry(), rt.keys(), limiter, rt.audit(), rt.clock(), rt.hasher(),
      auth::TokenSettings{rt.Issuer(), rt.Audience(), config.sts.token_lifetime_s});
  auth::BearerValidator validator(
      rt.keys(), rt.revocations(), rt.clock(),
      auth::ValidatorSettings{rt.Issuer(), rt.Audience(), config.sts.clock_skew_s, 20000},
      &rt.registry());
  const auto& keyed = config.gateway.subscription_key_groups;
  router.SetGuard(auth::MakeBearerGuard(
      validator, auth::GatewayPolicy{{keyed.begin(), keyed.end()}, rt.registry(), rt.hasher()}));

  auth::StsDeps sts{tokens,     validator, rt.revocations(), rt.keys(),
                    rt.audit(), metrics,   rt.PublicUrl(),   config.sts.jwks_max_age_s};
  OpsDeps ops{metrics, [&rt]() -> Status {
                MUSTER_RETURN_IF_ERROR(rt.store().SchemaVersion());
                if (!rt.keys().Signer()) {
                  return MakeError(ErrorCode::kUnavailable, "", "no signing key loaded");
                }
                return OkStatus();
              }};
  partner::PartnerService partners(rt.store(), rt.platform());
  // School-data APIs read the school of the token's organisation.
  auto site_of = [&rt](const http::Principal& p) -> Result<roster::RosterScope> {
    MUSTER_ASSIGN_OR_RETURN(storage::Site site, auth::SiteOfPrincipal(rt.registry(), p));
    return roster::RosterScope{site.id};
  };
  oneroster::api::RosterReader roster_reader(rt.roster());
  oneroster::api::OneRosterDeps oneroster_deps{roster_reader, site_of, rt.PublicUrl()};
  dex::DexService dex_service(rt.learners(), rt.clock());
  dex::DexDeps dex_deps{dex_service, site_of, rt.PublicUrl()};
  provisioning::ProvisioningService provisioning_service(rt.learners(), rt.clock());
  provisioning::ProvisioningDeps provisioning_deps{
      provisioning_service,
      [&rt](const http::Principal& p) { return auth::SiteOfPrincipal(rt.registry(), p); },
      rt.PublicUrl()};
  for (Status s : {auth::RegisterStsRoutes(router, sts), RegisterOpsRoutes(router, ops),
                   partner::RegisterPartnerRoutes(router, partner::PartnerDeps{partners}),
                   oneroster::api::RegisterOneRosterRoutes(router, oneroster_deps),
                   dex::RegisterDexRoutes(router, dex_deps),
                   provisioning::RegisterProvisioningRoutes(router, provisioning_deps)}) {
    if (!s.ok()) return Fail(s.error());
  }
  metrics.AddGauge("muster_clients_loaded", "OAuth clients in the token cache.",
                   [&rt] { return static_cast<double>(rt.registry().ClientCount()); });
  metrics.AddGauge("muster_audit_dropped_total", "Audit events dropped (queue full).",
                   [&rt] { return static_cast<double>(rt.audit().dropped()); });

  if (options.demo) {
    auto demo = EnsureDemo(rt, options.demo_size, options.demo_seed);
    if (!demo.ok()) return Fail(demo.error());
    std::cout << *demo << std::flush;
  }

  // Housekeeping: another process (the CLI, another node) may change clients, keys or
  // revocations; the store's version says when to reload.
  auto loaded_version = std::make_shared<int64_t>(-1);
  server.AddPeriodic(std::chrono::milliseconds(1000), [&rt, loaded_version] {
    auto version = rt.store().ConfigVersion();
    if (!version.ok()) return;
    if (*version != *loaded_version) {
      // Remember the version only when every cache reloaded, so a failure is retried.
      Status s = rt.registry().Reload();
      if (s.ok()) s = rt.keys().Load();
      if (s.ok()) s = rt.revocations().Load();
      if (s.ok()) {
        *loaded_version = *version;
      } else {
        log::Error("cache.reload_failed", {{"internal", s.error().internal}});
      }
    }
    if (Status s = rt.keys().Tick(); !s.ok()) {
      log::Error("key.tick_failed", {{"internal", s.error().internal}});
    }
  });
  server.AddPeriodic(std::chrono::seconds(60), [&rt, &limiter] {
    limiter.Sweep();
    (void)rt.store().PurgeRevokedTokens(rt.clock().NowUnixMillis());
  });
  // Roster tombstones are kept kTombstoneRetentionMs (90 days), then purged, hourly.
  server.AddPeriodic(std::chrono::hours(1), [&rt] {
    auto purged = rt.roster().PurgeTombstones();
    if (!purged.ok()) {
      log::Error("roster.purge_failed", {{"internal", purged.error().internal}});
    } else if (*purged > 0) {
      log::Info("roster.tombstones_purged", {{"rows", std::to_string(*purged)}});
    }
  });

  log::Info(
      "serve.listening",
      {{"url", rt.PublicUrl()}, {"issuer", rt.Issuer()}, {"data_dir", config.storage.data_dir}});
  log::Flush();
  std::cout << "Muster is listening on " << rt.PublicUrl() << "\n" << std::flush;
  server.Run();
  rt.audit().Flush();
  log::Info("serve.stopped");
  log::Flush();
  return 0;
}

}  // namespace muster::app
