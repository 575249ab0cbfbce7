#include "dex/dex_metadata.h"

#include <string>

#include "learner/catalogs.h"

namespace muster::dex {
namespace {

using learner::EntitySet;
using odata::query::PropertySpec;
using odata::query::PropertyType;

// "SIMS.GroupTypeEnum" -> "GroupTypeEnum".
std::string_view Local(std::string_view qualified) {
  return qualified.substr(qualified.find('.') + 1);
}

void EnumType(std::string& out, std::string_view qualified,
              const std::vector<std::string>& members) {
  out += "<EnumType Name=\"";
  out += Local(qualified);
  out += "\">";
  for (size_t i = 0; i < members.size(); ++i) {
    out += "<Member Name=\"" + members[i] + "\" Value=\"" + std::to_string(i) + "\"/>";
  }
  out += "</EnumType>";
}

const PropertySpec& Find(EntitySet set, std::string_view name) {
  return *learner::CatalogFor(set).FindProperty(name);
}

void Property(std::string& out, const PropertySpec& p, bool key) {
  out += "<Property Name=\"" + p.name + "\" Type=\"";
  out += p.type == PropertyType::kEnum ? p.enum_type : odata::query::PropertyTypeName(p.type);
  out += key ? "\" Nullable=\"false\"/>" : "\"/>";
}

// An entity type from a catalog: its structural properties, its lookups, `extra`.
void EntityType(std::string& out, const char* name, EntitySet set, const char* keys,
                const std::string& extra) {
  const auto& catalog = learner::CatalogFor(set);
  out += std::string("<EntityType Name=\"") + name + "\"><Key>" + keys + "</Key>";
  for (const PropertySpec& p : catalog.properties()) {
    if (p.name.find('/') != std::string::npos) continue;  // paths are not properties
    const bool key = p.name == "ExternalID" || p.name == "GroupType";
    Property(out, p, key);
  }
  for (const auto& n : catalog.navigations()) {
    if (!n.collection) out += "<Property Name=\"" + n.name + "\" Type=\"SIMS.Lookup\"/>";
  }
  out += extra + "</EntityType>";
}

std::string Build() {
  constexpr char kIdKey[] = "<PropertyRef Name=\"ExternalID\"/>";
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">"
      "<edmx:DataServices>"
      "<Schema Namespace=\"SIMS\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">";
  for (auto [set, name] : {std::pair{EntitySet::kLearnerGroups, "GroupType"},
                           std::pair{EntitySet::kLearnerPersonals, "GenderCategory"},
                           std::pair{EntitySet::kLearnerPersonals, "OnRollState"}}) {
    const PropertySpec& p = Find(set, name);
    EnumType(out, p.enum_type, p.enum_values);
  }
  out +=
      "<ComplexType Name=\"Lookup\"><Property Name=\"Description\" Type=\"Edm.String\"/>"
      "<Property Name=\"ExternalID\" Type=\"Edm.Guid\"/>"
      "<Property Name=\"Type\" Type=\"Edm.String\"/></ComplexType>";
  EntityType(out, "LearnerPersonal", EntitySet::kLearnerPersonals, kIdKey, "");
  EntityType(out, "LearnerIdentifier", EntitySet::kLearnerIdentifiers, kIdKey, "");
  EntityType(out, "LearnerGroup", EntitySet::kLearnerGroups,
             "<PropertyRef Name=\"ExternalID\"/><PropertyRef Name=\"GroupType\"/>",
             "<NavigationProperty Name=\"LearnerIdentifiers\" "
             "Type=\"Collection(SIMS.LearnerIdentifier)\"/>"
             "<NavigationProperty Name=\"LearnerPersonals\" "
             "Type=\"Collection(SIMS.LearnerPersonal)\"/>");
  for (learner::GroupType t : learner::kAllGroupTypes) {
    out += std::string("<EntityType Name=\"") + learner::ToString(t) +
           "\" BaseType=\"SIMS.LearnerGroup\"/>";
  }
  out +=
      "<EntityContainer Name=\"Learner\">"
      "<EntitySet Name=\"LearnerPersonals\" EntityType=\"SIMS.LearnerPersonal\"/>"
      "<EntitySet Name=\"LearnerIdentifiers\" EntityType=\"SIMS.LearnerIdentifier\"/>"
      "<EntitySet Name=\"LearnerGroups\" EntityType=\"SIMS.LearnerGroup\">"
      "<NavigationPropertyBinding Path=\"LearnerIdentifiers\" Target=\"LearnerIdentifiers\"/>"
      "<NavigationPropertyBinding Path=\"LearnerPersonals\" Target=\"LearnerPersonals\"/>"
      "</EntitySet></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>";
  return out;
}

}  // namespace

std::string_view MetadataXml() {
  static const std::string* const kXml = new std::string(Build());
  return *kXml;
}

}  // namespace muster::dex
