// Contract: the audit log.

#include <cctype>

#include "storage/contract/store_contract.h"

namespace muster::storage::contract {
namespace {

std::vector<int64_t> AtMs(const std::vector<AuditEvent>& events) {
  std::vector<int64_t> out;
  for (const AuditEvent& e : events) out.push_back(e.at_ms);
  return out;
}

TEST_P(StoreContract, AuditListsNewestFirst) {
  std::vector<AuditEvent> batch;
  for (int i = 1; i <= 3; ++i) batch.push_back(MakeAudit(i, "cli", "t"));
  ASSERT_TRUE(IsOk(store().AppendAudit(batch)));
  ASSERT_TRUE(IsOk(store().AppendAudit({MakeAudit(4, "cli", "t")})));
  ASSERT_TRUE(IsOk(store().AppendAudit({})));

  Result<std::vector<AuditEvent>> all = store().ListAudit({});
  ASSERT_TRUE(IsOk(all));
  EXPECT_EQ(AtMs(*all), (std::vector<int64_t>{4, 3, 2, 1}));
  AuditEvent expected = MakeAudit(4, "cli", "t");
  expected.id = (*all)[0].id;
  EXPECT_EQ(Fields((*all)[0]), Fields(expected));
  for (size_t i = 1; i < all->size(); ++i) EXPECT_LT((*all)[i].id, (*all)[i - 1].id);
}

TEST_P(StoreContract, AuditPagesWithBeforeIdAndLimit) {
  std::vector<AuditEvent> batch;
  for (int i = 1; i <= 5; ++i) batch.push_back(MakeAudit(i, "cli", "t"));
  ASSERT_TRUE(IsOk(store().AppendAudit(batch)));

  AuditQuery q;
  q.limit = 2;
  Result<std::vector<AuditEvent>> page = store().ListAudit(q);
  ASSERT_TRUE(IsOk(page));
  EXPECT_EQ(AtMs(*page), (std::vector<int64_t>{5, 4}));
  q.before_id = page->back().id;
  page = store().ListAudit(q);
  ASSERT_TRUE(IsOk(page));
  EXPECT_EQ(AtMs(*page), (std::vector<int64_t>{3, 2}));
  q.before_id = page->back().id;
  page = store().ListAudit(q);
  ASSERT_TRUE(IsOk(page));
  EXPECT_EQ(AtMs(*page), (std::vector<int64_t>{1}));
  q.before_id = page->back().id;
  page = store().ListAudit(q);
  ASSERT_TRUE(IsOk(page));
  EXPECT_TRUE(page->empty());
}

TEST_P(StoreContract, AuditFiltersByActorPrefixAndVendor) {
  const std::string vendor = Guid(7);
  ASSERT_TRUE(IsOk(store().AppendAudit({
      MakeAudit(1, "client:sas-oneroster-1", "org-1"),
      MakeAudit(2, "account:alice", vendor),
      MakeAudit(3, "client:sas-dex-2", "org-2"),
      MakeAudit(4, "vendor:" + vendor, "client:abc"),
      MakeAudit(5, "cli", "x"),
  })));

  AuditQuery by_actor;
  by_actor.actor_prefix = "client:";
  Result<std::vector<AuditEvent>> got = store().ListAudit(by_actor);
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(AtMs(*got), (std::vector<int64_t>{3, 1}));
  by_actor.actor_prefix = "client:sas-dex";
  EXPECT_EQ(AtMs(store().ListAudit(by_actor).value()), (std::vector<int64_t>{3}));

  AuditQuery by_vendor;
  by_vendor.vendor_id = vendor;
  EXPECT_EQ(AtMs(store().ListAudit(by_vendor).value()), (std::vector<int64_t>{4, 2}));
  for (char& c : by_vendor.vendor_id) c = static_cast<char>(std::tolower(c));
  EXPECT_EQ(AtMs(store().ListAudit(by_vendor).value()), (std::vector<int64_t>{4, 2}));

  AuditQuery both;
  both.vendor_id = vendor;
  both.actor_prefix = "account:";
  EXPECT_EQ(AtMs(store().ListAudit(both).value()), (std::vector<int64_t>{2}));
}

}  // namespace
}  // namespace muster::storage::contract
