#include "learner/uk_groups.h"

#include <gtest/gtest.h>

namespace muster::learner {
namespace {

TEST(UkGroupsTest, ReadsTheUsualSpellingsOfAYearGroup) {
  for (const char* text : {"Y7", "7", "07", "Year 7", "year7", " y7 "}) {
    auto y = ParseYearGroup(text);
    ASSERT_TRUE(y.has_value()) << text;
    EXPECT_EQ(y->code, "Y7");
    EXPECT_EQ(y->short_name, "Year 7");
    EXPECT_EQ(y->nc, 7);
  }
  EXPECT_EQ(ParseYearGroup("R")->full_name, "Reception");
  EXPECT_EQ(ParseYearGroup("Reception")->code, "R");
  EXPECT_EQ(ParseYearGroup("N1")->full_name, "Nursery 1");
  EXPECT_EQ(ParseYearGroup("N2")->nc, -1);
  EXPECT_EQ(ParseYearGroup("Y13")->nc, 13);
  for (const char* text : {"", "Y14", "Y0", "Sixth", "P3", "Year"}) {
    EXPECT_FALSE(ParseYearGroup(text).has_value()) << text;
  }
}

TEST(UkGroupsTest, GradesInTheAgeEquivalentConvention) {
  EXPECT_EQ(YearGroupOfGrade("PK")->code, "R");
  EXPECT_EQ(YearGroupOfGrade("KG")->code, "Y1");
  EXPECT_EQ(YearGroupOfGrade("06")->code, "Y7");
  EXPECT_EQ(YearGroupOfGrade("12")->code, "Y13");
  EXPECT_FALSE(YearGroupOfGrade("PR").has_value());
  EXPECT_FALSE(YearGroupOfGrade("13").has_value());
  EXPECT_TRUE(IsPrimaryGrade("05"));
  EXPECT_TRUE(IsPrimaryGrade("PR"));
  EXPECT_FALSE(IsPrimaryGrade("06"));
  EXPECT_LT(GradeRank("PK"), GradeRank("KG"));
  EXPECT_LT(GradeRank("09"), GradeRank("10"));
  EXPECT_LT(GradeRank("12"), GradeRank("Other"));
}

}  // namespace
}  // namespace muster::learner
