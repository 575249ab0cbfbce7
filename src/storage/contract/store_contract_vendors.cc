// Contract: vendors, subscription keys and applications.

#include "storage/contract/store_contract.h"

namespace muster::storage::contract {
namespace {

TEST_P(StoreContract, VendorsCreateGetAndList) {
  Vendor b = MakeVendor(Guid(2)), a = MakeVendor(Guid(1));
  ASSERT_TRUE(IsOk(store().CreateVendor(b)));
  ASSERT_TRUE(IsOk(store().CreateVendor(a)));
  Result<Vendor> got = store().GetVendor(Guid(2));
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(Fields(*got), Fields(b));
  Result<std::vector<Vendor>> all = store().ListVendors();
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(Fields((*all)[0]), Fields(a));
  EXPECT_EQ(Fields((*all)[1]), Fields(b));
}

TEST_P(StoreContract, VendorErrors) {
  ASSERT_TRUE(IsOk(store().CreateVendor(MakeVendor(Guid(1)))));
  Vendor again = MakeVendor(Guid(1));
  again.name = "Other";
  Status dup = store().CreateVendor(again);
  ASSERT_TRUE(FailsWith(dup, ErrorCode::kConflict));
  EXPECT_FALSE(dup.error().message.empty());
  EXPECT_TRUE(FailsWith(store().GetVendor(Guid(2)), ErrorCode::kNotFound));
  EXPECT_EQ(store().GetVendor(Guid(1))->name, "Vendor " + Guid(1));
}

TEST_P(StoreContract, SubscriptionKeyPutReplacesItsSlot) {
  ASSERT_TRUE(IsOk(store().CreateVendor(MakeVendor(Guid(1)))));
  ASSERT_TRUE(IsOk(store().CreateVendor(MakeVendor(Guid(2)))));
  SubscriptionKey secondary = MakeSubscriptionKey(Guid(1), "secondary");
  SubscriptionKey other = MakeSubscriptionKey(Guid(2), "primary");
  ASSERT_TRUE(IsOk(store().PutSubscriptionKey(other)));
  ASSERT_TRUE(IsOk(store().PutSubscriptionKey(secondary)));
  ASSERT_TRUE(IsOk(store().PutSubscriptionKey(MakeSubscriptionKey(Guid(1), "primary"))));
  SubscriptionKey rotated = MakeSubscriptionKey(Guid(1), "primary");
  rotated.key_hash = "new-hash";
  rotated.key_sealed = "new-sealed";
  rotated.rotated_ms = 1'800'000'000'000;
  ASSERT_TRUE(IsOk(store().PutSubscriptionKey(rotated)));

  Result<std::vector<SubscriptionKey>> keys = store().ListSubscriptionKeys();
  ASSERT_TRUE(IsOk(keys));
  ASSERT_EQ(keys->size(), 3u);  // ordered by (vendor_id, slot)
  EXPECT_EQ(Fields((*keys)[0]), Fields(rotated));
  EXPECT_EQ(Fields((*keys)[1]), Fields(secondary));
  EXPECT_EQ(Fields((*keys)[2]), Fields(other));
}

TEST_P(StoreContract, ApplicationsCreateGetAndList) {
  ASSERT_TRUE(IsOk(store().CreateVendor(MakeVendor(Guid(1)))));
  ASSERT_TRUE(IsOk(store().CreateVendor(MakeVendor(Guid(2)))));
  Application a3 = MakeApplication(Guid(13), Guid(1));
  Application a1 = MakeApplication(Guid(11), Guid(1));
  a1.requires_approval = true;
  Application b2 = MakeApplication(Guid(12), Guid(2));
  for (const Application& a : {a3, a1, b2}) ASSERT_TRUE(IsOk(store().CreateApplication(a)));

  Result<Application> got = store().GetApplication(Guid(11));
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(Fields(*got), Fields(a1));
  Result<std::vector<Application>> all = store().ListApplications("");
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, Guid(11));
  EXPECT_EQ((*all)[1].id, Guid(12));
  EXPECT_EQ((*all)[2].id, Guid(13));
  Result<std::vector<Application>> mine = store().ListApplications(Guid(1));
  ASSERT_TRUE(IsOk(mine));
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ(Fields((*mine)[0]), Fields(a1));
  EXPECT_EQ(Fields((*mine)[1]), Fields(a3));
  EXPECT_TRUE(store().ListApplications(Guid(3))->empty());
}

TEST_P(StoreContract, ApplicationUpdateKeepsCreatedMs) {
  ASSERT_TRUE(IsOk(store().CreateVendor(MakeVendor(Guid(1)))));
  Application a = MakeApplication(Guid(11), Guid(1));
  ASSERT_TRUE(IsOk(store().CreateApplication(a)));
  Application changed = a;
  changed.name = "Renamed";
  changed.description = "";
  changed.requires_approval = true;
  changed.requested_scopes = "roster.readonly";
  changed.updated_ms = a.updated_ms + 10;
  changed.created_ms = 1;  // ignored
  ASSERT_TRUE(IsOk(store().UpdateApplication(changed)));
  changed.created_ms = a.created_ms;
  Result<Application> got = store().GetApplication(Guid(11));
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(Fields(*got), Fields(changed));
}

TEST_P(StoreContract, ApplicationErrors) {
  ASSERT_TRUE(IsOk(store().CreateVendor(MakeVendor(Guid(1)))));
  ASSERT_TRUE(IsOk(store().CreateApplication(MakeApplication(Guid(11), Guid(1)))));
  EXPECT_TRUE(FailsWith(store().CreateApplication(MakeApplication(Guid(11), Guid(1))),
                        ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(store().UpdateApplication(MakeApplication(Guid(12), Guid(1))),
                        ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetApplication(Guid(12)), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace muster::storage::contract
