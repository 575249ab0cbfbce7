#include "partner/partner_service.h"

#include <gtest/gtest.h>

#include "tests/support/platform_fixture.h"

namespace muster::partner {
namespace {

using storage::InstallStatus;

class PartnerServiceTest : public ::testing::Test, public muster::testing::PlatformFixture {
 protected:
  PartnerServiceTest() : service_(*store_, *platform_) {
    school_ = CreateSchool("a");
    caller_ = Caller{school_.management.client.client_id, school_.vendor_id, ""};
  }

  // Installs the fixture's application at one more site, with a DeX client there.
  storage::Site AddSite(const std::string& name, InstallStatus status) {
    storage::Site draft;
    draft.name = name;
    storage::Site site = *platform_->CreateSite(draft, "test");
    EXPECT_TRUE(platform_->Install(site.id, school_.application_id, "", "test").ok());
    if (status != InstallStatus::kPending) {
      EXPECT_TRUE(
          platform_->SetInstallStatus(site.id, school_.application_id, status, "test").ok());
    }
    admin::ClientDraft d;
    d.kind = storage::ClientKind::kDex;
    d.vendor_id = school_.vendor_id;
    d.application_id = school_.application_id;
    d.site_id = site.id;
    EXPECT_TRUE(platform_->CreateClient(d, "test").ok());
    return site;
  }

  // The newest audit event whose actor is the caller.
  storage::AuditEvent LastAudit() {
    storage::AuditQuery q;
    q.actor_prefix = ActorOf(caller_);
    q.limit = 1;
    auto events = store_->ListAudit(q);
    return events.ok() && !events->empty() ? events->front() : storage::AuditEvent{};
  }

  PartnerService service_;
  muster::testing::SchoolSetup school_;
  Caller caller_;
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST_F(PartnerServiceTest, ListsEverySiteOfTheApplicationInIdOrderWithItsState) {
  storage::Site pending = AddSite("Pending", InstallStatus::kPending);
  storage::Site disabled = AddSite("Disabled", InstallStatus::kDisabled);
  CreateSchool("other vendor");  // not this application's site
  auto sites = service_.ListSites(caller_, school_.application_id);
  ASSERT_TRUE(sites.ok()) << sites.error().message;
  ASSERT_EQ(sites->size(), 3u);
  EXPECT_EQ((*sites)[0].site.id, school_.site.id);
  EXPECT_TRUE((*sites)[0].authorised());
  EXPECT_EQ((*sites)[1].site.id, pending.id);
  EXPECT_FALSE((*sites)[1].authorised());
  EXPECT_EQ((*sites)[2].site.id, disabled.id);
  EXPECT_EQ((*sites)[2].status, InstallStatus::kDisabled);
  EXPECT_FALSE((*sites)[2].authorised());
  // GUIDs compare case-insensitively.
  EXPECT_EQ(service_.ListSites(caller_, Lower(school_.application_id))->size(), 3u);
}

TEST_F(PartnerServiceTest, AnotherVendorsApplicationIsIndistinguishableFromNone) {
  auto other = CreateSchool("b");
  auto theirs = service_.ListSites(caller_, other.application_id);
  auto missing = service_.ListSites(caller_, "7D0E4C33-5A8B-4F77-9B0A-000000000000");
  auto malformed = service_.ListSites(caller_, "42");
  for (const auto* r : {&theirs, &missing, &malformed}) {
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error().code, ErrorCode::kNotFound);
    EXPECT_EQ(r->error().message, theirs.error().message);
  }
  auto clients = service_.ListClients(caller_, other.application_id, other.site.organisation_id);
  EXPECT_EQ(clients.error().code, ErrorCode::kNotFound);
  auto approve =
      service_.SetAuthorised(caller_, other.application_id, other.site.organisation_id, false);
  EXPECT_EQ(approve.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetInstall(other.site.id, other.application_id)->status,
            InstallStatus::kApproved);
}

TEST_F(PartnerServiceTest, SchoolBoundTokensAreRefused) {
  Caller school_token{school_.dex.client.client_id, school_.vendor_id,
                      school_.site.organisation_id};
  auto r = service_.ListSites(school_token, school_.application_id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(PartnerServiceTest, ClientsCarryTheirSecretsAndTheVendorsPrimaryKey) {
  auto clients =
      service_.ListClients(caller_, school_.application_id, Lower(school_.site.organisation_id));
  ASSERT_TRUE(clients.ok()) << clients.error().message;
  ASSERT_EQ(clients->clients.size(), 2u);  // DeX and OneRoster; never the management client
  for (const auto& c : clients->clients) {
    const auto& created =
        c.client.client_id == school_.dex.client.client_id ? school_.dex : school_.oneroster;
    EXPECT_EQ(c.client.client_id, created.client.client_id);
    EXPECT_EQ(c.secret, created.secret);
  }
  EXPECT_LT(clients->clients[0].client.client_id, clients->clients[1].client.client_id);
  auto keys = platform_->RevealSubscriptionKeys(school_.vendor_id);
  EXPECT_EQ(clients->subscription_key, (*keys)[0]);
  auto rotated = platform_->RotateSubscriptionKey(school_.vendor_id, "primary", "t");
  EXPECT_EQ(service_.ListClients(caller_, school_.application_id, school_.site.organisation_id)
                ->subscription_key,
            *rotated);
}

TEST_F(PartnerServiceTest, ASecretWithoutASealedCopyIsShownAsAbsent) {
  storage::Client c = *store_->GetClient(school_.dex.client.client_id);
  c.secret_sealed.clear();
  ASSERT_TRUE(store_->UpdateClient(c).ok());
  auto clients =
      service_.ListClients(caller_, school_.application_id, school_.site.organisation_id);
  ASSERT_TRUE(clients.ok());
  for (const auto& sc : clients->clients) {
    EXPECT_EQ(sc.secret.has_value(), sc.client.client_id != school_.dex.client.client_id);
  }
}

TEST_F(PartnerServiceTest, UnknownOrUninstalledOrganisationsAreNotFound) {
  auto other = CreateSchool("b");  // a site where this application is not installed
  for (const std::string& org :
       {other.site.organisation_id, std::string("7D0E4C33-5A8B-4F77-9B0A-000000000000"),
        std::string("not a guid!"), std::string()}) {
    auto r = service_.ListClients(caller_, school_.application_id, org);
    ASSERT_FALSE(r.ok()) << org;
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound) << org;
  }
}

TEST_F(PartnerServiceTest, ApproveAndDisableAreAuditedAsTheManagementClient) {
  storage::Site pending = AddSite("Pending", InstallStatus::kPending);
  auto approved =
      service_.SetAuthorised(caller_, school_.application_id, pending.organisation_id, true);
  ASSERT_TRUE(approved.ok());
  EXPECT_TRUE(approved->authorised());
  EXPECT_EQ(store_->GetInstall(pending.id, school_.application_id)->status,
            InstallStatus::kApproved);
  storage::AuditEvent e = LastAudit();
  EXPECT_EQ(e.actor, "client:" + school_.management.client.client_id);
  EXPECT_EQ(e.action, "install.approved");
  auto disabled =
      service_.SetAuthorised(caller_, school_.application_id, pending.organisation_id, false);
  ASSERT_TRUE(disabled.ok());
  EXPECT_EQ(disabled->status, InstallStatus::kDisabled);
  EXPECT_EQ(LastAudit().action, "install.disabled");
}

TEST_F(PartnerServiceTest, RemovingASiteDeletesItsClientsAndItDisappears) {
  storage::Site second = AddSite("Second", InstallStatus::kApproved);
  auto removed = service_.RemoveSite(caller_, school_.application_id, school_.site.organisation_id);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed->clients_removed, 2);
  EXPECT_EQ(removed->application_id, school_.application_id);
  EXPECT_EQ(LastAudit().action, "install.remove");
  EXPECT_EQ(store_->GetClient(school_.dex.client.client_id).error().code, ErrorCode::kNotFound);
  auto sites = service_.ListSites(caller_, school_.application_id);
  ASSERT_EQ(sites->size(), 1u);
  EXPECT_EQ(sites->front().site.id, second.id);
  auto clients =
      service_.ListClients(caller_, school_.application_id, school_.site.organisation_id);
  EXPECT_EQ(clients.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.RemoveSite(caller_, school_.application_id, school_.site.organisation_id)
                .error()
                .code,
            ErrorCode::kNotFound);
}

TEST_F(PartnerServiceTest, RotationIsLimitedToTheSitesClientsAndToThirtyDays) {
  const std::string& app = school_.application_id;
  const std::string& org = school_.site.organisation_id;
  auto other = CreateSchool("b", InstallStatus::kApproved, school_.vendor_id);  // same vendor
  for (const std::string& id :
       {other.dex.client.client_id, school_.management.client.client_id, std::string("nobody")}) {
    auto r = service_.RotateSecret(caller_, app, org, id, 60);
    ASSERT_FALSE(r.ok()) << id;
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound) << id;
  }
  auto too_long =
      service_.RotateSecret(caller_, app, org, school_.dex.client.client_id, 30 * 86400 + 1);
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalidArgument);
  auto rotated = service_.RotateSecret(caller_, app, org, school_.dex.client.client_id, 600);
  ASSERT_TRUE(rotated.ok());
  EXPECT_NE(rotated->secret, school_.dex.secret);
  EXPECT_EQ(rotated->previous_valid_until_ms, clock_.NowUnixMillis() + 600 * 1000);
  EXPECT_EQ(LastAudit().action, "client.rotate_secret");
  EXPECT_EQ(LastAudit().target, school_.dex.client.client_id);
  auto shown = service_.ListClients(caller_, app, org);
  bool shows_new = false;
  for (const auto& c : shown->clients) shows_new |= c.secret == rotated->secret;
  EXPECT_TRUE(shows_new);
}

TEST_F(PartnerServiceTest, SuspendAndResumeAreAudited) {
  const std::string& id = school_.oneroster.client.client_id;
  auto suspended = service_.SetClientEnabled(caller_, school_.application_id,
                                             school_.site.organisation_id, id, false);
  ASSERT_TRUE(suspended.ok());
  EXPECT_FALSE(suspended->enabled);
  EXPECT_FALSE(store_->GetClient(id)->enabled);
  EXPECT_EQ(LastAudit().action, "client.disable");
  auto resumed = service_.SetClientEnabled(caller_, school_.application_id,
                                           school_.site.organisation_id, id, true);
  ASSERT_TRUE(resumed.ok());
  EXPECT_TRUE(store_->GetClient(id)->enabled);
  EXPECT_EQ(LastAudit().action, "client.enable");
}

}  // namespace
}  // namespace muster::partner
