#include "roster/generator/plan.h"

#include <cstdio>
#include <set>

#include "core/uuid.h"
#include "roster/generator/names.h"
#include "roster/generator/rng.h"
#include "roster/generator/uk_identifiers.h"

namespace muster::roster::generator {
namespace {

// "St Aldhelm's Church of England High School" -> "st-aldhelms-high".
std::string Slug(std::string name) {
  for (std::string_view drop : {"Church of England ", "Catholic ", "Community "}) {
    const size_t at = name.find(drop);
    if (at != std::string::npos) name.erase(at, drop.size());
  }
  const std::string_view suffix = " School";
  if (name.size() > suffix.size() && name.ends_with(suffix))
    name.resize(name.size() - suffix.size());
  std::string slug;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') slug.push_back(static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug.push_back(c);
    if (c == ' ' && !slug.empty() && slug.back() != '-') slug.push_back('-');
  }
  return slug;
}

SchoolPlan Fixed(const char* name, const char* dfe, const char* urn, Phase phase, int per_year,
                 int sixth_form, uint64_t seed) {
  SchoolPlan s;
  s.name = name;
  s.slug = Slug(name);
  s.dfe_code = dfe;
  s.urn = urn;
  s.la_code = std::stoi(s.dfe_code.substr(0, 3));
  s.estab = std::stoi(s.dfe_code.substr(3));
  s.phase = phase;
  s.organisation_id = DerivedGuid(kDemoGuidSpace, "site/" + s.dfe_code);
  s.pupils_per_year = per_year;
  s.sixth_form_per_year = sixth_form;
  s.seed = MixSeed(seed, HashText(s.dfe_code));
  return s;
}

std::string Place(Rng& rng) {
  return std::string(rng.Pick(names::PlaceStarts())) + std::string(rng.Pick(names::PlaceEnds()));
}

std::string SchoolName(Rng& rng, Phase phase) {
  const int style = rng.Between(0, 9);
  if (phase == Phase::kPrimary) {
    if (style < 2)
      return std::string(rng.Pick(names::Saints())) + " Church of England Primary School";
    if (style < 3) return Place(rng) + " Community Primary School";
    if (style < 4) return Place(rng) + " Infant and Junior School";
    return Place(rng) + " Primary School";
  }
  if (style < 1) return std::string(rng.Pick(names::Saints())) + " Catholic High School";
  if (style < 5) return Place(rng) + " Academy";
  if (style < 8) return Place(rng) + " High School";
  return Place(rng) + " School";
}

class Planner {
 public:
  Planner(DatasetPlan& plan, Rng& rng) : plan_(plan), rng_(rng) {
    for (const SchoolPlan& s : plan_.schools) {
      names_.insert(s.name);
      dfe_.insert(s.dfe_code);
    }
  }

  void Add(Phase phase, int la) {
    SchoolPlan s;
    do {
      s.name = SchoolName(rng_, phase);
    } while (!names_.insert(s.name).second);
    s.slug = Slug(s.name);
    s.phase = phase;
    s.la_code = la;
    char dfe[16];
    do {
      s.estab = phase == Phase::kPrimary ? rng_.Between(2000, 2999) : rng_.Between(4000, 4999);
      std::snprintf(dfe, sizeof dfe, "%03d%04d", la % 1000, s.estab % 10000);
    } while (!dfe_.insert(dfe).second);
    s.dfe_code = dfe;
    char urn[16];
    std::snprintf(urn, sizeof urn, "%06d", (990104 + next_urn_++) % 1000000);
    s.urn = urn;
    s.organisation_id = DerivedGuid(kDemoGuidSpace, "site/" + s.dfe_code);
    if (phase == Phase::kPrimary) {
      s.pupils_per_year = rng_.Pick(std::span<const int>(kPrimaryIntakes));
      s.nursery = rng_.Chance(0.4);
    } else {
      s.pupils_per_year = rng_.Between(150, 330);
      s.sixth_form_per_year = rng_.Chance(0.7) ? rng_.Between(50, 160) : 0;
    }
    s.in_district = true;
    s.seed = MixSeed(plan_.seed, HashText(s.dfe_code));
    plan_.schools.push_back(std::move(s));
  }

 private:
  static constexpr int kPrimaryIntakes[] = {30, 30, 45, 45, 60, 60, 90};  // 1-3 forms of entry

  DatasetPlan& plan_;
  Rng& rng_;
  std::set<std::string> names_;
  std::set<std::string> dfe_;
  int next_urn_ = 0;
};

}  // namespace

std::optional<DemoSize> ParseDemoSize(std::string_view text) {
  if (text == "s") return DemoSize::kS;
  if (text == "m") return DemoSize::kM;
  if (text == "l") return DemoSize::kL;
  return std::nullopt;
}

const char* ToString(DemoSize size) {
  return size == DemoSize::kS ? "s" : size == DemoSize::kM ? "m" : "l";
}

DatasetPlan PlanDataset(DemoSize size, uint64_t seed) {
  DatasetPlan plan;
  plan.size = size;
  plan.seed = seed;
  // The three schools of app/demo.cc (same names, DfE numbers and URNs).
  plan.schools = {
      Fixed("Millbrook Primary School", "9192431", "990101", Phase::kPrimary, 39, 0, seed),
      Fixed("Ashcombe Academy", "3304012", "990102", Phase::kSecondary, 200, 50, seed),
      Fixed("St Aldhelm's Church of England High School", "8864105", "990103", Phase::kSecondary,
            190, 75, seed)};
  if (size == DemoSize::kS) return plan;

  Rng rng(MixSeed(seed, HashText(ToString(size))));
  const auto las = EnglishLaCodes();
  Planner planner(plan, rng);
  DistrictPlan district;
  if (size == DemoSize::kM) {
    district.name = Place(rng) + " " + std::string(rng.Pick(names::TrustWords())) + " Trust";
    char ref[16];
    std::snprintf(ref, sizeof ref, "TR0%04d", rng.Between(1000, 9999));
    district.identifier = ref;
    const size_t first = rng.Below(las.size() - 3);
    for (int i = 0; i < 25; ++i) {
      planner.Add(i < 18 ? Phase::kPrimary : Phase::kSecondary, las[first + rng.Below(3)]);
    }
  } else {
    const int la = las[rng.Below(las.size())];
    district.name = Place(rng) + "shire County Council";
    district.identifier = std::to_string(la);
    district.local_authority = true;
    for (int i = 0; i < 100; ++i) planner.Add(i < 30 ? Phase::kPrimary : Phase::kSecondary, la);
  }
  district.sourced_id = DerivedGuid(kDemoGuidSpace, "district/" + district.identifier);
  plan.district = std::move(district);
  return plan;
}

}  // namespace muster::roster::generator
