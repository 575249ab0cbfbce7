#include "config/internal/dsn.h"

#include <gtest/gtest.h>

namespace muster::config::internal {
namespace {

TEST(ScanDsn, KeyValueWithoutPasswordIsUnchanged) {
  const DsnScan scan = ScanDsn("host=db port=5432  dbname = 'my app' sslmode=require");
  EXPECT_EQ(scan.redacted, "host=db port=5432  dbname = 'my app' sslmode=require");
  EXPECT_FALSE(scan.has_password);
  EXPECT_FALSE(scan.malformed);
}

TEST(ScanDsn, KeyValuePasswords) {
  DsnScan scan = ScanDsn("host=db password=plain user=u");
  EXPECT_EQ(scan.redacted, "host=db password=*** user=u");
  EXPECT_TRUE(scan.has_password);

  scan = ScanDsn("password = 'with \\' quote and spaces' sslpassword=k\\ ey host=h");
  EXPECT_EQ(scan.redacted, "password = *** sslpassword=*** host=h");
  EXPECT_TRUE(scan.has_password);

  scan = ScanDsn("host=db password=''");
  EXPECT_EQ(scan.redacted, "host=db password=***");
  EXPECT_FALSE(scan.has_password);
}

TEST(ScanDsn, MalformedKeyValueRedactsTheRest) {
  DsnScan scan = ScanDsn("host=db user='unterminated password=x");
  EXPECT_TRUE(scan.malformed);
  EXPECT_EQ(scan.redacted, "host=db user=***");

  scan = ScanDsn("host=db garbage");
  EXPECT_TRUE(scan.malformed);
  EXPECT_EQ(scan.redacted.find("garbage"), std::string::npos);
}

TEST(ScanDsn, Uris) {
  DsnScan scan = ScanDsn("postgresql://db:5432/app?sslmode=require");
  EXPECT_EQ(scan.redacted, "postgresql://db:5432/app?sslmode=require");
  EXPECT_FALSE(scan.has_password);

  scan = ScanDsn("postgres://user:p%40ss@db/app");
  EXPECT_EQ(scan.redacted, "postgres://user:***@db/app");
  EXPECT_TRUE(scan.has_password);

  scan = ScanDsn("postgresql://user@db/app?application_name=x&password=secret&pass%77ord=s2");
  EXPECT_EQ(scan.redacted,
            "postgresql://user@db/app?application_name=x&password=***&pass%77ord=***");
  EXPECT_TRUE(scan.has_password);

  scan = ScanDsn("postgresql://host?password=a@b/x");
  EXPECT_EQ(scan.redacted.find("password=a"), std::string::npos) << scan.redacted;
}

}  // namespace
}  // namespace muster::config::internal
