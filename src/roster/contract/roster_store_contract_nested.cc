// Roster contract: nested collections (oneroster.md §1.3, §2.5), paging and totals.

#include <algorithm>
#include <cstdio>
#include <utility>

#include "roster/contract/roster_store_contract.h"

namespace muster::roster::contract {
namespace {

using V = std::vector<std::string>;

TEST_P(RosterStoreContract, EveryNestedCollectionFollowsItsLinks) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const int64_t a = site_a_;
  auto id = [&](const char* x) { return s.Id(x); };
  EXPECT_EQ(Ids(a, Listing::kCoursesForSchool, id("sch")), Sorted({id("crs-en"), id("crs-ma")}));
  EXPECT_EQ(Ids(a, Listing::kEnrollmentsForClassInSchool, id("sch"), id("cls-ma1")),
            Sorted({s.Enr("stu1", "cls-ma1"), s.Enr("stu2", "cls-ma1"), s.Enr("tea1", "cls-ma1")}));
  EXPECT_EQ(Ids(a, Listing::kStudentsForClassInSchool, id("sch"), id("cls-ma1")),
            Sorted({id("stu1"), id("stu2")}));
  EXPECT_EQ(Ids(a, Listing::kTeachersForClassInSchool, id("sch"), id("cls-ma1")), V{id("tea1")});
  EXPECT_EQ(Ids(a, Listing::kEnrollmentsForSchool, id("sch")).size(), 8u);
  EXPECT_EQ(Ids(a, Listing::kStudentsForSchool, id("sch")),
            Sorted({id("stu1"), id("stu2"), id("stu3"), id("stu4")}));
  EXPECT_EQ(Ids(a, Listing::kTeachersForSchool, id("sch")), Sorted({id("tea1"), id("tea2")}));
  EXPECT_EQ(Ids(a, Listing::kTermsForSchool, id("sch")), Sorted({id("t1"), id("t2")}));
  EXPECT_EQ(Ids(a, Listing::kClassesForTerm, id("t1")), Sorted({id("cls-en1"), id("cls-ma1")}));
  EXPECT_EQ(Ids(a, Listing::kClassesForTerm, id("t2")), Sorted({id("cls-ma1"), id("cls-ma2")}));
  EXPECT_EQ(Ids(a, Listing::kGradingPeriodsForTerm, id("t1")), V{id("g1")});
  EXPECT_EQ(Ids(a, Listing::kClassesForCourse, id("crs-ma")),
            Sorted({id("cls-ma1"), id("cls-ma2")}));
  EXPECT_EQ(Ids(a, Listing::kClassesForStudent, id("stu1")),
            Sorted({id("cls-en1"), id("cls-ma1")}));
  EXPECT_EQ(Ids(a, Listing::kClassesForTeacher, id("tea1")),
            Sorted({id("cls-ma1"), id("cls-ma2")}));
  EXPECT_EQ(Ids(a, Listing::kClassesForSchool, id("sch")).size(), 3u);
  EXPECT_EQ(Ids(a, Listing::kClassesForUser, id("tea2")), V{id("cls-en1")});
  EXPECT_EQ(Ids(a, Listing::kStudentsForClass, id("cls-en1")), Sorted({id("stu1"), id("stu4")}));
  EXPECT_EQ(Ids(a, Listing::kTeachersForClass, id("cls-en1")), V{id("tea2")});
  EXPECT_EQ(Ids(a, Listing::kResourcesForCourse, id("crs-ma")), V{id("res")});
  EXPECT_EQ(Ids(a, Listing::kResourcesForClass, id("cls-ma1")), V{id("res")});
  EXPECT_TRUE(Ids(a, Listing::kResourcesForClass, id("cls-ma2")).empty());
}

TEST_P(RosterStoreContract, ParentOfTheWrongKindOrUnknownIsAnEmptyPage) {
  SchoolIds s = SeedSchool(site_a_, "a");
  const int64_t a = site_a_;
  auto id = [&](const char* x) { return s.Id(x); };
  EXPECT_TRUE(Ids(a, Listing::kClassesForStudent, id("tea1")).empty());
  EXPECT_TRUE(Ids(a, Listing::kClassesForTeacher, id("stu1")).empty());
  EXPECT_TRUE(Ids(a, Listing::kStudentsForSchool, id("dist")).empty());
  EXPECT_TRUE(Ids(a, Listing::kClassesForSchool, id("t1")).empty());
  EXPECT_TRUE(Ids(a, Listing::kClassesForTerm, id("g1")).empty());
  EXPECT_TRUE(Ids(a, Listing::kGradingPeriodsForTerm, id("y")).empty());
  EXPECT_TRUE(Ids(a, Listing::kStudentsForClass, id("crs-ma")).empty());
  EXPECT_TRUE(Ids(a, Listing::kCoursesForSchool, "1000000").empty());
  EXPECT_TRUE(Ids(a, Listing::kEnrollmentsForSchool, "1000000").empty());
  EXPECT_TRUE(Ids(a, Listing::kStudentsForClassInSchool, id("sch"), "nope").empty());
  EXPECT_TRUE(Ids(a, Listing::kStudentsForClassInSchool, id("dist"), id("cls-ma1")).empty());
  EXPECT_TRUE(Ids(a, Listing::kStudentsForClass, "").empty());
}

TEST_P(RosterStoreContract, NestedFilterAppliesToTheReturnedObjects) {
  SchoolIds s = SeedSchool(site_a_, "a");
  EXPECT_EQ(Ids(site_a_, Listing::kEnrollmentsForSchool, s.Id("sch"), "", {},
                {{"filter", "role='teacher'"}}),
            Sorted({s.Enr("tea1", "cls-ma1"), s.Enr("tea1", "cls-ma2"), s.Enr("tea2", "cls-en1")}));
  EXPECT_EQ(Ids(site_a_, Listing::kClassesForTeacher, s.Id("tea1"), "", {},
                {{"filter", "sourcedId='a-cls-ma2'"}}),
            V{s.Id("cls-ma2")});
}

// 250 users in one site: pages are disjoint, cover everything in order, and carry the total.
TEST_P(RosterStoreContract, PagingIsDeterministicAndTotalsIgnoreThePage) {
  std::vector<User> users;
  for (int i = 0; i < 250; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "u%03d", (i * 37) % 250);  // written out of order
    users.push_back(User{.site_id = site_a_,
                         .sourced_id = id,
                         .username = id,
                         .given_name = "G",
                         .family_name = (i % 3 == 0 ? "Adams" : "Brown"),
                         .role = i % 10 == 0 ? Role::kTeacher : Role::kStudent});
  }
  ASSERT_TRUE(IsOk(store().PutUsers(users)));
  V all;
  for (int offset = 0; offset < 300; offset += 100) {
    auto page =
        List(site_a_, Listing::kUsers, {{"limit", "100"}, {"offset", std::to_string(offset)}});
    ASSERT_TRUE(IsOk(page));
    EXPECT_EQ(page->total, 250);
    EXPECT_EQ(page->items.size(), offset == 200 ? 50u : 100u);
    for (const auto& item : page->items) all.push_back(item.sourced_id);
  }
  ASSERT_EQ(all.size(), 250u);
  EXPECT_EQ(all, Sorted(all));
  EXPECT_EQ(all.front(), "u000");

  auto second = List(site_a_, Listing::kUsers, {{"offset", "2"}, {"limit", "1"}});
  ASSERT_TRUE(IsOk(second));
  EXPECT_EQ(second->items.at(0).sourced_id, "u002");

  // A sort with ties falls back to sourcedId, in the same direction.
  auto desc =
      List(site_a_, Listing::kUsers, {{"sort", "familyName"}, {"orderBy", "desc"}, {"limit", "3"}});
  ASSERT_TRUE(IsOk(desc));
  std::vector<std::pair<std::string, std::string>> by_name;  // (familyName, sourcedId)
  for (const User& u : users) by_name.emplace_back(u.family_name, u.sourced_id);
  std::sort(by_name.rbegin(), by_name.rend());
  ASSERT_EQ(desc->items.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(desc->items[i].sourced_id, by_name[i].second);
  auto filtered = List(site_a_, Listing::kUsers, {{"filter", "role='teacher'"}, {"limit", "5"}});
  ASSERT_TRUE(IsOk(filtered));
  EXPECT_EQ(filtered->total, 25);
  EXPECT_EQ(filtered->items.size(), 5u);
  auto uncounted = List(site_a_, Listing::kUsers, {{"limit", "5"}}, "", "",
                        ReadOptions{.include_tombstones = false, .count_total = false});
  ASSERT_TRUE(IsOk(uncounted));
  EXPECT_EQ(uncounted->total, 0);
  EXPECT_EQ(uncounted->items.size(), 5u);
}

TEST_P(RosterStoreContract, FieldsAndSortAreTheCallersNotTheStores) {
  SchoolIds s = SeedSchool(site_a_, "a");
  auto page = List(site_a_, Listing::kStudents, {{"sort", "givenName"}, {"orderBy", "desc"}});
  ASSERT_TRUE(IsOk(page));
  V ids;
  for (const auto& item : page->items) ids.push_back(item.sourced_id);
  EXPECT_EQ(ids, (V{s.Id("stu4"), s.Id("stu3"), s.Id("stu2"), s.Id("stu1")}));
}

}  // namespace
}  // namespace muster::roster::contract
