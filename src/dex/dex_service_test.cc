#include "dex/dex_service.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/learner_fixture.h"
#include "tests/support/stored_columns.h"

namespace muster::dex {
namespace {

using learner::EntitySet;
using learner::GroupType;
using muster::testing::StoredColumn;

class DexServiceTest : public ::testing::Test {
 protected:
  // Generating two schools takes a second or two: once per suite (the tests only read).
  static void SetUpTestSuite() { fixture_ = new muster::testing::LearnerFixture(); }
  static void TearDownTestSuite() {
    delete fixture_;
    fixture_ = nullptr;
  }
  static muster::testing::LearnerFixture* fixture_;
  muster::testing::LearnerFixture& f_ = *fixture_;
  DexService service_{f_.store(), f_.clock(), {.max_page_size = 50}};

  // The id of the school's group called `name`.
  std::string YearGroup(size_t school, const std::string& name) {
    auto r = service_.ListGroups(f_.scope(school), {{"$filter", "FullName eq '" + name + "'"}});
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.ok() ? r->page.rows.size() : 0, 1u);
    if (!r.ok() || r->page.rows.empty()) return "";
    return StoredColumn(r->page, EntitySet::kLearnerGroups, "ExternalID").at(0);
  }
};

muster::testing::LearnerFixture* DexServiceTest::fixture_ = nullptr;

TEST_F(DexServiceTest, PagesAreCappedAndCountsCoverTheFilter) {
  auto r = service_.ListLearners(f_.scope(0), EntitySet::kLearnerIdentifiers,
                                 {{"$count", "true"}, {"$orderby", "Surname,Forename"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->page.rows.size(), 50u);
  EXPECT_TRUE(r->page.more);
  int pupils = 0;
  for (const auto& u : f_.roster(0).users) pupils += u.role == roster::Role::kStudent;
  EXPECT_EQ(r->page.total, pupils);
  auto small = service_.ListLearners(f_.scope(0), EntitySet::kLearnerPersonals, {{"$top", "3"}});
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->page.rows.size(), 3u);
}

TEST_F(DexServiceTest, MembersOfAYearGroupAreItsPupils) {
  const std::string year3 = YearGroup(0, "Year 3");
  EntityKey key{EntitySet::kLearnerGroups, year3, GroupType::kYearGroup};
  auto members =
      service_.ListMembers(f_.scope(0), key, EntitySet::kLearnerIdentifiers, {{"$top", "1000"}});
  ASSERT_TRUE(members.ok());
  ASSERT_FALSE(members->page.rows.empty());
  for (const std::string& id :
       StoredColumn(members->page, EntitySet::kLearnerIdentifiers, "CurrentYearGroup/ExternalID")) {
    EXPECT_EQ(id, year3);
  }
  // The same query as a navigation filter gives the same pupils.
  auto filtered = service_.ListLearners(
      f_.scope(0), EntitySet::kLearnerIdentifiers,
      {{"$filter", "CurrentYearGroup/ExternalID eq " + year3}, {"$top", "1000"}});
  ASSERT_TRUE(filtered.ok());
  EXPECT_EQ(StoredColumn(filtered->page, EntitySet::kLearnerIdentifiers, "ExternalID"),
            StoredColumn(members->page, EntitySet::kLearnerIdentifiers, "ExternalID"));
  // The wrong type in the key is not this group.
  key.group_type = GroupType::kHouse;
  auto wrong = service_.ListMembers(f_.scope(0), key, EntitySet::kLearnerIdentifiers, {});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kNotFound);
}

TEST_F(DexServiceTest, AnotherSchoolsIdsAreNotFound) {
  auto theirs = service_.ListLearners(f_.scope(1), EntitySet::kLearnerPersonals, {{"$top", "1"}});
  ASSERT_TRUE(theirs.ok());
  const std::string their_pupil =
      StoredColumn(theirs->page, EntitySet::kLearnerPersonals, "ExternalID").at(0);
  const std::string their_year = YearGroup(1, "Year 7");
  EntityKey pupil{EntitySet::kLearnerPersonals, their_pupil, std::nullopt};
  EntityKey group{EntitySet::kLearnerGroups, their_year, std::nullopt};
  auto a = service_.GetLearner(f_.scope(0), pupil, {});
  auto b = service_.GetGroup(f_.scope(0), group, {});
  auto c = service_.ListMembers(f_.scope(0), group, EntitySet::kLearnerPersonals, {});
  for (ErrorCode code : {a.ok() ? ErrorCode::kInternal : a.error().code,
                         b.ok() ? ErrorCode::kInternal : b.error().code,
                         c.ok() ? ErrorCode::kInternal : c.error().code}) {
    EXPECT_EQ(code, ErrorCode::kNotFound);
  }
  EXPECT_TRUE(service_.GetLearner(f_.scope(1), pupil, {}).ok());
}

TEST_F(DexServiceTest, BadOptionsAreODataErrors) {
  auto bad =
      service_.ListLearners(f_.scope(0), EntitySet::kLearnerPersonals, {{"$filter", "Surname eq"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().reason, "InvalidFilter");
  auto theirs = service_.ListLearners(f_.scope(0), EntitySet::kLearnerPersonals, {{"$top", "1"}});
  ASSERT_TRUE(theirs.ok());
  EntityKey key{EntitySet::kLearnerPersonals,
                StoredColumn(theirs->page, EntitySet::kLearnerPersonals, "ExternalID").at(0),
                std::nullopt};
  auto entity = service_.GetLearner(f_.scope(0), key, {{"$top", "1"}});
  ASSERT_FALSE(entity.ok());
  EXPECT_EQ(entity.error().reason, "InvalidQueryOption");
  auto selected = service_.GetLearner(f_.scope(0), key, {{"$select", "Surname"}});
  ASSERT_TRUE(selected.ok());
  EXPECT_EQ(selected->query.select, std::vector<std::string>{"Surname"});
}

TEST_F(DexServiceTest, TodayIsTheClocksUtcDate) {
  EXPECT_EQ(service_.Today(), (learner::CivilDate{2026, 11, 25}));
}

}  // namespace
}  // namespace muster::dex
