#include "core/time_format.h"

#include <gtest/gtest.h>

namespace muster {
namespace {

TEST(TimeFormat, Iso8601RoundTrip) {
  EXPECT_EQ(FormatIso8601Millis(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIso8601Millis(1640095588123), "2021-12-21T14:06:28.123Z");
  EXPECT_EQ(ParseIso8601Millis("2021-12-21T14:06:28.123Z").value(), 1640095588123);
  EXPECT_EQ(ParseIso8601Millis("2021-12-21T14:06:28Z").value(), 1640095588000);
  EXPECT_EQ(ParseIso8601Millis("2021-12-21").value(), 1640044800000);
  EXPECT_EQ(ParseIso8601Millis("2021-12-21T15:06:28.123+01:00").value(), 1640095588123);
}

TEST(TimeFormat, AppendsIso8601ToAnExistingBuffer) {
  std::string out = "at ";
  AppendIso8601Millis(out, 1640095588123);
  out += ", then ";
  AppendIso8601Millis(out, 1640095588999);  // the same second: the cached prefix
  out += ", then ";
  AppendIso8601Millis(out, 1640095589000);  // the next second
  EXPECT_EQ(out,
            "at 2021-12-21T14:06:28.123Z, then 2021-12-21T14:06:28.999Z, then "
            "2021-12-21T14:06:29.000Z");
  EXPECT_EQ(FormatIso8601Millis(-1), "1969-12-31T23:59:59.999Z");
}

TEST(TimeFormat, RejectsMalformedDates) {
  EXPECT_FALSE(ParseIso8601Millis("2021-13-01").has_value());
  EXPECT_FALSE(ParseIso8601Millis("2021-12-21T14:06").has_value());
  EXPECT_FALSE(ParseIso8601Millis("2021-12-21T14:06:28").has_value());
  EXPECT_FALSE(ParseIso8601Millis("2021-12-21T14:06:28.Z").has_value());
  EXPECT_FALSE(ParseIso8601Millis("yesterday").has_value());
}

TEST(TimeFormat, HttpDate) {
  EXPECT_EQ(FormatHttpDate(1640095588), "Tue, 21 Dec 2021 14:06:28 GMT");
}

}  // namespace
}  // namespace muster
