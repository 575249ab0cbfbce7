#include "odata/query/internal/literal.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>

namespace muster::odata::query::internal {
namespace {

constexpr int64_t kJan2024 = 1704067200000;  // 2024-01-01T00:00:00Z
constexpr int64_t kHour = 3600000;

TEST(LiteralTest, Dates) {
  for (const char* ok : {"2024-01-01", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"}) {
    EXPECT_EQ(ParseDate(ok), std::optional<std::string>(ok)) << ok;
  }
  for (const char* bad :
       {"2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "0000-01-01", "2024-1-01", "2024/01/01", "2024-01-01T", "", "20240101", "2024-01-0a"}) {
    EXPECT_FALSE(ParseDate(bad)) << bad;
  }
}

struct DateTimeCase {
  std::string text;
  std::optional<int64_t> want;
  bool zone_optional = false;
  friend void PrintTo(const DateTimeCase& c, std::ostream* os) { *os << c.text; }
};

class DateTimeTest : public ::testing::TestWithParam<DateTimeCase> {};

TEST_P(DateTimeTest, Parses) {
  const DateTimeCase& c = GetParam();
  EXPECT_EQ(ParseDateTimeOffset(c.text, c.zone_optional), c.want) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DateTimeTest,
    ::testing::Values(DateTimeCase{"2024-01-01T00:00:00Z", kJan2024},
                      DateTimeCase{"2024-01-01t00:00:00z", kJan2024},
                      DateTimeCase{"2024-01-01T10:00Z", kJan2024 + 10 * kHour},
                      DateTimeCase{"2024-01-01T10:00:00+01:00", kJan2024 + 9 * kHour},
                      DateTimeCase{"2024-01-01T10:00:00-02:30", kJan2024 + 12 * kHour + kHour / 2},
                      DateTimeCase{"2024-01-01T00:00:00.5Z", kJan2024 + 500},
                      DateTimeCase{"2024-01-01T00:00:00.1234567Z", kJan2024 + 123},
                      DateTimeCase{"2024-01-01T00:00:00.123456789012Z", kJan2024 + 123},
                      DateTimeCase{"2024-01-01T00:00:00", std::nullopt},
                      DateTimeCase{"2024-01-01T00:00:00", kJan2024, true},
                      DateTimeCase{"2024-01-01T00:00", kJan2024, true},
                      DateTimeCase{"2024-01-01T00:00:00.1234567890123Z", std::nullopt},
                      DateTimeCase{"2024-01-01T24:00:00Z", std::nullopt},
                      DateTimeCase{"2024-01-01T23:60:00Z", std::nullopt},
                      DateTimeCase{"2024-01-01T23:59:60Z", std::nullopt},
                      DateTimeCase{"2024-01-01T10:00:00+1:00", std::nullopt},
                      DateTimeCase{"2024-01-01T10:00:00+01:00x", std::nullopt},
                      DateTimeCase{"2024-01-01T10:00:00.Z", std::nullopt},
                      DateTimeCase{"2024-01-01T10Z", std::nullopt},
                      DateTimeCase{"2023-02-29T10:00:00Z", std::nullopt},
                      DateTimeCase{"2024-01-01 10:00:00Z", std::nullopt},
                      DateTimeCase{"", std::nullopt}));

TEST(LiteralTest, Guids) {
  EXPECT_EQ(ParseGuid("0123abcd-89ab-cdef-0123-456789abcdef"),
            std::optional<std::string>("0123ABCD-89AB-CDEF-0123-456789ABCDEF"));
  EXPECT_FALSE(ParseGuid("{0123abcd-89ab-cdef-0123-456789abcdef}"));
  EXPECT_FALSE(ParseGuid("0123abcd89abcdef0123456789abcdef"));
  EXPECT_FALSE(ParseGuid("0123abcg-89ab-cdef-0123-456789abcdef"));
}

}  // namespace
}  // namespace muster::odata::query::internal
