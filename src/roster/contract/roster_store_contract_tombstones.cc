// Roster contract: MIS-side deletions as tombstones, delta reads and tombstone retention
// (oneroster.md §2.6).

#include "core/time_format.h"
#include "roster/contract/roster_store_contract.h"

namespace muster::roster::contract {
namespace {

using V = std::vector<std::string>;
constexpr ReadOptions kWithTombstones{.include_tombstones = true};

TEST_P(RosterStoreContract, TombstonedRowsLeaveDefaultListsButStayReadable) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const int64_t before = clock().NowUnixMillis();
  clock().AdvanceSeconds(10);
  const V gone = {s.Id("stu2"), "unknown-id"};
  auto n = store().Tombstone(RosterScope{site_a_}, Entity::kUser, gone);
  ASSERT_TRUE(IsOk(n));
  EXPECT_EQ(*n, 3);  // the user, their enrollment in ma1, their demographics

  EXPECT_EQ(Ids(site_a_, Listing::kStudents), Sorted({s.Id("stu1"), s.Id("stu3"), s.Id("stu4")}));
  EXPECT_EQ(Ids(site_a_, Listing::kStudents, "", "", kWithTombstones).size(), 4u);
  EXPECT_EQ(Ids(site_a_, Listing::kStudentsForClass, s.Id("cls-ma1")), V{s.Id("stu1")});
  EXPECT_EQ(Ids(site_a_, Listing::kDemographics), V{s.Id("stu1")});

  auto got = store().Get(RosterScope{site_a_}, ObjectKind::kStudent, s.Id("stu2"));
  ASSERT_TRUE(IsOk(got));
  EXPECT_EQ(got->status, RecordStatus::kToBeDeleted);
  EXPECT_EQ(got->date_last_modified_ms, before + 10000);
  auto enr = store().Get(RosterScope{site_a_}, ObjectKind::kEnrollment, s.Enr("stu2", "cls-ma1"));
  ASSERT_TRUE(IsOk(enr));
  EXPECT_EQ(enr->status, RecordStatus::kToBeDeleted);

  // Tombstoning again changes nothing (dateLastModified stays).
  clock().AdvanceSeconds(10);
  n = store().Tombstone(RosterScope{site_a_}, Entity::kUser, gone);
  ASSERT_TRUE(IsOk(n));
  EXPECT_EQ(*n, 0);
  EXPECT_EQ(
      store().Get(RosterScope{site_a_}, ObjectKind::kUser, s.Id("stu2"))->date_last_modified_ms,
      before + 10000);

  // The filter status='tobedeleted' (which makes the API include tombstones) finds it.
  EXPECT_EQ(
      Ids(site_a_, Listing::kUsers, "", "", kWithTombstones, {{"filter", "status='tobedeleted'"}}),
      V{s.Id("stu2")});
}

TEST_P(RosterStoreContract, DeletingAClassTombstonesItsEnrollments) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const V gone = {s.Id("cls-en1")};
  auto n = store().Tombstone(RosterScope{site_a_}, Entity::kClass, gone);
  ASSERT_TRUE(IsOk(n));
  EXPECT_EQ(*n, 4);  // the class and its three enrollments
  EXPECT_EQ(Ids(site_a_, Listing::kClassesForStudent, s.Id("stu1")), V{s.Id("cls-ma1")});
  EXPECT_EQ(Ids(site_a_, Listing::kEnrollments).size(), 5u);
  // A tombstoned parent has no children in default reads.
  EXPECT_TRUE(Ids(site_a_, Listing::kStudentsForClass, s.Id("cls-en1")).empty());
  EXPECT_TRUE(Ids(site_a_, Listing::kClassesForTerm, s.Id("t1"), "", {}).size() == 1u);
}

TEST_P(RosterStoreContract, DeltaReturnsExactlyTheChangedRowsIncludingTombstones) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const int64_t t0 = clock().NowUnixMillis();
  clock().AdvanceSeconds(5);
  // Change one user, re-put another unchanged, tombstone a third, add a fourth.
  std::vector<User> users = {{.site_id = site_a_,
                              .sourced_id = s.Id("stu3"),
                              .username = "stu3",
                              .given_name = "Renamed",
                              .family_name = "Family",
                              .role = Role::kStudent,
                              .identifier = "stu3",
                              .org_ids = {s.Id("sch")}},
                             {.site_id = site_a_,
                              .sourced_id = s.Id("stu4"),
                              .username = "stu4",
                              .given_name = "stu4",
                              .family_name = "Family",
                              .role = Role::kStudent,
                              .identifier = "stu4",
                              .org_ids = {s.Id("sch")}},
                             {.site_id = site_a_,
                              .sourced_id = s.Id("stu5"),
                              .username = "stu5",
                              .given_name = "New",
                              .family_name = "Family",
                              .role = Role::kStudent,
                              .identifier = "stu5",
                              .org_ids = {s.Id("sch")}}};
  ASSERT_TRUE(IsOk(store().PutUsers(users)));
  const V gone = {s.Id("tea2")};
  ASSERT_TRUE(IsOk(store().Tombstone(RosterScope{site_a_}, Entity::kUser, gone)));

  auto delta = [&](Listing listing) {  // strictly after t0: the seed itself is not a change
    return Ids(site_a_, listing, "", "", kWithTombstones,
               {{"filter", "dateLastModified>'" + FormatIso8601Millis(t0) + "'"}});
  };
  EXPECT_EQ(delta(Listing::kUsers), Sorted({s.Id("stu3"), s.Id("stu5"), s.Id("tea2")}));
  EXPECT_EQ(delta(Listing::kEnrollments), V{s.Enr("tea2", "cls-en1")});
  EXPECT_TRUE(delta(Listing::kClasses).empty());
  for (const auto& id : delta(Listing::kUsers)) {
    auto got = store().Get(RosterScope{site_a_}, ObjectKind::kUser, id);
    ASSERT_TRUE(IsOk(got));
    EXPECT_GT(got->date_last_modified_ms, t0);
  }
  // Full readers (no lifecycle filter) do not see the tombstone.
  EXPECT_EQ(Ids(site_a_, Listing::kTeachers), V{s.Id("tea1")});
}

TEST_P(RosterStoreContract, ReputtingATombstoneRevivesIt) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const V gone = {s.Id("res")};
  ASSERT_TRUE(IsOk(store().Tombstone(RosterScope{site_a_}, Entity::kResource, gone)));
  EXPECT_TRUE(Ids(site_a_, Listing::kResources).empty());
  clock().AdvanceSeconds(1);
  Resource back{.site_id = site_a_,
                .sourced_id = s.Id("res"),
                .title = "Maths",
                .roles = {Role::kStudent},
                .vendor_resource_id = "dlm"};
  ASSERT_TRUE(IsOk(store().PutResources(std::span(&back, 1))));
  EXPECT_EQ(Ids(site_a_, Listing::kResources), V{s.Id("res")});
}

TEST_P(RosterStoreContract, TombstonesAreKeptNinetyDaysThenPurged) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const V old_ones = {s.Id("stu3")};
  ASSERT_TRUE(IsOk(store().Tombstone(RosterScope{site_a_}, Entity::kUser, old_ones)));
  clock().AdvanceSeconds(89 * 24 * 3600);
  const V new_ones = {s.Id("cls-ma2")};
  ASSERT_TRUE(IsOk(store().Tombstone(RosterScope{site_a_}, Entity::kClass, new_ones)));

  auto purged = store().PurgeTombstones();  // day 89: nothing is old enough
  ASSERT_TRUE(IsOk(purged));
  EXPECT_EQ(*purged, 0);

  clock().AdvanceSeconds(2 * 24 * 3600);  // day 91: stu3 and its enrollment go
  purged = store().PurgeTombstones();
  ASSERT_TRUE(IsOk(purged));
  EXPECT_EQ(*purged, 2);
  EXPECT_FALSE(store().Get(RosterScope{site_a_}, ObjectKind::kUser, s.Id("stu3")).ok());
  EXPECT_EQ(store().Get(RosterScope{site_a_}, ObjectKind::kClass, s.Id("cls-ma2"))->status,
            RecordStatus::kToBeDeleted);
  EXPECT_EQ(Ids(site_a_, Listing::kUsers, "", "", kWithTombstones).size(), 6u);
  // Active rows are never purged, however old.
  clock().AdvanceSeconds(365 * 24 * 3600);
  ASSERT_TRUE(IsOk(store().PurgeTombstones()));
  EXPECT_EQ(Ids(site_a_, Listing::kUsers).size(), 6u);
  EXPECT_TRUE(Ids(site_a_, Listing::kClasses, "", "", kWithTombstones).size() == 2u);
}

}  // namespace
}  // namespace muster::roster::contract
