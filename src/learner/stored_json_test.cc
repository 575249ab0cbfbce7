#include "learner/stored_json.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace muster::learner {
namespace {

constexpr CivilDate kToday{2026, 11, 25};

Person Ada() {
  return Person{.external_id = "AAAAAAAA-0000-4000-8000-000000000001",
                .forename = "Ada",
                .surname = "Love\"lace",
                .middle_names = "Augusta, Byron",
                .preferred_forename = "Ada",
                .preferred_surname = "Love\"lace",
                .gender = Gender::kFemale,
                .date_of_birth = "2014-03-02",
                .upn = "A123456789012",
                .on_roll_state = "Current",
                .year_group = GroupRef{"Y-ID", "Year 7", GroupType::kYearGroup},
                .registration_group = GroupRef{"F-ID", "Oak", GroupType::kPrimaryClass}};
}

std::string Object(EntitySet set, std::vector<std::string> select, const std::string& stored) {
  std::string out;
  EXPECT_TRUE(StoredJsonWriter(set, select, kToday).AppendObject(out, stored));
  return out;
}

TEST(StoredJsonTest, APersonalsRowIsTheWholeRecordWithItsAge) {
  EXPECT_EQ(Object(EntitySet::kLearnerPersonals, {}, StorePerson(Ada())),
            "{\"ExternalID\":\"AAAAAAAA-0000-4000-8000-000000000001\",\"Forename\":\"Ada\","
            "\"Surname\":\"Love\\\"lace\",\"MiddleNames\":\"Augusta, Byron\","
            "\"PreferredForename\":\"Ada\",\"PreferredSurname\":\"Love\\\"lace\","
            "\"GenderCategory\":\"Female\",\"DateOfBirth\":\"2014-03-02\",\"AgeMonths\":152,"
            "\"OnRollState\":\"Current\",\"UPN\":\"A123456789012\","
            "\"CurrentYearGroup\":{\"Description\":\"Year 7\",\"ExternalID\":\"Y-ID\","
            "\"Type\":\"PastoralGroup.Definition.YearGroup\"},"
            "\"CurrentRegistrationGroup\":{\"Description\":\"Oak\",\"ExternalID\":\"F-ID\","
            "\"Type\":\"PastoralGroup.Definition.PrimaryClass\"},"
            "\"CurrentPrimaryClass\":{\"Description\":\"Oak\",\"ExternalID\":\"F-ID\","
            "\"Type\":\"PastoralGroup.Definition.PrimaryClass\"},\"CurrentHouse\":null}");
}

TEST(StoredJsonTest, AnIdentifiersRowAddsTheNullsARosterDoesNotHold) {
  Person p = Ada();
  p.date_of_birth = "";
  p.registration_group->type = GroupType::kRegistrationGroup;
  EXPECT_EQ(Object(EntitySet::kLearnerIdentifiers, {}, StorePerson(p)),
            "{\"ExternalID\":\"AAAAAAAA-0000-4000-8000-000000000001\",\"Forename\":\"Ada\","
            "\"Surname\":\"Love\\\"lace\",\"GenderCategory\":\"Female\",\"AgeMonths\":null,"
            "\"DoNotCommunicate\":null,\"OnRollState\":\"Current\",\"DateOfApplication\":null,"
            "\"Photograph\":null,"
            "\"CurrentYearGroup\":{\"Description\":\"Year 7\",\"ExternalID\":\"Y-ID\","
            "\"Type\":\"PastoralGroup.Definition.YearGroup\"},"
            "\"CurrentRegistrationGroup\":{\"Description\":\"Oak\",\"ExternalID\":\"F-ID\","
            "\"Type\":\"PastoralGroup.Definition.RegistrationGroup\"},"
            "\"CurrentPrimaryClass\":null,\"CurrentHouse\":null}");
}

TEST(StoredJsonTest, SelectKeepsCatalogOrderAndTheKey) {
  const std::string stored = StorePerson(Ada());
  EXPECT_EQ(Object(EntitySet::kLearnerPersonals, {"CurrentHouse", "UPN", "AgeMonths"}, stored),
            "{\"ExternalID\":\"AAAAAAAA-0000-4000-8000-000000000001\",\"AgeMonths\":152,"
            "\"UPN\":\"A123456789012\",\"CurrentHouse\":null}");
  EXPECT_EQ(Object(EntitySet::kLearnerIdentifiers, {"Photograph", "Surname"}, stored),
            "{\"ExternalID\":\"AAAAAAAA-0000-4000-8000-000000000001\","
            "\"Surname\":\"Love\\\"lace\",\"Photograph\":null}");
  EXPECT_EQ(Object(EntitySet::kLearnerPersonals, {"ExternalID"}, stored),
            "{\"ExternalID\":\"AAAAAAAA-0000-4000-8000-000000000001\"}");
}

TEST(StoredJsonTest, AgeMonthsIsNullForABirthAfterToday) {
  Person p = Ada();
  p.date_of_birth = "2027-01-01";
  EXPECT_EQ(Object(EntitySet::kLearnerIdentifiers, {"AgeMonths"}, StorePerson(p)),
            "{\"ExternalID\":\"AAAAAAAA-0000-4000-8000-000000000001\",\"AgeMonths\":null}");
}

TEST(StoredJsonTest, GroupsCarryTheirODataTypeFirst) {
  const std::string stored = StoreGroup(Group{.external_id = "G1",
                                              .type = GroupType::kHouse,
                                              .short_name = "Oak",
                                              .full_name = "Oak House",
                                              .display_order = 3});
  EXPECT_EQ(Object(EntitySet::kLearnerGroups, {}, stored),
            "{\"@odata.type\":\"#SIMS.House\",\"ExternalID\":\"G1\",\"GroupType\":\"House\","
            "\"ShortName\":\"Oak\",\"FullName\":\"Oak House\",\"DisplayOrder\":3}");
  EXPECT_EQ(Object(EntitySet::kLearnerGroups, {"DisplayOrder"}, stored),
            "{\"@odata.type\":\"#SIMS.House\",\"ExternalID\":\"G1\",\"DisplayOrder\":3}");
}

TEST(StoredJsonTest, AMalformedRowWritesNothing) {
  const std::string person = StorePerson(Ada());
  const StoredJsonWriter writer(EntitySet::kLearnerPersonals, {}, kToday);
  std::string out = "[";
  std::string corrupt = person;
  corrupt[29] = '\x7f';  // OnRollState (member 8) starts past the end of the text
  for (const std::string& bad :
       {std::string(), person.substr(0, 20), corrupt, StoreGroup(Group{.external_id = "G"})}) {
    EXPECT_FALSE(writer.AppendObject(out, bad));
    EXPECT_EQ(out, "[");
  }
  EXPECT_TRUE(writer.AppendObject(out, person));
}

}  // namespace
}  // namespace muster::learner
