#include "roster/generator/uk_identifiers.h"

#include <gtest/gtest.h>

#include "roster/generator/rng.h"

namespace muster::roster::generator {
namespace {

TEST(UpnTest, CheckLetterFollowsTheDfeAlgorithm) {
  // python-stdnum's doctest: B801200005001 valid, A801200005001 not.
  EXPECT_EQ(UpnCheckLetter("801200005001"), 'B');
  EXPECT_TRUE(IsValidUpn("B801200005001"));
  EXPECT_FALSE(IsValidUpn("A801200005001"));
  // Arbor's example digits 207000016049: weighted sum 2*2 + 4*7 + 9*1 + 10*6 + 12*4 + 13*9 =
  // 266, 266 mod 23 = 13 -> P (A0 ... N12 P13 Q14). sims-platform.md §10.1 says "267 -> Q";
  // that sum is one too high. B is wrong either way, as Arbor says.
  EXPECT_EQ(UpnCheckLetter("207000016049"), 'P');
  EXPECT_FALSE(IsValidUpn("B207000016049"));
  // A temporary UPN ends in a letter, which counts by its alphabet index.
  const char temp = UpnCheckLetter("80120000501A");
  ASSERT_NE(temp, '\0');
  EXPECT_TRUE(IsValidUpn(std::string(1, temp) + "80120000501A"));
}

TEST(UpnTest, MalformedInputIsRejected) {
  EXPECT_EQ(UpnCheckLetter("80120000500"), '\0');       // 11 characters
  EXPECT_EQ(UpnCheckLetter("8012000050I1"), '\0');      // letter before the end
  EXPECT_EQ(UpnCheckLetter("80120000500I"), '\0');      // I is not in the alphabet
  EXPECT_FALSE(IsValidUpn("B80120000500"));             // 12 characters
  EXPECT_FALSE(IsValidUpn(MakeUpn(999, 1234, 24, 1)));  // 999 is not an LA code
}

TEST(UpnTest, MadeUpnsAreValidAndCarryTheirParts) {
  const std::string upn = MakeUpn(919, 2431, 24, 7);
  EXPECT_EQ(upn.substr(1), "919243124007");
  EXPECT_TRUE(IsValidUpn(upn));
  Rng rng(42);
  const auto las = EnglishLaCodes();
  for (int i = 0; i < 2000; ++i) {
    const std::string u = MakeUpn(las[rng.Below(las.size())], rng.Between(1000, 7999),
                                  rng.Between(0, 99), rng.Between(0, 999));
    ASSERT_TRUE(IsValidUpn(u)) << u;
    // Changing any digit breaks the check (weights 2..13 are all non-zero mod 23).
    std::string broken = u;
    broken[5] = broken[5] == '9' ? '0' : static_cast<char>(broken[5] + 1);
    EXPECT_FALSE(IsValidUpn(broken)) << broken;
  }
}

TEST(LaCodeTest, TheCensusList) {
  for (int code : {201, 213, 330, 420, 800, 886, 919, 938})
    EXPECT_TRUE(IsValidLaCode(code)) << code;
  for (int code : {0, 6, 200, 214, 321, 804, 814, 824, 897, 939, 999}) {
    EXPECT_FALSE(IsValidLaCode(code)) << code;
  }
  EXPECT_TRUE(IsValidLaCode(660));  // Wales: valid, but not English
  for (int code : EnglishLaCodes()) {
    EXPECT_TRUE(IsValidLaCode(code));
    EXPECT_FALSE(code >= 660 && code <= 708) << code;
    EXPECT_GE(code, 201);
  }
}

TEST(SchoolIdentifierTest, DfeNumbersAndUrns) {
  EXPECT_TRUE(IsWellFormedDfeNumber("9192431"));
  EXPECT_FALSE(IsWellFormedDfeNumber("9992431"));
  EXPECT_FALSE(IsWellFormedDfeNumber("919243"));
  EXPECT_FALSE(IsWellFormedDfeNumber("919/2431"));
  EXPECT_TRUE(IsWellFormedUrn("990101"));
  EXPECT_FALSE(IsWellFormedUrn("99010"));
  EXPECT_FALSE(IsWellFormedUrn("99O101"));
}

}  // namespace
}  // namespace muster::roster::generator
