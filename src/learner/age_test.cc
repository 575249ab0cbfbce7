#include "learner/age.h"

#include <gtest/gtest.h>

namespace muster::learner {
namespace {

CivilDate D(int y, int m, int d) { return CivilDate{y, m, d}; }

TEST(AgeTest, ParsesOnlyRealCalendarDays) {
  EXPECT_EQ(ParseCivilDate("2014-09-01"), D(2014, 9, 1));
  EXPECT_EQ(ParseCivilDate("2016-02-29"), D(2016, 2, 29));
  for (const char* bad : {"", "2015-02-29", "2014-13-01", "2014-00-10", "2014-04-31", "14-09-01",
                          "2014-9-1", "2014-09-01T00:00:00Z", "2014/09/01", "abcd-ef-gh"}) {
    EXPECT_FALSE(ParseCivilDate(bad).has_value()) << bad;
  }
}

TEST(AgeTest, UtcDateOfUnixTimes) {
  EXPECT_EQ(UtcDate(0), D(1970, 1, 1));
  EXPECT_EQ(UtcDate(1764000000LL * 1000), D(2025, 11, 24));
  EXPECT_EQ(UtcDate(951782400LL * 1000), D(2000, 2, 29));
  EXPECT_EQ(UtcDate(-1), D(1969, 12, 31));
}

TEST(AgeTest, MonthsAndYearsCountCompletedOnes) {
  EXPECT_EQ(AgeInMonths(D(2014, 9, 1), D(2014, 9, 1)), 0);
  EXPECT_EQ(AgeInMonths(D(2014, 9, 15), D(2014, 10, 14)), 0);
  EXPECT_EQ(AgeInMonths(D(2014, 9, 15), D(2014, 10, 15)), 1);
  EXPECT_EQ(AgeInMonths(D(2014, 1, 31), D(2014, 2, 28)), 1);  // the month's last day
  EXPECT_EQ(AgeInMonths(D(2014, 1, 31), D(2014, 3, 30)), 1);
  EXPECT_EQ(AgeInYears(D(2012, 11, 25), D(2025, 11, 24)), 12);
  EXPECT_EQ(AgeInYears(D(2012, 11, 25), D(2025, 11, 25)), 13);
  EXPECT_EQ(AgeInYears(D(2000, 2, 29), D(2001, 2, 28)), 0);  // 1 March in common years
  EXPECT_EQ(AgeInYears(D(2000, 2, 29), D(2001, 3, 1)), 1);
  EXPECT_EQ(AgeInYears(D(2000, 2, 29), D(2004, 2, 29)), 4);
  EXPECT_FALSE(AgeInMonths(D(2030, 1, 1), D(2025, 1, 1)).has_value());
}

}  // namespace
}  // namespace muster::learner
