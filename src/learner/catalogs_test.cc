#include "learner/catalogs.h"

#include <gtest/gtest.h>

#include "odata/query/query_parser.h"
#include "odata/query/sql_compiler.h"

namespace muster::learner {
namespace {

using odata::query::ParseQuery;

TEST(CatalogsTest, EachEntitySetHasItsProperties) {
  for (EntitySet set : kAllEntitySets) {
    EXPECT_EQ(CatalogFor(set).key().name, "ExternalID");
    EXPECT_EQ(ParseEntitySet(ToString(set)), set);
  }
  EXPECT_FALSE(ParseEntitySet("learnerpersonals").has_value());
  const auto& personals = CatalogFor(EntitySet::kLearnerPersonals);
  const auto& identifiers = CatalogFor(EntitySet::kLearnerIdentifiers);
  for (const char* name : {"UPN", "DateOfBirth", "PreferredForename", "MiddleNames"}) {
    EXPECT_NE(personals.FindProperty(name), nullptr) << name;
    EXPECT_EQ(identifiers.FindProperty(name), nullptr) << name;  // the minimised browse
  }
  for (const char* name : {"AgeMonths", "GenderCategory", "OnRollState", "Forename"}) {
    EXPECT_NE(identifiers.FindProperty(name), nullptr) << name;
  }
  for (const char* lookup : kLookups) {
    EXPECT_NE(personals.FindNavigation(lookup), nullptr) << lookup;
    EXPECT_NE(identifiers.FindProperty(std::string(lookup) + "/ExternalID"), nullptr) << lookup;
  }
  EXPECT_FALSE(identifiers.FindProperty("AgeMonths")->filterable);  // depends on today
}

TEST(CatalogsTest, TheDocumentedQueriesCompile) {
  const odata::query::SqliteDialect dialect;
  struct Case {
    EntitySet set;
    const char* filter;
  };
  for (const Case& c : {
           Case{EntitySet::kLearnerIdentifiers, "OnRollState eq 'Current'"},
           Case{EntitySet::kLearnerIdentifiers,
                "CurrentYearGroup/ExternalID eq 6f1c1c1e-1234-4abc-8def-0123456789ab"},
           Case{EntitySet::kLearnerIdentifiers, "CurrentHouse/ExternalID ne null"},
           Case{EntitySet::kLearnerPersonals,
                "startswith(Surname,'Sm') and DateOfBirth lt 2015-01-01"},
           Case{EntitySet::kLearnerPersonals, "CurrentPrimaryClass/Description eq 'Oak'"},
           Case{EntitySet::kLearnerGroups, "GroupType eq SIMS.GroupTypeEnum'YearGroup'"},
       }) {
    auto q =
        ParseQuery({{"$filter", c.filter}, {"$orderby", "ExternalID desc"}}, CatalogFor(c.set));
    ASSERT_TRUE(q.ok()) << c.filter << ": " << q.error().message;
    auto compiled = odata::query::CompileQuery(*q, CatalogFor(c.set), dialect);
    ASSERT_TRUE(compiled.ok()) << c.filter;
    EXPECT_FALSE(compiled->where.empty());
  }
  auto bad =
      ParseQuery({{"$filter", "AgeMonths gt 100"}}, CatalogFor(EntitySet::kLearnerPersonals));
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace muster::learner
