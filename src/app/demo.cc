#include "app/demo.h"

#include <fcntl.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "auth/scopes.h"
#include "core/base64.h"
#include "core/text.h"
#include "core/uuid.h"
#include "crypto/password.h"
#include "roster/generator/loader.h"

namespace muster::app {
namespace {

constexpr const char* kDemoMarker = "demo.created";
constexpr const char* kRosterMarker = "demo.roster";  // "size=<s|m|l> seed=<n>"
constexpr const char* kSpace = "muster-demo";

struct DemoSchool {
  const char* name;
  const char* dfe_code;
  const char* urn;
  const char* phase;
  bool approved;
};

// Fictional schools with well-formed English identifiers: a real LA code (919
// Hertfordshire, 330 Birmingham, 886 Kent), an establishment number in the phase's range
// (2xxx primary, 4xxx secondary) and URNs from a block no real school uses (99xxxx).
constexpr DemoSchool kSchools[] = {
    {"Millbrook Primary School", "9192431", "990101", "primary", true},
    {"Ashcombe Academy", "3304012", "990102", "secondary", true},
    {"St Aldhelm's Church of England High School", "8864105", "990103", "secondary", false},
};

std::string Password(Random& random) { return Base64UrlEncode(random.Bytes(12)); }

struct ClientOut {
  std::string kind, client_id, secret, scope;
};
struct SiteOut {
  std::string organisation_id, name, dfe_code, status;
  std::vector<ClientOut> clients;
};
struct AccountOut {
  std::string role, username, password, organisation_id;
};

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void Str(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

Status WriteFile(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return MakeError(ErrorCode::kUnavailable, "", "cannot write " + path);
  ::fchmod(fd, 0600);
  size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::write(fd, text.data() + off, text.size() - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
  ::close(fd);
  if (off != text.size()) return MakeError(ErrorCode::kUnavailable, "", "short write " + path);
  return OkStatus();
}

Result<std::string> CreateDemo(Runtime& rt) {
  admin::PlatformService& p = rt.platform();
  const std::string actor = "demo";
  std::string base = rt.PublicUrl();
  rapidjson::StringBuffer buf;
  Writer w(buf);
  Status s = rt.store().InTransaction([&]() -> Status {
    MUSTER_ASSIGN_OR_RETURN(
        admin::VendorCreated vendor,
        p.CreateVendor("Demo Learning Ltd", actor, DerivedGuid(kSpace, "vendor")));
    storage::Application draft;
    draft.id = DerivedGuid(kSpace, "application");
    draft.vendor_id = vendor.vendor.id;
    draft.name = "Demo Learning Maths";
    draft.description =
        "Adaptive maths practice for Key Stages 1–4: classes, pupils and teachers from the "
        "school's roster; results written back to the markbook.";
    draft.icon_url = "https://demo-learning.example/icon.png";
    draft.target_url = "https://demo-learning.example/";
    draft.privacy_url = "https://demo-learning.example/privacy";
    draft.gdpr_summary =
        "Reads pupil and staff names, year and registration groups and class memberships to "
        "create accounts. No special-category data. Deleted 30 days after uninstall.";
    draft.support_url = "https://demo-learning.example/support";
    draft.requires_approval = true;
    draft.requested_scopes = auth::DefaultOneRosterScopes() + " " + std::string(auth::kScopeDex);
    MUSTER_ASSIGN_OR_RETURN(storage::Application app, p.CreateApplication(draft, actor));
    admin::ClientDraft mgmt;
    mgmt.kind = storage::ClientKind::kManagement;
    mgmt.vendor_id = vendor.vendor.id;
    mgmt.description = "Demo Learning Ltd vendor management";
    mgmt.client_id = "vmc-" + AsciiLower(DerivedGuid(kSpace, "management-client"));
    MUSTER_ASSIGN_OR_RETURN(admin::ClientCreated management, p.CreateClient(mgmt, actor));

    std::vector<SiteOut> sites;
    std::vector<AccountOut> accounts;
    for (const DemoSchool& school : kSchools) {
      storage::Site site;
      site.organisation_id = DerivedGuid(kSpace, std::string("site/") + school.dfe_code);
      site.name = school.name;
      site.dfe_code = school.dfe_code;
      site.urn = school.urn;
      site.phase = school.phase;
      MUSTER_ASSIGN_OR_RETURN(site, p.CreateSite(site, actor));
      MUSTER_RETURN_IF_ERROR(p.Install(site.id, app.id, "", "site:" + site.organisation_id));
      if (school.approved) {
        MUSTER_RETURN_IF_ERROR(
            p.SetInstallStatus(site.id, app.id, storage::InstallStatus::kApproved, actor));
      }
      SiteOut out{site.organisation_id,
                  site.name,
                  site.dfe_code,
                  school.approved ? "approved" : "pending",
                  {}};
      for (auto kind : {storage::ClientKind::kDex, storage::ClientKind::kOneRoster}) {
        admin::ClientDraft d;
        d.kind = kind;
        d.vendor_id = vendor.vendor.id;
        d.application_id = app.id;
        d.site_id = site.id;
        bool dex = kind == storage::ClientKind::kDex;
        d.client_id = std::string(dex ? "sas-simsprimary-" : "sas-oneroster-") +
                      AsciiLower(DerivedGuid(
                          kSpace, std::string(dex ? "dex/" : "oneroster/") + school.dfe_code));
        d.description = std::string(dex ? "DeX" : "OneRoster") + " client for " + school.name;
        MUSTER_ASSIGN_OR_RETURN(admin::ClientCreated c, p.CreateClient(d, actor));
        out.clients.push_back(
            {dex ? "dex" : "oneroster", c.client.client_id, c.secret, c.client.scopes});
      }
      sites.push_back(std::move(out));
    }
    // Console accounts (used by the console): one per role.
    struct AccountSpec {
      storage::AccountRole role;
      std::string username;
      int64_t site_id;
      std::string org;
    };
    MUSTER_ASSIGN_OR_RETURN(storage::Site first,
                            rt.store().GetSiteByOrganisation(sites[0].organisation_id));
    for (const AccountSpec& spec :
         {AccountSpec{storage::AccountRole::kOperator, "operator", 0, ""},
          AccountSpec{storage::AccountRole::kTiAdmin, "ti.admin@demo-learning.example", 0, ""},
          AccountSpec{storage::AccountRole::kSiteAdmin, "admin@millbrook-primary.example", first.id,
                      first.organisation_id}}) {
      std::string password = Password(rt.random());
      MUSTER_ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(password));
      storage::Account a;
      a.role = spec.role;
      a.username = spec.username;
      a.password_hash = hash;
      a.vendor_id = spec.role == storage::AccountRole::kTiAdmin ? vendor.vendor.id : "";
      a.site_id = spec.site_id;
      a.created_ms = rt.clock().NowUnixMillis();
      MUSTER_RETURN_IF_ERROR(rt.store().CreateAccount(a));
      accounts.push_back({storage::ToString(spec.role), spec.username, password, spec.org});
    }
    MUSTER_RETURN_IF_ERROR(
        rt.store().SetMeta(kDemoMarker, std::to_string(rt.clock().NowUnixMillis())));

    w.StartObject();
    Str(w, "base_url", base);
    Str(w, "token_endpoint", base + "/connect/token");
    w.Key("vendor");
    w.StartObject();
    Str(w, "id", vendor.vendor.id);
    Str(w, "name", vendor.vendor.name);
    Str(w, "subscription_key", vendor.primary_key);
    w.Key("management_client");
    w.StartObject();
    Str(w, "client_id", management.client.client_id);
    Str(w, "client_secret", management.secret);
    Str(w, "scope", management.client.scopes);
    w.EndObject();
    w.EndObject();
    w.Key("application");
    w.StartObject();
    Str(w, "id", app.id);
    Str(w, "name", app.name);
    w.EndObject();
    w.Key("sites");
    w.StartArray();
    for (const auto& site : sites) {
      w.StartObject();
      Str(w, "organisation_id", site.organisation_id);
      Str(w, "name", site.name);
      Str(w, "dfe_code", site.dfe_code);
      Str(w, "status", site.status);
      w.Key("clients");
      w.StartArray();
      for (const auto& c : site.clients) {
        w.StartObject();
        Str(w, "kind", c.kind);
        Str(w, "client_id", c.client_id);
        Str(w, "client_secret", c.secret);
        Str(w, "scope", c.scope);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("accounts");
    w.StartArray();
    for (const auto& a : accounts) {
      w.StartObject();
      Str(w, "role", a.role);
      Str(w, "username", a.username);
      Str(w, "password", a.password);
      Str(w, "organisation_id", a.organisation_id);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return OkStatus();
  });
  MUSTER_RETURN_IF_ERROR(s);
  return std::string(buf.GetString(), buf.GetSize());
}

// Rewrites base_url and token_endpoint of an existing demo file.
Result<std::string> Rebase(const std::string& text, const std::string& base) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) {
    return MakeError(ErrorCode::kInternal, "", "muster-demo.json is not valid JSON");
  }
  auto& alloc = doc.GetAllocator();
  std::string token = base + "/connect/token";
  doc.RemoveMember("base_url");
  doc.RemoveMember("token_endpoint");
  rapidjson::Value b(base.c_str(), alloc), t(token.c_str(), alloc);
  doc.AddMember("base_url", b, alloc);
  doc.AddMember("token_endpoint", t, alloc);
  rapidjson::StringBuffer buf;
  Writer w(buf);
  doc.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

std::string Summary(const std::string& json, const std::string& path) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  std::ostringstream out;
  const auto& site = d["sites"][0];
  const auto& dex = site["clients"][0];
  out << "\nDemo data: " << d["vendor"]["name"].GetString() << ", application \""
      << d["application"]["name"].GetString() << "\", " << d["sites"].Size()
      << " schools (approved at two, pending at the third).\n"
      << "Every credential is in " << path << " (keep it private).\n\n"
      << "Hello World — get a DeX token for " << site["name"].GetString() << ":\n"
      << "  curl -s " << d["token_endpoint"].GetString() << " \\\n"
      << "    -d grant_type=client_credentials -d client_id=" << dex["client_id"].GetString()
      << " \\\n"
      << "    -d client_secret=" << dex["client_secret"].GetString()
      << " -d scope=partnerserverapplication \\\n"
      << "    -d acr_values=orgselected:" << site["organisation_id"].GetString() << "\n\n"
      << "Console accounts:\n";
  for (const auto& a : d["accounts"].GetArray()) {
    out << "  " << a["role"].GetString() << ": " << a["username"].GetString() << " / "
        << a["password"].GetString() << "\n";
  }
  out << "\n";
  return out.str();
}

}  // namespace

std::string DemoFilePath(const Runtime& rt) {
  return rt.config().storage.data_dir + "/muster-demo.json";
}

namespace {

// Generates the OneRoster roster of the demo schools once; returns a line for the summary.
Result<std::string> EnsureRoster(Runtime& rt, roster::generator::DemoSize size, uint64_t seed) {
  const std::string wanted =
      std::string("size=") + roster::generator::ToString(size) + " seed=" + std::to_string(seed);
  MUSTER_ASSIGN_OR_RETURN(auto marker, rt.store().GetMeta(kRosterMarker));
  if (marker && *marker != wanted) {
    return "Roster: this data directory holds the demo roster " + *marker + ", kept (" + wanted +
           " was asked for; use a fresh --data-dir for it).\n";
  }
  if (marker) return "Roster: demo roster " + *marker + " (already loaded).\n";
  roster::generator::LoadOptions options;
  options.size = size;
  options.seed = seed;
  options.today = roster::generator::FromUnixMillis(rt.clock().NowUnixMillis());
  options.progress = [](size_t done, size_t total) {
    std::cerr << "\rGenerating the demo roster: " << done << "/" << total << " schools"
              << (done == total ? "\n" : "") << std::flush;
  };
  MUSTER_ASSIGN_OR_RETURN(auto report,
                          roster::generator::LoadDemoRoster(rt.roster(), rt.store(), rt.platform(),
                                                            rt.clock(), options));
  MUSTER_RETURN_IF_ERROR(rt.store().SetMeta(kRosterMarker, wanted));
  return "Roster (" + wanted + "): " + report.Summary() + "\n";
}

}  // namespace

Result<std::string> EnsureDemo(Runtime& rt, const std::string& size, uint64_t seed) {
  const auto roster_size = roster::generator::ParseDemoSize(size);
  if (!roster_size) {
    return MakeError(ErrorCode::kInvalidArgument, "",
                     "demo size '" + size + "' is not one of s, m, l");
  }
  std::string path = DemoFilePath(rt);
  MUSTER_ASSIGN_OR_RETURN(auto marker, rt.store().GetMeta(kDemoMarker));
  std::string json;
  if (marker) {
    std::ifstream in(path);
    if (!in) {
      return MakeError(ErrorCode::kNotFound, "",
                       "the demo data exists but " + path +
                           " is gone; its secrets were shown once. Start with a fresh "
                           "--data-dir, or rotate secrets with `muster client rotate-secret`.");
    }
    std::stringstream ss;
    ss << in.rdbuf();
    MUSTER_ASSIGN_OR_RETURN(json, Rebase(ss.str(), rt.PublicUrl()));
  } else {
    MUSTER_ASSIGN_OR_RETURN(json, CreateDemo(rt));
  }
  MUSTER_RETURN_IF_ERROR(WriteFile(path, json + "\n"));
  MUSTER_ASSIGN_OR_RETURN(std::string roster, EnsureRoster(rt, *roster_size, seed));
  return Summary(json, path) + roster;
}

}  // namespace muster::app
