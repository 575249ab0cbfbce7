#pragma once

// The shape of a demo data set before any person is generated: which schools (names, DfE
// numbers, URNs, phase, size) and which trust or local authority, by size:
//   s: the three demo schools of `muster demo` (app/demo.cc): Millbrook Primary (~275
//      pupils), Ashcombe Academy and St Aldhelm's (secondaries, ~1,100 pupils each);
//   m: those three plus a multi-academy trust of 25 schools (18 primary, 7 secondary) over
//      three neighbouring LAs;
//   l: those three plus a local authority's 100 schools (30 primary, 70 secondary of 800-2,000
//      pupils): sized to the ~300,000 users of the benchmark figures (oneroster.md §6), so
//      more secondary-heavy than a real LA.
// Everything is fictional: place names are made up, URNs come from the unused 99xxxx block,
// DfE numbers pair a valid LA code with an establishment number in the phase's range. The
// three demo schools are the same in every size and seed; the rest follows the seed.
// Pure; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster::roster::generator {

enum class DemoSize { kS, kM, kL };
std::optional<DemoSize> ParseDemoSize(std::string_view text);  // "s" | "m" | "l"
const char* ToString(DemoSize size);

enum class Phase { kPrimary, kSecondary };

// The demo GUID namespace shared with app/demo.cc: a school's organisation id (and its
// OneRoster school org sourcedId) is DerivedGuid(kDemoGuidSpace, "site/" + dfe_code).
inline constexpr char kDemoGuidSpace[] = "muster-demo";

struct DistrictPlan {
  std::string sourced_id;
  std::string name;        // "Brookfield Learning Trust", "Hazelmoor County Council"
  std::string identifier;  // trust reference "TR0xxxx", or the LA code
  bool local_authority = false;
};

struct SchoolPlan {
  std::string name;
  std::string slug;  // e-mail domain label: "millbrook-primary" -> millbrook-primary.example
  std::string dfe_code;
  std::string urn;
  int la_code = 0;
  int estab = 0;
  Phase phase = Phase::kPrimary;
  std::string organisation_id;  // the platform site's, = the school org's sourcedId
  int pupils_per_year = 0;      // main school (R-Y6 or Y7-Y11), before +-8% variation
  bool nursery = false;         // primary with N1 and N2
  int sixth_form_per_year = 0;  // secondary Y12-Y13; 0 = no sixth form
  bool in_district = false;     // a member of DatasetPlan::district
  uint64_t seed = 0;            // this school's own generator seed
};

struct DatasetPlan {
  DemoSize size = DemoSize::kS;
  uint64_t seed = 0;
  std::optional<DistrictPlan> district;
  std::vector<SchoolPlan> schools;  // the three demo schools first
};

DatasetPlan PlanDataset(DemoSize size, uint64_t seed);

}  // namespace muster::roster::generator
