// Contract: signing keys, revoked tokens and console accounts.

#include "storage/contract/store_contract.h"

namespace muster::storage::contract {
namespace {

TEST_P(StoreContract, SigningKeysPutReplaceListAndDelete) {
  SigningKey later = MakeSigningKey("k-a", 200), earlier = MakeSigningKey("k-b", 100);
  ASSERT_TRUE(IsOk(store().PutSigningKey(later)));
  ASSERT_TRUE(IsOk(store().PutSigningKey(earlier)));
  Result<std::vector<SigningKey>> keys = store().ListSigningKeys();
  ASSERT_TRUE(IsOk(keys));
  ASSERT_EQ(keys->size(), 2u);  // by created_ms, then kid
  EXPECT_EQ(Fields((*keys)[0]), Fields(earlier));
  EXPECT_EQ(Fields((*keys)[1]), Fields(later));

  SigningKey current = earlier;
  current.state = KeyState::kCurrent;
  current.alg = "EdDSA";
  current.retired_ms = 5;
  current.remove_after_ms = 6;
  ASSERT_TRUE(IsOk(store().PutSigningKey(current)));
  ASSERT_TRUE(IsOk(store().DeleteSigningKey("k-a")));
  keys = store().ListSigningKeys();
  ASSERT_TRUE(IsOk(keys));
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(Fields((*keys)[0]), Fields(current));
  EXPECT_TRUE(FailsWith(store().DeleteSigningKey("k-a"), ErrorCode::kNotFound));
}

TEST_P(StoreContract, RevokedTokensListOnlyUnexpiredAndPurge) {
  ASSERT_TRUE(IsOk(store().AddRevokedToken({"jti-c", 3000})));
  ASSERT_TRUE(IsOk(store().AddRevokedToken({"jti-a", 1000})));
  ASSERT_TRUE(IsOk(store().AddRevokedToken({"jti-b", 2000})));
  ASSERT_TRUE(IsOk(store().AddRevokedToken({"jti-a", 1000})));  // idempotent

  Result<std::vector<RevokedToken>> all = store().ListRevokedTokens(0);
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 3u);  // by jti
  EXPECT_EQ(Fields((*all)[0]), Fields(RevokedToken{"jti-a", 1000}));

  Result<std::vector<RevokedToken>> live = store().ListRevokedTokens(2000);
  ASSERT_TRUE(IsOk(live));
  ASSERT_EQ(live->size(), 1u);  // a token whose exp is now has expired
  EXPECT_EQ(Fields((*live)[0]), Fields(RevokedToken{"jti-c", 3000}));
  live = store().ListRevokedTokens(1500);
  ASSERT_TRUE(IsOk(live));
  ASSERT_EQ(live->size(), 2u);
  EXPECT_EQ((*live)[0].jti, "jti-b");

  ASSERT_TRUE(IsOk(store().PurgeRevokedTokens(2000)));
  all = store().ListRevokedTokens(0);
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].jti, "jti-c");
  EXPECT_TRUE(IsOk(store().PurgeRevokedTokens(2000)));  // nothing left to purge is fine
}

TEST_P(StoreContract, AccountsCreateGetUpdateAndList) {
  Installed fx = SeedInstall(1);
  Account op = MakeAccount("zoe");
  Account head = MakeAccount("alice");
  head.role = AccountRole::kSiteAdmin;
  head.site_id = fx.site_id;
  Result<int64_t> op_id = store().CreateAccount(op);
  Result<int64_t> head_id = store().CreateAccount(head);
  ASSERT_TRUE(IsOk(op_id));
  ASSERT_TRUE(IsOk(head_id));
  EXPECT_GT(*op_id, 0);
  EXPECT_LT(*op_id, *head_id);
  op.id = *op_id;
  head.id = *head_id;
  EXPECT_EQ(Fields(store().GetAccountByUsername("alice").value()), Fields(head));

  Account ti = op;
  ti.role = AccountRole::kTiAdmin;
  ti.username = "zoe.ti";
  ti.vendor_id = fx.vendor_id;
  ti.failed_logins = 3;
  ti.locked_until_ms = 1'800'000'000'000;
  ti.created_ms = 1;  // ignored
  ASSERT_TRUE(IsOk(store().UpdateAccount(ti)));
  ti.created_ms = op.created_ms;
  EXPECT_EQ(Fields(store().GetAccountByUsername("zoe.ti").value()), Fields(ti));
  EXPECT_TRUE(FailsWith(store().GetAccountByUsername("zoe"), ErrorCode::kNotFound));

  Result<std::vector<Account>> all = store().ListAccounts();
  ASSERT_TRUE(IsOk(all));
  ASSERT_EQ(all->size(), 2u);  // by id
  EXPECT_EQ(Fields((*all)[0]), Fields(ti));
  EXPECT_EQ(Fields((*all)[1]), Fields(head));
}

TEST_P(StoreContract, AccountErrors) {
  Result<int64_t> id = store().CreateAccount(MakeAccount("alice"));
  ASSERT_TRUE(IsOk(id));
  ASSERT_TRUE(IsOk(store().CreateAccount(MakeAccount("bob"))));
  EXPECT_TRUE(FailsWith(store().CreateAccount(MakeAccount("alice")), ErrorCode::kConflict));
  Account renamed = MakeAccount("bob");
  renamed.id = *id;
  EXPECT_TRUE(FailsWith(store().UpdateAccount(renamed), ErrorCode::kConflict));
  renamed.id = *id + 1000;
  renamed.username = "carol";
  EXPECT_TRUE(FailsWith(store().UpdateAccount(renamed), ErrorCode::kNotFound));
  EXPECT_TRUE(FailsWith(store().GetAccountByUsername("carol"), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace muster::storage::contract
