#include "admin/platform_service.h"

#include <gtest/gtest.h>

#include "tests/support/platform_fixture.h"

namespace muster::admin {
namespace {

class PlatformServiceTest : public ::testing::Test, public muster::testing::PlatformFixture {};

TEST_F(PlatformServiceTest, VendorsGetTwoSubscriptionKeysStoredHashedAndSealed) {
  auto v = platform_->CreateVendor("Acme Learning", "t");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->primary_key.size(), 32u);
  EXPECT_NE(v->primary_key, v->secondary_key);
  auto keys = store_->ListSubscriptionKeys();
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->size(), 2u);
  for (const auto& k : *keys) {
    EXPECT_NE(k.key_hash, v->primary_key);
    EXPECT_EQ(k.key_sealed.find(v->primary_key), std::string::npos);
  }
  auto revealed = platform_->RevealSubscriptionKeys(v->vendor.id);
  ASSERT_TRUE(revealed.ok());
  EXPECT_EQ((*revealed)[0], v->primary_key);
  EXPECT_EQ((*revealed)[1], v->secondary_key);
  auto rotated = platform_->RotateSubscriptionKey(v->vendor.id, "secondary", "t");
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ((*platform_->RevealSubscriptionKeys(v->vendor.id))[1], *rotated);
  EXPECT_FALSE(platform_->RotateSubscriptionKey(v->vendor.id, "tertiary", "t").ok());
  EXPECT_FALSE(platform_->CreateVendor("", "t").ok());
}

TEST_F(PlatformServiceTest, SitesAreValidated) {
  storage::Site s;
  s.name = "Bad";
  s.dfe_code = "12345";
  s.urn = "12";
  auto bad = platform_->CreateSite(s, "t");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("DfE"), std::string::npos);
  EXPECT_NE(bad.error().message.find("URN"), std::string::npos);
  s.dfe_code = "9192431";
  s.urn = "990101";
  s.organisation_id = "5c030578-1832-4c66-80c4-0e5deb68d3fe";
  auto ok = platform_->CreateSite(s, "t");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->organisation_id, "5C030578-1832-4C66-80C4-0E5DEB68D3FE");
  EXPECT_EQ(ok->la_code, "919");
  EXPECT_EQ(platform_->FindSite(std::to_string(ok->id))->name, "Bad");
  EXPECT_EQ(platform_->FindSite("5C030578-1832-4C66-80C4-0E5DEB68D3FE")->id, ok->id);
}

TEST_F(PlatformServiceTest, ClientsGetKindPrefixesAndSecretsShownOnce) {
  auto school = CreateSchool("c");
  EXPECT_EQ(school.dex.client.client_id.rfind("sas-simsprimary-", 0), 0u);
  EXPECT_EQ(school.oneroster.client.client_id.rfind("sas-oneroster-", 0), 0u);
  EXPECT_EQ(school.management.client.client_id.rfind("vmc-", 0), 0u);
  EXPECT_GE(school.dex.secret.size(), 43u);  // 256 bits, base64url
  auto stored = store_->GetClient(school.dex.client.client_id);
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(hasher_.Verify(school.dex.secret, stored->secret_hash));
  EXPECT_EQ(stored->secret_sealed.find(school.dex.secret), std::string::npos);
  EXPECT_EQ(*platform_->RevealClientSecret(*stored), school.dex.secret);
}

TEST_F(PlatformServiceTest, ClientRulesAreEnforced) {
  auto a = CreateSchool("a");
  auto b = CreateSchool("b");
  ClientDraft d;
  d.kind = storage::ClientKind::kDex;
  d.vendor_id = a.vendor_id;
  d.application_id = b.application_id;  // another vendor's application
  EXPECT_FALSE(platform_->CreateClient(d, "t").ok());
  d.application_id = "";
  EXPECT_FALSE(platform_->CreateClient(d, "t").ok());
  ClientDraft m;
  m.kind = storage::ClientKind::kManagement;
  m.vendor_id = a.vendor_id;
  m.site_id = a.site.id;
  EXPECT_FALSE(platform_->CreateClient(m, "t").ok());
  m.site_id = 0;
  m.imported_secret = "short";
  EXPECT_FALSE(platform_->CreateClient(m, "t").ok());
  m.imported_secret = "bench-secret-0123456789abcdef";
  m.client_id = "bench-client";
  auto imported = platform_->CreateClient(m, "t");
  ASSERT_TRUE(imported.ok());
  EXPECT_EQ(imported->secret, "bench-secret-0123456789abcdef");
  EXPECT_EQ(platform_->CreateClient(m, "t").error().code, ErrorCode::kConflict);
}

TEST_F(PlatformServiceTest, InstallsFollowTheApprovalSwitchAndRemovalDeletesClients) {
  auto v = platform_->CreateVendor("Open Apps", "t");
  storage::Application app;
  app.vendor_id = v->vendor.id;
  app.name = "No approval needed";
  app.requires_approval = false;
  auto created = platform_->CreateApplication(app, "t");
  storage::Site s;
  s.name = "Elm";
  auto site = platform_->CreateSite(s, "t");
  auto inst = platform_->Install(site->id, created->id, "a b", "site-admin");
  ASSERT_TRUE(inst.ok());
  EXPECT_EQ(inst->status, storage::InstallStatus::kApproved);
  EXPECT_NE(inst->consent_receipt.find("site-admin"), std::string::npos);
  auto school = CreateSchool("r");
  EXPECT_EQ(store_->GetInstall(school.site.id, school.application_id)->status,
            storage::InstallStatus::kApproved);
  ASSERT_TRUE(platform_->RemoveInstall(school.site.id, school.application_id, "t").ok());
  EXPECT_EQ(store_->GetClient(school.dex.client.client_id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->GetClient(school.management.client.client_id).ok());
}

TEST_F(PlatformServiceTest, WritesAreAuditedAndReloadTheRegistry) {
  auto school = CreateSchool("x");
  EXPECT_EQ(registry_->Get()->clients.count(school.dex.client.client_id), 1u);
  auto events = store_->ListAudit({});
  ASSERT_TRUE(events.ok());
  bool saw_client_create = false;
  for (const auto& e : *events) saw_client_create |= e.action == "client.create";
  EXPECT_TRUE(saw_client_create);
}

}  // namespace
}  // namespace muster::admin
