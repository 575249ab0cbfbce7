#include "auth/scopes.h"

#include <gtest/gtest.h>

namespace muster::auth {
namespace {

TEST(Scopes, SplitDropsEmptiesAndDuplicates) {
  EXPECT_EQ(SplitScopes("  a b  a c "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(SplitScopes("").empty());
  EXPECT_EQ(JoinScopes({"a", "b"}), "a b");
}

TEST(Scopes, RosterReadonlyImpliesCoreAndAlternativesWork) {
  std::string core = std::string(kOneRosterScopePrefix) + "roster-core.readonly";
  std::string full = std::string(kOneRosterScopePrefix) + "roster.readonly";
  EXPECT_TRUE(ScopeSatisfied({full}, core));
  EXPECT_FALSE(ScopeSatisfied({core}, full));
  EXPECT_TRUE(ScopeSatisfied({"b"}, "a|b"));
  EXPECT_FALSE(ScopeSatisfied({"c"}, "a|b"));
}

TEST(Scopes, DefaultsPerClientKind) {
  auto dex = SplitScopes(DefaultDexScopes());
  EXPECT_TRUE(ScopeSatisfied(dex, kScopeDex));
  EXPECT_FALSE(ScopeSatisfied(dex, kScopePartnerRead));
  auto mgmt = SplitScopes(DefaultManagementScopes());
  EXPECT_TRUE(ScopeSatisfied(mgmt, kScopePartnerRead));
  EXPECT_TRUE(ScopeSatisfied(mgmt, kScopePartnerWrite));
  auto oneroster = SplitScopes(DefaultOneRosterScopes());
  EXPECT_TRUE(ScopeSatisfied(oneroster, "onerosterapi"));
  EXPECT_TRUE(
      ScopeSatisfied(oneroster, std::string(kOneRosterScopePrefix) + "gradebook.createput"));
}

}  // namespace
}  // namespace muster::auth
