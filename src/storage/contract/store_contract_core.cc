// Contract: migrations, meta, ConfigVersion and transactions.

#include "storage/contract/store_contract.h"

namespace muster::storage::contract {
namespace {

Status Fail() { return MakeError(ErrorCode::kInvalidArgument, "test_abort", "stop"); }

TEST_P(StoreContract, MigrateTwiceIsHarmless) {
  Result<int> version = store().SchemaVersion();
  ASSERT_TRUE(IsOk(version));
  EXPECT_GT(*version, 0);
  ASSERT_TRUE(IsOk(store().CreateVendor(MakeVendor(Guid(1)))));
  ASSERT_TRUE(IsOk(store().Migrate()));
  Result<int> again = store().SchemaVersion();
  ASSERT_TRUE(IsOk(again));
  EXPECT_EQ(*again, *version);
  EXPECT_TRUE(IsOk(store().GetVendor(Guid(1))));
}

TEST_P(StoreContract, MetaGetAndSet) {
  Result<std::optional<std::string>> missing = store().GetMeta("demo.seed");
  ASSERT_TRUE(IsOk(missing));
  EXPECT_FALSE(missing->has_value());
  ASSERT_TRUE(IsOk(store().SetMeta("demo.seed", "1")));
  ASSERT_TRUE(IsOk(store().SetMeta("demo.seed", "2")));
  ASSERT_TRUE(IsOk(store().SetMeta("empty", "")));
  EXPECT_EQ(store().GetMeta("demo.seed").value(), std::optional<std::string>("2"));
  EXPECT_EQ(store().GetMeta("empty").value(), std::optional<std::string>(""));
}

TEST_P(StoreContract, ConfigVersionGrowsWithEveryConfigWrite) {
  int64_t last = Version();
  auto expect_bump = [&](const char* what, const Status& status) {
    ASSERT_TRUE(IsOk(status)) << what;
    int64_t now = Version();
    EXPECT_GT(now, last) << what;
    last = now;
  };
  const std::string vendor = Guid(1), app = Guid(2);
  expect_bump("vendor", store().CreateVendor(MakeVendor(vendor)));
  expect_bump("key", store().PutSubscriptionKey(MakeSubscriptionKey(vendor, "primary")));
  expect_bump("app", store().CreateApplication(MakeApplication(app, vendor)));
  expect_bump("app update", store().UpdateApplication(MakeApplication(app, vendor)));
  Result<int64_t> site = store().CreateSite(MakeSite(Guid(3)));
  ASSERT_TRUE(IsOk(site));
  EXPECT_GT(Version(), last) << "site";
  last = Version();
  Site s = MakeSite(Guid(3));
  s.id = *site;
  expect_bump("site update", store().UpdateSite(s));
  Result<int64_t> install = store().PutInstall(MakeInstall(*site, app));
  ASSERT_TRUE(IsOk(install));
  EXPECT_GT(Version(), last) << "install";
  last = Version();
  Result<int64_t> client = store().CreateClient(MakeSchoolClient("c1", vendor, app, *site));
  ASSERT_TRUE(IsOk(client));
  EXPECT_GT(Version(), last) << "client";
  last = Version();
  expect_bump("client update", store().UpdateClient(MakeSchoolClient("c1", vendor, app, *site)));
  expect_bump("signing key", store().PutSigningKey(MakeSigningKey("k1", 1)));
  expect_bump("signing key delete", store().DeleteSigningKey("k1"));
  expect_bump("revocation", store().AddRevokedToken({"jti-1", 5000}));
  expect_bump("install delete", store().DeleteInstall(*site, app));
}

TEST_P(StoreContract, ConfigVersionIgnoresAuditAndReads) {
  int64_t before = Version();
  ASSERT_TRUE(IsOk(store().AppendAudit({MakeAudit(1, "cli", "x"), MakeAudit(2, "cli", "y")})));
  ASSERT_TRUE(IsOk(store().ListVendors()));
  EXPECT_TRUE(FailsWith(store().GetVendor(Guid(9)), ErrorCode::kNotFound));
  EXPECT_EQ(Version(), before);
}

TEST_P(StoreContract, TransactionCommitsAndSeesItsOwnWrites) {
  Status status = store().InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(store().CreateVendor(MakeVendor(Guid(1))));
    MUSTER_RETURN_IF_ERROR(store().CreateApplication(MakeApplication(Guid(2), Guid(1))));
    EXPECT_TRUE(IsOk(store().GetVendor(Guid(1))));
    Result<std::vector<Application>> apps = store().ListApplications(Guid(1));
    EXPECT_TRUE(IsOk(apps));
    if (apps.ok()) {
      EXPECT_EQ(apps->size(), 1u);
    }
    return OkStatus();
  });
  ASSERT_TRUE(IsOk(status));
  EXPECT_TRUE(IsOk(store().GetVendor(Guid(1))));
  EXPECT_TRUE(IsOk(store().GetApplication(Guid(2))));
}

TEST_P(StoreContract, TransactionErrorRollsEverythingBack) {
  int64_t version = Version();
  Status status = store().InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(store().CreateVendor(MakeVendor(Guid(1))));
    MUSTER_RETURN_IF_ERROR(store().CreateApplication(MakeApplication(Guid(2), Guid(1))));
    MUSTER_RETURN_IF_ERROR(store().CreateSite(MakeSite(Guid(3))));
    MUSTER_RETURN_IF_ERROR(store().SetMeta("k", "v"));
    MUSTER_RETURN_IF_ERROR(store().AppendAudit({MakeAudit(1, "cli", "x")}));
    return Fail();
  });
  ASSERT_TRUE(FailsWith(status, ErrorCode::kInvalidArgument));
  EXPECT_EQ(status.error().reason, "test_abort");
  EXPECT_TRUE(store().ListVendors()->empty());
  EXPECT_TRUE(store().ListApplications("")->empty());
  EXPECT_TRUE(store().ListSites()->empty());
  EXPECT_FALSE(store().GetMeta("k")->has_value());
  EXPECT_TRUE(store().ListAudit({})->empty());
  EXPECT_EQ(Version(), version);
}

TEST_P(StoreContract, TransactionRollsBackWhenAStoreCallFails) {
  Status status = store().InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(store().CreateVendor(MakeVendor(Guid(1))));
    MUSTER_RETURN_IF_ERROR(store().CreateVendor(MakeVendor(Guid(1))));  // duplicate
    return OkStatus();
  });
  EXPECT_TRUE(FailsWith(status, ErrorCode::kConflict));
  EXPECT_TRUE(FailsWith(store().GetVendor(Guid(1)), ErrorCode::kNotFound));
  // The store is usable afterwards.
  EXPECT_TRUE(
      IsOk(store().InTransaction([&] { return store().CreateVendor(MakeVendor(Guid(2))); })));
  EXPECT_TRUE(IsOk(store().GetVendor(Guid(2))));
}

// A nested InTransaction joins the outer one; if it fails, only its own writes are undone.
TEST_P(StoreContract, NestedTransactionJoinsTheOuterOne) {
  Status status = store().InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(store().CreateVendor(MakeVendor(Guid(1))));
    MUSTER_RETURN_IF_ERROR(
        store().InTransaction([&] { return store().CreateVendor(MakeVendor(Guid(2))); }));
    Status inner = store().InTransaction([&]() -> Status {
      MUSTER_RETURN_IF_ERROR(store().CreateVendor(MakeVendor(Guid(3))));
      return Fail();
    });
    EXPECT_TRUE(FailsWith(inner, ErrorCode::kInvalidArgument));
    return OkStatus();
  });
  ASSERT_TRUE(IsOk(status));
  EXPECT_TRUE(IsOk(store().GetVendor(Guid(1))));
  EXPECT_TRUE(IsOk(store().GetVendor(Guid(2))));
  EXPECT_TRUE(FailsWith(store().GetVendor(Guid(3)), ErrorCode::kNotFound));

  status = store().InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(
        store().InTransaction([&] { return store().CreateVendor(MakeVendor(Guid(4))); }));
    return Fail();
  });
  EXPECT_TRUE(FailsWith(status, ErrorCode::kInvalidArgument));
  EXPECT_TRUE(FailsWith(store().GetVendor(Guid(4)), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace muster::storage::contract
