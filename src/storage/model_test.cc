#include "storage/model.h"

#include <gtest/gtest.h>

namespace muster::storage {
namespace {

TEST(Model, EnumNamesRoundTrip) {
  for (auto s : {InstallStatus::kPending, InstallStatus::kApproved, InstallStatus::kDisabled}) {
    EXPECT_EQ(ParseInstallStatus(ToString(s)), s);
  }
  for (auto k : {ClientKind::kManagement, ClientKind::kDex, ClientKind::kOneRoster}) {
    EXPECT_EQ(ParseClientKind(ToString(k)), k);
  }
  for (auto s : {KeyState::kNext, KeyState::kCurrent, KeyState::kRetired}) {
    EXPECT_EQ(ParseKeyState(ToString(s)), s);
  }
  for (auto r : {AccountRole::kOperator, AccountRole::kTiAdmin, AccountRole::kSiteAdmin}) {
    EXPECT_EQ(ParseAccountRole(ToString(r)), r);
  }
}

TEST(Model, NamesMatchTheSchema) {
  EXPECT_STREQ(ToString(InstallStatus::kApproved), "approved");
  EXPECT_STREQ(ToString(ClientKind::kOneRoster), "oneroster");
  EXPECT_STREQ(ToString(KeyState::kRetired), "retired");
  EXPECT_STREQ(ToString(AccountRole::kTiAdmin), "ti_admin");
}

TEST(Model, ParseRejectsUnknownAndWrongCase) {
  EXPECT_FALSE(ParseInstallStatus("Pending").has_value());
  EXPECT_FALSE(ParseClientKind("").has_value());
  EXPECT_FALSE(ParseKeyState("old").has_value());
  EXPECT_FALSE(ParseAccountRole("admin").has_value());
}

}  // namespace
}  // namespace muster::storage
