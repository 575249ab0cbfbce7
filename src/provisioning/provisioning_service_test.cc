#include "provisioning/provisioning_service.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/learner_fixture.h"

namespace muster::provisioning {
namespace {

TEST(AgeRangeTest, BracketsByCompletedYears) {
  const learner::CivilDate today{2026, 11, 25};
  EXPECT_EQ(AgeRange("2013-11-26", today), "<13");  // 12 until tomorrow
  EXPECT_EQ(AgeRange("2013-11-25", today), "13-16");
  EXPECT_EQ(AgeRange("2009-11-26", today), "13-16");  // 16 for one more day
  EXPECT_EQ(AgeRange("2009-11-25", today), ">16");
  EXPECT_EQ(AgeRange("2022-01-01", today), "<13");
  EXPECT_EQ(AgeRange("", today), std::nullopt);
  EXPECT_EQ(AgeRange("2030-01-01", today), std::nullopt);  // not born yet: unknown
}

TEST(UsersQueryTest, LimitOffsetAndRole) {
  auto q = ParseUsersQuery({{"limit", "20"}, {"offset", "40"}, {"role", "teacher"}, {"x", "y"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->limit, 20);
  EXPECT_EQ(q->offset, 40);
  EXPECT_EQ(q->role, learner::PersonRole::kTeacher);
  EXPECT_EQ(ParseUsersQuery({})->limit, kDefaultLimit);
  for (const FormFields& bad : std::vector<FormFields>{{{"limit", "0"}},
                                                       {{"limit", "1001"}},
                                                       {{"limit", "ten"}},
                                                       {{"offset", "-1"}},
                                                       {{"role", "guardian"}}}) {
    auto r = ParseUsersQuery(bad);
    ASSERT_FALSE(r.ok()) << bad[0].first << "=" << bad[0].second;
    EXPECT_EQ(r.error().reason, "invalid_request");
  }
}

class ProvisioningServiceTest : public ::testing::Test {
 protected:
  // Generating two schools takes a second or two: once per suite (the tests only read).
  static void SetUpTestSuite() { fixture_ = new muster::testing::LearnerFixture(); }
  static void TearDownTestSuite() {
    delete fixture_;
    fixture_ = nullptr;
  }
  static muster::testing::LearnerFixture* fixture_;
  muster::testing::LearnerFixture& f_ = *fixture_;
  ProvisioningService service_{f_.store(), f_.clock()};
};

muster::testing::LearnerFixture* ProvisioningServiceTest::fixture_ = nullptr;

TEST_F(ProvisioningServiceTest, OnlyTheTokensOwnOrganisation) {
  const storage::Site& own = f_.site(0);
  auto org = service_.Organisation(own, own.organisation_id);
  ASSERT_TRUE(org.ok());
  EXPECT_EQ(org->dfe_code, "9192431");
  std::string lower = own.organisation_id;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(service_.Organisation(own, lower).ok());
  for (const std::string& other : {f_.site(1).organisation_id, std::string("not-a-guid")}) {
    auto r = service_.Organisation(own, other);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
    auto users = service_.Users(own, other, {});
    ASSERT_FALSE(users.ok());
    EXPECT_EQ(users.error().code, ErrorCode::kNotFound);
  }
}

TEST_F(ProvisioningServiceTest, PupilsAndStaffWithBracketsAndGroups) {
  const storage::Site& school = f_.site(1);  // Ashcombe: Y7-Y13, ages 11-18
  std::set<std::string> ranges;
  std::set<std::string> ids;
  int64_t total = -1;
  for (int64_t offset = 0; total < 0 || offset < total; offset += kMaxLimit) {
    auto page =
        service_.Users(school, school.organisation_id, {.limit = kMaxLimit, .offset = offset});
    ASSERT_TRUE(page.ok());
    total = page->total;
    for (const ProvisionedUser& u : page->users) {
      EXPECT_TRUE(ids.insert(u.id).second) << "repeated " << u.id;
      if (u.role == learner::PersonRole::kStudent) {
        ASSERT_TRUE(u.age_range.has_value());
        ranges.insert(*u.age_range);
        ASSERT_GE(u.groups.size(), 3u);
        EXPECT_EQ(u.groups[0].type, learner::GroupType::kYearGroup);
      } else {
        EXPECT_FALSE(u.age_range.has_value());  // no birth date for staff in the roster
      }
    }
  }
  EXPECT_EQ(static_cast<int64_t>(ids.size()), total);
  EXPECT_EQ(ranges, (std::set<std::string>{"<13", "13-16", ">16"}));
  auto teachers = service_.Users(school, school.organisation_id,
                                 {.limit = 5, .role = learner::PersonRole::kTeacher});
  ASSERT_TRUE(teachers.ok());
  EXPECT_EQ(teachers->users.size(), 5u);
  for (const ProvisionedUser& u : teachers->users) EXPECT_EQ(u.role, learner::PersonRole::kTeacher);
}

}  // namespace
}  // namespace muster::provisioning
