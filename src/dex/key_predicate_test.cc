#include "dex/key_predicate.h"

#include <gtest/gtest.h>

namespace muster::dex {
namespace {

using learner::EntitySet;
using learner::GroupType;

constexpr char kId[] = "5C030578-1832-4C66-80C4-0E5DEB68D3FE";

TEST(KeyPredicateTest, TheKeyInEverySpelling) {
  for (const char* segment :
       {"LearnerPersonals(5C030578-1832-4C66-80C4-0E5DEB68D3FE)",
        "LearnerPersonals(5c030578-1832-4c66-80c4-0e5deb68d3fe)",
        "LearnerPersonals(ExternalID=5C030578-1832-4C66-80C4-0E5DEB68D3FE)",
        "LearnerPersonals(guid'5C030578-1832-4C66-80C4-0E5DEB68D3FE')",
        "LearnerPersonals('5C030578-1832-4C66-80C4-0E5DEB68D3FE')",
        "LearnerPersonals( ExternalID = 5C030578-1832-4C66-80C4-0E5DEB68D3FE )"}) {
    auto key = ParseEntityKey(segment);
    ASSERT_TRUE(key.ok()) << segment << ": " << key.error().message;
    EXPECT_EQ(*key, (EntityKey{EntitySet::kLearnerPersonals, kId, std::nullopt})) << segment;
  }
}

TEST(KeyPredicateTest, GroupKeysWithTheirType) {
  auto key = ParseEntityKey(
      "LearnerGroups(ExternalID=5C030578-1832-4C66-80C4-0E5DEB68D3FE,"
      "GroupType=SIMS.GroupTypeEnum'YearGroup')");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, (EntityKey{EntitySet::kLearnerGroups, kId, GroupType::kYearGroup}));
  key = ParseEntityKey("LearnerGroups(GroupType='House',ExternalID=" + std::string(kId) + ")");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->group_type, GroupType::kHouse);
  key = ParseEntityKey("LearnerIdentifiers(" + std::string(kId) + ")");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->set, EntitySet::kLearnerIdentifiers);
}

TEST(KeyPredicateTest, UnknownSetsAreNotFoundAndBadKeysAreBadRequests) {
  for (const char* segment : {"Learners(5C030578-1832-4C66-80C4-0E5DEB68D3FE)", "LearnerPersonals",
                              "learnerpersonals(5C030578-1832-4C66-80C4-0E5DEB68D3FE)", ""}) {
    auto key = ParseEntityKey(segment);
    ASSERT_FALSE(key.ok()) << segment;
    EXPECT_EQ(key.error().code, ErrorCode::kNotFound) << segment;
  }
  for (const char* segment :
       {"LearnerPersonals()", "LearnerPersonals(42)", "LearnerPersonals(5C030578",
        "LearnerPersonals(Id=5C030578-1832-4C66-80C4-0E5DEB68D3FE)",
        "LearnerPersonals(GroupType='House',ExternalID=5C030578-1832-4C66-80C4-0E5DEB68D3FE)",
        "LearnerGroups(GroupType='Form',ExternalID=5C030578-1832-4C66-80C4-0E5DEB68D3FE)",
        "LearnerGroups(GroupType='House')",
        "LearnerGroups(5C030578-1832-4C66-80C4-0E5DEB68D3FE,5C030578-1832-4C66-80C4-0E5DEB68D3FE)",
        "LearnerGroups(ExternalID=5C030578-1832-4C66-80C4-0E5DEB68D3FE,GroupType='House',x=1)",
        "LearnerPersonals(=5C030578-1832-4C66-80C4-0E5DEB68D3FE)",
        "LearnerPersonals('5C030578-1832-4C66-80C4-0E5DEB68D3FE)"}) {
    auto key = ParseEntityKey(segment);
    ASSERT_FALSE(key.ok()) << segment;
    EXPECT_EQ(key.error().code, ErrorCode::kInvalidArgument) << segment;
    EXPECT_EQ(key.error().reason, kInvalidKey) << segment;
  }
}

}  // namespace
}  // namespace muster::dex
