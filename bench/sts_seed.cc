// sts_seed: fills a data directory for the STS benchmark (bench/sts.sh).
//   sts_seed DATA_DIR peer        the peer's client: bench-client / bench-secret-0123456789abcdef
//                                 granted "dex.read dex.write" at organisation 123456
//   sts_seed DATA_DIR bulk N      N more schools, each with a DeX and a OneRoster client
//                                 (for the memory figure with 2N clients loaded)
// It uses the same services as the CLI, in one batch.

#include <iostream>
#include <string>

#include "app/runtime.h"

using namespace muster;

namespace {

int Fail(const Error& e) {
  std::cerr << "sts_seed: " << e.message << " " << e.internal << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: sts_seed DATA_DIR peer | sts_seed DATA_DIR bulk N\n";
    return 2;
  }
  std::string mode = argv[2];
  int count = argc > 3 ? std::stoi(argv[3]) : 0;
  auto cfg = config::LoadConfig("", config::SystemEnvironment(),
                                std::vector<config::Override>{{"storage.data_dir", argv[1]}});
  if (!cfg.ok()) return Fail(cfg.error());
  auto rt = app::Runtime::Open(*cfg, app::OpenOptions{true});
  if (!rt.ok()) return Fail(rt.error());
  admin::PlatformService& p = (*rt)->platform();
  admin::PlatformService::Batch batch(p);
  Status s = (*rt)->store().InTransaction([&]() -> Status {
    MUSTER_ASSIGN_OR_RETURN(auto vendor, p.CreateVendor("Bench Vendor", "bench"));
    storage::Application app;
    app.vendor_id = vendor.vendor.id;
    app.name = "Bench Application";
    app.requires_approval = false;
    MUSTER_ASSIGN_OR_RETURN(app, p.CreateApplication(app, "bench"));
    auto add_school = [&](const std::string& org, const std::string& name) -> Result<int64_t> {
      storage::Site site;
      site.organisation_id = org;
      site.name = name;
      MUSTER_ASSIGN_OR_RETURN(site, p.CreateSite(site, "bench"));
      MUSTER_RETURN_IF_ERROR(p.Install(site.id, app.id, "", "bench"));
      return site.id;
    };
    if (mode == "peer") {
      MUSTER_ASSIGN_OR_RETURN(int64_t site, add_school("123456", "Bench School"));
      admin::ClientDraft d;
      d.kind = storage::ClientKind::kDex;
      d.vendor_id = vendor.vendor.id;
      d.application_id = app.id;
      d.site_id = site;
      d.scopes = "dex.read dex.write";
      d.client_id = "bench-client";
      d.imported_secret = "bench-secret-0123456789abcdef";
      MUSTER_RETURN_IF_ERROR(p.CreateClient(d, "bench"));
      return OkStatus();
    }
    for (int i = 0; i < count; ++i) {
      MUSTER_ASSIGN_OR_RETURN(int64_t site, add_school("", "Bench School " + std::to_string(i)));
      for (auto kind : {storage::ClientKind::kDex, storage::ClientKind::kOneRoster}) {
        admin::ClientDraft d;
        d.kind = kind;
        d.vendor_id = vendor.vendor.id;
        d.application_id = app.id;
        d.site_id = site;
        MUSTER_RETURN_IF_ERROR(p.CreateClient(d, "bench"));
      }
    }
    return OkStatus();
  });
  if (!s.ok()) return Fail(s.error());
  std::cout << "seeded " << mode << " " << count << "\n";
  return 0;
}
