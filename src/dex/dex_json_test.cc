#include "dex/dex_json.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "learner/stored_json.h"
#include "odata/query/query_parser.h"

namespace muster::dex {
namespace {

using learner::EntitySet;
using learner::GroupType;

constexpr char kRoot[] = "https://h/dex/Learner/odata/v3";

learner::Person Ada() {
  return learner::Person{
      .external_id = "AAAAAAAA-0000-4000-8000-000000000001",
      .forename = "Ada",
      .surname = "Lovelace",
      .preferred_forename = "Ada",
      .preferred_surname = "Lovelace",
      .gender = learner::Gender::kFemale,
      .date_of_birth = "2014-03-02",
      .upn = "A123456789012",
      .on_roll_state = "Current",
      .year_group = learner::GroupRef{"Y-ID", "Year 7", GroupType::kYearGroup},
      .registration_group = learner::GroupRef{"F-ID", "Oak", GroupType::kPrimaryClass}};
}

odata::query::Query Parse(EntitySet set, const FormFields& params) {
  auto q = odata::query::ParseQuery(params, learner::CatalogFor(set));
  EXPECT_TRUE(q.ok());
  return q.ok() ? *q : odata::query::Query{};
}

TEST(DexJsonTest, ACollectionPageWithCountAndNextLink) {
  learner::StoredPage page{.more = true, .total = 41};
  page.rows.Add(learner::StorePerson(Ada()));
  auto json = LearnersJson(kRoot, EntitySet::kLearnerPersonals,
                           Parse(EntitySet::kLearnerPersonals, {{"$count", "true"}}), page,
                           {2026, 11, 25}, "https://h/next");
  ASSERT_TRUE(json.ok());
  rapidjson::Document d;
  d.Parse(json->c_str());
  ASSERT_FALSE(d.HasParseError()) << *json;
  EXPECT_STREQ(d["@odata.context"].GetString(),
               "https://h/dex/Learner/odata/v3/$metadata#LearnerPersonals");
  EXPECT_EQ(d["@odata.count"].GetInt(), 41);
  EXPECT_STREQ(d["@odata.nextLink"].GetString(), "https://h/next");
  const auto& ada = d["value"][0];
  EXPECT_STREQ(ada["ExternalID"].GetString(), "AAAAAAAA-0000-4000-8000-000000000001");
  EXPECT_STREQ(ada["GenderCategory"].GetString(), "Female");
  EXPECT_STREQ(ada["DateOfBirth"].GetString(), "2014-03-02");
  EXPECT_EQ(ada["AgeMonths"].GetInt(), 152);  // 12 years 8 months
  EXPECT_STREQ(ada["UPN"].GetString(), "A123456789012");
  EXPECT_STREQ(ada["CurrentYearGroup"]["Description"].GetString(), "Year 7");
  EXPECT_STREQ(ada["CurrentYearGroup"]["Type"].GetString(), "PastoralGroup.Definition.YearGroup");
  EXPECT_STREQ(ada["CurrentPrimaryClass"]["ExternalID"].GetString(), "F-ID");
  EXPECT_STREQ(ada["CurrentRegistrationGroup"]["Type"].GetString(),
               "PastoralGroup.Definition.PrimaryClass");
  EXPECT_TRUE(ada["CurrentHouse"].IsNull());
}

TEST(DexJsonTest, SelectNarrowsTheEntityAndTheContext) {
  const std::string json = LearnerJson(
      kRoot, EntitySet::kLearnerIdentifiers,
      Parse(EntitySet::kLearnerIdentifiers, {{"$select", "Surname,CurrentHouse,Photograph"}}),
      Ada(), {2026, 11, 25});
  EXPECT_EQ(json,
            "{\"@odata.context\":\"https://h/dex/Learner/odata/v3/$metadata#LearnerIdentifiers("
            "Surname,CurrentHouse,Photograph)/$entity\",\"ExternalID\":\"AAAAAAAA-0000-4000-8000-"
            "000000000001\",\"Surname\":\"Lovelace\",\"Photograph\":null,\"CurrentHouse\":null}");
  // The browse set never carries the date of birth or the UPN.
  const std::string all =
      LearnerJson(kRoot, EntitySet::kLearnerIdentifiers, Parse(EntitySet::kLearnerIdentifiers, {}),
                  Ada(), {2026, 11, 25});
  EXPECT_EQ(all.find("2014-03-02"), std::string::npos);
  EXPECT_EQ(all.find("UPN"), std::string::npos);
}

TEST(DexJsonTest, GroupsArePolymorphic) {
  learner::StoredPage page;
  page.rows.Add(learner::StoreGroup({.external_id = "G1",
                                     .type = GroupType::kYearGroup,
                                     .short_name = "Year 5",
                                     .full_name = "Year 5",
                                     .display_order = 8}));
  auto json = GroupsJson(kRoot, Parse(EntitySet::kLearnerGroups, {}), page, "");
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(*json,
            "{\"@odata.context\":\"https://h/dex/Learner/odata/v3/$metadata#LearnerGroups\","
            "\"value\":[{\"@odata.type\":\"#SIMS.YearGroup\",\"ExternalID\":\"G1\",\"GroupType\":"
            "\"YearGroup\",\"ShortName\":\"Year 5\",\"FullName\":\"Year 5\",\"DisplayOrder\":8}]}");
}

TEST(DexJsonTest, AnEmptyPageAndAMalformedRow) {
  learner::StoredPage page;
  const auto query = Parse(EntitySet::kLearnerIdentifiers, {{"$select", "Surname"}});
  auto empty = LearnersJson(kRoot, EntitySet::kLearnerIdentifiers, query, page, {2026, 11, 25}, "");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty,
            "{\"@odata.context\":\"https://h/dex/Learner/odata/v3/$metadata#LearnerIdentifiers("
            "Surname)\",\"value\":[]}");
  page.rows.Add("not a stored row");
  auto bad = LearnersJson(kRoot, EntitySet::kLearnerIdentifiers, query, page, {2026, 11, 25}, "");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace muster::dex
