// Contract: sites and installs.

#include <algorithm>
#include <cctype>

#include "storage/contract/store_contract.h"

namespace muster::storage::contract {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

TEST_P(StoreContract, SitesCreateGetAndList) {
  Site first = MakeSite(Guid(31)), second = MakeSite(Guid(32));
  Result<int64_t> id1 = store().CreateSite(first);
  Result<int64_t> id2 = store().CreateSite(second);
  ASSERT_TRUE(IsOk(id1));
  ASSERT_TRUE(IsOk(id2));
  EXPECT_GT(*id1, 0);
  EXPECT_NE(*id1, *id2);
  first.id = *id1;
  second.id = *id2;
  Result<Site> got = store().GetSite(*id2);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(Fields(*got), Fields(second));
  Result<std::vector<Site>> all = store().ListSites();
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 2u);
  const bool ascending = *id1 < *id2;
  EXPECT_EQ(Fields((*all)[0]), Fields(ascending ? first : second));
  EXPECT_EQ(Fields((*all)[1]), Fields(ascending ? second : first));
}

TEST_P(StoreContract, SiteKeepsAnExplicitId) {
  Site s = MakeSite(Guid(31));
  s.id = 4242;
  Result<int64_t> id = store().CreateSite(s);
  ASSERT_TRUE(IsOk(id));
  EXPECT_EQ(*id, 4242);
  EXPECT_TRUE(IsOk(store().GetSite(4242)));
  Site clash = MakeSite(Guid(32));
  clash.id = 4242;
  EXPECT_TRUE(FailsWith(store().CreateSite(clash), ErrorCode::kConflict));
}

TEST_P(StoreContract, SiteOrganisationIsUpperCaseAndMatchedIgnoringCase) {
  const std::string org = "5c030578-1832-4c66-80c4-0e5deb68d3fe";
  Result<int64_t> id = store().CreateSite(MakeSite(org));
  ASSERT_TRUE(IsOk(id));
  EXPECT_EQ(store().GetSite(*id)->organisation_id, "5C030578-1832-4C66-80C4-0E5DEB68D3FE");
  for (const std::string& key : {org, std::string("5C030578-1832-4C66-80C4-0E5DEB68D3FE"),
                                 std::string("5c030578-1832-4C66-80c4-0E5DEB68d3fe")}) {
    Result<Site> got = store().GetSiteByOrganisation(key);
    ASSERT_TRUE(IsOk(got)) << key;
    EXPECT_EQ(got->id, *id);
  }
  EXPECT_TRUE(FailsWith(store().CreateSite(MakeSite("5C030578-1832-4C66-80C4-0E5DEB68D3FE")),
                        ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(store().GetSiteByOrganisation(Guid(1)), ErrorCode::kNotFound));
}

TEST_P(StoreContract, SiteUpdate) {
  Site s = MakeSite(Guid(31));
  Result<int64_t> id = store().CreateSite(s);
  ASSERT_TRUE(IsOk(id));
  ASSERT_TRUE(IsOk(store().CreateSite(MakeSite(Guid(32)))));
  Site changed = s;
  changed.id = *id;
  changed.organisation_id = Lower(Guid(33));
  changed.name = "Renamed";
  changed.phase = "secondary";
  changed.created_ms = 1;  // ignored
  ASSERT_TRUE(IsOk(store().UpdateSite(changed)));
  changed.organisation_id = Guid(33);
  changed.created_ms = s.created_ms;
  EXPECT_EQ(Fields(store().GetSite(*id).value()), Fields(changed));
  EXPECT_TRUE(IsOk(store().GetSiteByOrganisation(Guid(33))));
  EXPECT_TRUE(FailsWith(store().GetSiteByOrganisation(Guid(31)), ErrorCode::kNotFound));

  changed.organisation_id = Guid(32);
  EXPECT_TRUE(FailsWith(store().UpdateSite(changed), ErrorCode::kConflict));
  changed.id = *id + 1000;
  changed.organisation_id = Guid(34);
  EXPECT_TRUE(FailsWith(store().UpdateSite(changed), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetSite(*id + 1000), ErrorCode::kNotFound));
}

TEST_P(StoreContract, PutInstallInsertsThenUpdatesTheSamePair) {
  Installed fx = SeedInstall(1);
  Result<Install> first = store().GetInstall(fx.site_id, fx.application_id);
  ASSERT_TRUE(IsOk(first));
  Install expected = MakeInstall(fx.site_id, fx.application_id);
  expected.id = first->id;
  EXPECT_EQ(Fields(*first), Fields(expected));

  Install approved = expected;
  approved.id = 0;
  approved.status = InstallStatus::kApproved;
  approved.consent_receipt = "{}";
  approved.created_ms = 1;  // ignored: the row keeps its creation time
  approved.updated_ms = 1'800'000'000'000;
  approved.approved_ms = 1'800'000'000'000;
  Result<int64_t> id = store().PutInstall(approved);
  ASSERT_TRUE(IsOk(id));
  EXPECT_EQ(*id, first->id);
  approved.id = first->id;
  approved.created_ms = expected.created_ms;
  EXPECT_EQ(Fields(store().GetInstall(fx.site_id, fx.application_id).value()), Fields(approved));

  Installed other = SeedInstall(2);
  Result<std::vector<Install>> all = store().ListInstalls();
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, first->id);
  EXPECT_EQ((*all)[1].application_id, other.application_id);
  EXPECT_LT((*all)[0].id, (*all)[1].id);
}

TEST_P(StoreContract, InstallErrors) {
  Installed fx = SeedInstall(1);
  EXPECT_TRUE(FailsWith(store().GetInstall(fx.site_id, Guid(9)), ErrorCode::kNotFound));
  EXPECT_TRUE(
      FailsWith(store().GetInstall(fx.site_id + 1, fx.application_id), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().DeleteInstall(fx.site_id, Guid(9)), ErrorCode::kNotFound));
}

TEST_P(StoreContract, DeleteInstallRemovesItsClients) {
  Installed one = SeedInstall(1), two = SeedInstall(2);
  ASSERT_TRUE(IsOk(store().CreateClient(
      MakeSchoolClient("one-roster", one.vendor_id, one.application_id, one.site_id))));
  Client dex = MakeSchoolClient("one-dex", one.vendor_id, one.application_id, one.site_id);
  dex.kind = ClientKind::kDex;
  ASSERT_TRUE(IsOk(store().CreateClient(dex)));
  ASSERT_TRUE(IsOk(store().CreateClient(
      MakeSchoolClient("two-roster", two.vendor_id, two.application_id, two.site_id))));
  ASSERT_TRUE(IsOk(store().CreateClient(MakeManagementClient("mgmt", one.vendor_id))));

  ASSERT_TRUE(IsOk(store().DeleteInstall(one.site_id, one.application_id)));
  EXPECT_TRUE(FailsWith(store().GetInstall(one.site_id, one.application_id), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetClient("one-roster"), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetClient("one-dex"), ErrorCode::kNotFound));
  EXPECT_TRUE(IsOk(store().GetClient("two-roster")));
  EXPECT_TRUE(IsOk(store().GetClient("mgmt")));
  EXPECT_EQ(store().ListClients()->size(), 2u);
  EXPECT_EQ(store().ListInstalls()->size(), 1u);
  // The site and the application stay.
  EXPECT_TRUE(IsOk(store().GetSite(one.site_id)));
  EXPECT_TRUE(IsOk(store().GetApplication(one.application_id)));
}

}  // namespace
}  // namespace muster::storage::contract
