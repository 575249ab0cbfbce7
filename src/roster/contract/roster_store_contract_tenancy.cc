// Roster contract: tenancy. Every read is scoped to one site; another site's data is
// invisible through every one of the 45 operations, even when the caller knows its ids.

#include "roster/contract/roster_store_contract.h"

namespace muster::roster::contract {
namespace {

// The ids a nested listing of school `s` would be called with.
std::pair<std::string, std::string> ParentsFor(const ListingInfo& info, const SchoolIds& s) {
  if (info.in_school) return {s.Id("sch"), s.Id("cls-ma1")};
  switch (info.parent) {
    case ObjectKind::kSchool:
      return {s.Id("sch"), ""};
    case ObjectKind::kTerm:
      return {s.Id("t1"), ""};
    case ObjectKind::kCourse:
      return {s.Id("crs-ma"), ""};
    case ObjectKind::kStudent:
      return {s.Id("stu1"), ""};
    case ObjectKind::kTeacher:
      return {s.Id("tea1"), ""};
    case ObjectKind::kUser:
      return {s.Id("tea2"), ""};
    case ObjectKind::kClass:
      return {s.Id("cls-ma1"), ""};
    default:
      return {"", ""};
  }
}

std::string IdFor(ObjectKind kind, const SchoolIds& s) {
  switch (kind) {
    case ObjectKind::kOrg:
      return s.Id("dist");
    case ObjectKind::kSchool:
      return s.Id("sch");
    case ObjectKind::kAcademicSession:
      return s.Id("y");
    case ObjectKind::kTerm:
      return s.Id("t1");
    case ObjectKind::kGradingPeriod:
      return s.Id("g1");
    case ObjectKind::kCourse:
      return s.Id("crs-ma");
    case ObjectKind::kClass:
      return s.Id("cls-ma1");
    case ObjectKind::kUser:
      return s.Id("gua1");
    case ObjectKind::kStudent:
    case ObjectKind::kDemographics:
      return s.Id("stu1");
    case ObjectKind::kTeacher:
      return s.Id("tea1");
    case ObjectKind::kEnrollment:
      return s.Enr("stu1", "cls-ma1");
    case ObjectKind::kResource:
      return s.Id("res");
  }
  return "";
}

TEST_P(RosterStoreContract, AnotherSitesScopeSeesNothingThroughAnyOperation) {
  SchoolIds a = SeedSchool(site_a_, "a");
  for (const ListingInfo& info : AllListings()) {
    auto [parent, cls] = ParentsFor(info, a);
    // Site A sees something through every listing (the fixture is complete) ...
    EXPECT_FALSE(Ids(site_a_, info.listing, parent, cls).empty()) << info.operation_id;
    // ... and site B nothing, with or without tombstones and filters.
    for (bool tombstones : {false, true}) {
      auto page = List(site_b_, info.listing, {{"filter", "dateLastModified>'2000-01-01'"}}, parent,
                       cls, ReadOptions{.include_tombstones = tombstones});
      ASSERT_TRUE(IsOk(page)) << info.operation_id;
      EXPECT_TRUE(page->items.empty()) << info.operation_id;
      EXPECT_EQ(page->total, 0) << info.operation_id;
    }
  }
  for (const ObjectInfo& info : AllObjectKinds()) {
    const std::string id = IdFor(info.kind, a);
    EXPECT_TRUE(IsOk(store().Get(RosterScope{site_a_}, info.kind, id))) << info.operation_id;
    auto other = store().Get(RosterScope{site_b_}, info.kind, id);
    ASSERT_FALSE(other.ok()) << info.operation_id;
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound) << info.operation_id;
  }
}

TEST_P(RosterStoreContract, SameSourcedIdsInTwoSitesAreIndependentRows) {
  SeedSchool(site_a_, "x");
  SeedSchool(site_b_, "x");
  User renamed{.site_id = site_b_,
               .sourced_id = "x-stu1",
               .username = "renamed",
               .given_name = "B",
               .family_name = "Family",
               .role = Role::kStudent,
               .org_ids = {"x-sch"}};
  ASSERT_TRUE(IsOk(store().PutUsers(std::span(&renamed, 1))));
  auto in_a = store().Get(RosterScope{site_a_}, ObjectKind::kUser, "x-stu1");
  auto in_b = store().Get(RosterScope{site_b_}, ObjectKind::kUser, "x-stu1");
  ASSERT_TRUE(IsOk(in_a));
  ASSERT_TRUE(IsOk(in_b));
  EXPECT_EQ(in_a->body.find("renamed"), std::string::npos);
  EXPECT_NE(in_b->body.find("renamed"), std::string::npos);
  // Each site's enrollments name its own copy.
  EXPECT_EQ(Ids(site_a_, Listing::kClassesForStudent, "x-stu1").size(), 2u);
  EXPECT_EQ(Ids(site_b_, Listing::kClassesForStudent, "x-stu1").size(), 2u);

  const std::string stu1 = "x-stu1";
  auto n = store().Tombstone(RosterScope{site_b_}, Entity::kUser, std::span(&stu1, 1));
  ASSERT_TRUE(IsOk(n));
  EXPECT_EQ(Ids(site_a_, Listing::kStudents).size(), 4u);
  EXPECT_EQ(Ids(site_b_, Listing::kStudents).size(), 3u);
}

TEST_P(RosterStoreContract, TombstonesAndDeletesStayInTheirSite) {
  SchoolIds a = SeedSchool(site_a_, "a");
  const std::string stu1 = a.Id("stu1");
  auto n = store().Tombstone(RosterScope{site_b_}, Entity::kUser, std::span(&stu1, 1));
  ASSERT_TRUE(IsOk(n));
  EXPECT_EQ(*n, 0);
  EXPECT_EQ(store().Get(RosterScope{site_a_}, ObjectKind::kUser, stu1)->status,
            RecordStatus::kActive);
  ASSERT_TRUE(IsOk(store().DeleteSiteRoster(RosterScope{site_b_})));
  EXPECT_EQ(Ids(site_a_, Listing::kUsers).size(), 7u);
  ASSERT_TRUE(IsOk(store().DeleteSiteRoster(RosterScope{site_a_})));
  for (const ListingInfo& info : AllListings()) {
    auto [parent, cls] = ParentsFor(info, a);
    EXPECT_TRUE(Ids(site_a_, info.listing, parent, cls, {.include_tombstones = true}).empty())
        << info.operation_id;
  }
}

}  // namespace
}  // namespace muster::roster::contract
