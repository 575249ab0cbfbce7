#include <charconv>
#include <string_view>

#include "app/demo.h"
#include "core/json_writer.h"
#include "roster/generator/churn.h"
#include "roster/generator/plan.h"
#include "roster/generator/school_calendar.h"
#include "roster/generator/school_generator.h"

namespace muster::app {
namespace {

namespace gen = roster::generator;

// The roster marker EnsureDemo writes: "size=<s|m|l> seed=<n>".
Result<std::pair<gen::DemoSize, uint64_t>> ParseMarker(const std::string& marker) {
  const auto size_at = marker.find("size=");
  const auto seed_at = marker.find(" seed=");
  if (size_at != 0 || seed_at == std::string::npos) {
    return MakeError(ErrorCode::kInternal, "", "the demo roster marker is unreadable", marker);
  }
  auto size = gen::ParseDemoSize(marker.substr(5, seed_at - 5));
  uint64_t seed = 0;
  std::string_view digits = std::string_view(marker).substr(seed_at + 6);
  auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), seed);
  if (!size || parsed.ec != std::errc()) {
    return MakeError(ErrorCode::kInternal, "", "the demo roster marker is unreadable", marker);
  }
  return std::make_pair(*size, seed);
}

void WriteChanges(JsonWriter& w, std::string_view key, const gen::CollectionChanges& c) {
  w.Key(key).BeginObject().Key("changed").BeginArray();
  for (const auto& id : c.changed) w.String(id);
  w.EndArray().Key("tombstoned").BeginArray();
  for (const auto& id : c.tombstoned) w.String(id);
  w.EndArray().EndObject();
}

}  // namespace

Result<std::string> ChurnDemo(Runtime& rt, uint64_t seed) {
  MUSTER_ASSIGN_OR_RETURN(auto marker, rt.store().GetMeta("demo.roster"));
  if (!marker) {
    return MakeError(ErrorCode::kNotFound, "",
                     "this data directory holds no demo roster: run `muster demo` first");
  }
  MUSTER_ASSIGN_OR_RETURN(auto size_seed, ParseMarker(*marker));
  const gen::DatasetPlan plan = gen::PlanDataset(size_seed.first, size_seed.second);
  const gen::SchoolCalendar calendar =
      gen::CalendarFor(gen::FromUnixMillis(rt.clock().NowUnixMillis()));
  const gen::DistrictPlan* district = plan.district ? &*plan.district : nullptr;
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Key("schools").BeginArray();
  for (size_t i = 0; i < plan.schools.size() && i < 3; ++i) {
    const gen::SchoolPlan& school = plan.schools[i];
    MUSTER_ASSIGN_OR_RETURN(storage::Site site,
                            rt.store().GetSiteByOrganisation(school.organisation_id));
    const gen::SchoolRoster roster = gen::GenerateSchool(school, district, calendar, site.id);
    gen::ChurnOptions options;
    options.seed = seed;
    MUSTER_ASSIGN_OR_RETURN(gen::ChurnReport report, gen::ApplyChurn(rt.roster(), roster, options));
    w.BeginObject().Member("organisationId", site.organisation_id).Member("name", site.name);
    WriteChanges(w, "users", report.users);
    WriteChanges(w, "enrollments", report.enrollments);
    WriteChanges(w, "demographics", report.demographics);
    w.EndObject();
  }
  w.EndArray().EndObject();
  return out;
}

}  // namespace muster::app
