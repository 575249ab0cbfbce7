#include "auth/rate_limiter.h"

#include <gtest/gtest.h>

#include "tests/support/fake_clock.h"

namespace muster::auth {
namespace {

TEST(RateLimiter, AllowsABurstThenRefillsAtTheRate) {
  testing::FakeClock clock;
  RateLimiter limiter(clock, 2.0, 3);
  EXPECT_EQ(limiter.Take("a"), 0);
  EXPECT_EQ(limiter.Take("a"), 0);
  EXPECT_EQ(limiter.Take("a"), 0);
  EXPECT_GE(limiter.Take("a"), 1);  // empty: wait at least a second (Retry-After)
  EXPECT_EQ(limiter.Take("b"), 0);  // buckets are per client
  clock.Advance(std::chrono::milliseconds(500));
  EXPECT_EQ(limiter.Take("a"), 0);  // one token refilled
  EXPECT_GE(limiter.Take("a"), 1);
}

TEST(RateLimiter, ZeroRateDisablesLimiting) {
  testing::FakeClock clock;
  RateLimiter limiter(clock, 0, 1);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(limiter.Take("a"), 0);
  EXPECT_FALSE(limiter.enabled());
}

TEST(RateLimiter, SweepForgetsFullBucketsOnly) {
  testing::FakeClock clock;
  RateLimiter limiter(clock, 1.0, 2);
  EXPECT_EQ(limiter.Take("a"), 0);
  EXPECT_EQ(limiter.Take("a"), 0);
  limiter.Sweep();
  EXPECT_GE(limiter.Take("a"), 1);  // still empty: the sweep kept it
  clock.AdvanceSeconds(10);
  limiter.Sweep();
  EXPECT_EQ(limiter.Take("a"), 0);
}

}  // namespace
}  // namespace muster::auth
