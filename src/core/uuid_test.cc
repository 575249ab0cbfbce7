#include "core/uuid.h"

#include <gtest/gtest.h>

namespace muster {
namespace {

TEST(Uuid, NormalizesCaseAndRejectsJunk) {
  EXPECT_EQ(NormalizeGuid("5c030578-1832-4c66-80c4-0e5deb68d3fe").value(),
            "5C030578-1832-4C66-80C4-0E5DEB68D3FE");
  EXPECT_FALSE(NormalizeGuid("{5c030578-1832-4c66-80c4-0e5deb68d3fe}").has_value());
  EXPECT_FALSE(NormalizeGuid("5c030578x1832-4c66-80c4-0e5deb68d3fe").has_value());
  EXPECT_FALSE(NormalizeGuid("5c030578-1832-4c66-80c4-0e5deb68d3fg").has_value());
}

TEST(Uuid, NewGuidIsVersion4AndDerivedIsStable) {
  SystemRandom random;
  std::string g = NewGuid(random);
  ASSERT_TRUE(NormalizeGuid(g).has_value());
  EXPECT_EQ(g[14], '4');
  EXPECT_NE(NewGuid(random), g);
  EXPECT_EQ(DerivedGuid("site", "1"), DerivedGuid("site", "1"));
  EXPECT_NE(DerivedGuid("site", "1"), DerivedGuid("site", "2"));
  EXPECT_TRUE(NormalizeGuid(DerivedGuid("a", "b")).has_value());
}

}  // namespace
}  // namespace muster
