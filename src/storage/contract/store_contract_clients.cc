// Contract: OAuth clients.

#include "storage/contract/store_contract.h"

namespace muster::storage::contract {
namespace {

TEST_P(StoreContract, ClientsCreateGetAndList) {
  Installed fx = SeedInstall(1);
  Client school = MakeSchoolClient("school", fx.vendor_id, fx.application_id, fx.site_id);
  Client mgmt = MakeManagementClient("mgmt", fx.vendor_id);
  Result<int64_t> school_id = store().CreateClient(school);
  Result<int64_t> mgmt_id = store().CreateClient(mgmt);
  ASSERT_TRUE(IsOk(school_id));
  ASSERT_TRUE(IsOk(mgmt_id));
  EXPECT_GT(*school_id, 0);
  EXPECT_LT(*school_id, *mgmt_id);
  school.id = *school_id;
  mgmt.id = *mgmt_id;

  Result<Client> got = store().GetClient("school");
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(Fields(*got), Fields(school));
  got = store().GetClient("mgmt");
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(Fields(*got), Fields(mgmt));  // "" application and site 0 come back as such

  Result<std::vector<Client>> all = store().ListClients();
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(Fields((*all)[0]), Fields(school));
  EXPECT_EQ(Fields((*all)[1]), Fields(mgmt));
}

TEST_P(StoreContract, ClientUpdateMatchesClientIdAndKeepsIdAndCreatedMs) {
  Installed fx = SeedInstall(1);
  Client c = MakeSchoolClient("school", fx.vendor_id, fx.application_id, fx.site_id);
  Result<int64_t> id = store().CreateClient(c);
  ASSERT_TRUE(IsOk(id));

  Client rotated = c;
  rotated.id = 0;          // ignored: matched by client_id
  rotated.created_ms = 1;  // ignored
  rotated.previous_secret_hash = c.secret_hash;
  rotated.previous_secret_expires_ms = 1'800'000'000'000;
  rotated.secret_hash = "ef56";
  rotated.secret_sealed = "sealed-new";
  rotated.scopes = "";
  rotated.enabled = false;
  rotated.updated_ms = 1'800'000'000'001;
  ASSERT_TRUE(IsOk(store().UpdateClient(rotated)));
  rotated.id = *id;
  rotated.created_ms = c.created_ms;
  EXPECT_EQ(Fields(store().GetClient("school").value()), Fields(rotated));
}

TEST_P(StoreContract, ClientErrors) {
  Installed fx = SeedInstall(1);
  ASSERT_TRUE(IsOk(store().CreateClient(MakeManagementClient("mgmt", fx.vendor_id))));
  EXPECT_TRUE(FailsWith(store().CreateClient(MakeManagementClient("mgmt", fx.vendor_id)),
                        ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(store().UpdateClient(MakeManagementClient("nobody", fx.vendor_id)),
                        ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetClient("nobody"), ErrorCode::kNotFound));
  EXPECT_EQ(store().ListClients()->size(), 1u);
}

}  // namespace
}  // namespace muster::storage::contract
