// The learner store contract: what the projection holds after roster writes, tenancy, OData
// pages, group members and provisioning pages.

#include <gmock/gmock.h>

#include <algorithm>
#include <span>

#include "learner/contract/learner_store_contract.h"
#include "odata/query/query_parser.h"

namespace muster::learner::contract {
namespace {

using ::testing::ElementsAre;

TEST_P(LearnerStoreContract, PupilsWithTheirLookupsAndNobodyElse) {
  School a = SeedSchool(site_a_, "a");
  auto page = learners().ListLearners({site_a_}, Compile(EntitySet::kLearnerPersonals));
  ASSERT_TRUE(page.ok());
  std::vector<std::string> surnames = Surnames(*page);
  std::sort(surnames.begin(), surnames.end());
  EXPECT_EQ(surnames, (std::vector<std::string>{"Adams", "Brown", "Clark"}));
  EXPECT_FALSE(page->more);
  auto ada = learners().GetLearner({site_a_}, a.Id("stu1"));
  ASSERT_TRUE(ada.ok());
  EXPECT_EQ(ada->gender, Gender::kFemale);
  EXPECT_EQ(ada->date_of_birth, "2014-03-02");
  EXPECT_EQ(ada->upn, "A123456789012");
  ASSERT_TRUE(ada->year_group && ada->registration_group && ada->house);
  EXPECT_EQ(ada->year_group->name, "Year 7");
  EXPECT_EQ(ada->registration_group->name, "7A");
  EXPECT_EQ(ada->registration_group->external_id, a.Id("form"));
  EXPECT_EQ(ada->registration_group->type, GroupType::kRegistrationGroup);
  EXPECT_EQ(ada->house->name, "Red");
  auto clark = learners().GetLearner({site_a_}, a.Id("stu3"));
  ASSERT_TRUE(clark.ok());
  EXPECT_FALSE(clark->registration_group.has_value());
  EXPECT_EQ(clark->gender, Gender::kUnknown);
  for (const char* not_a_pupil : {"tea1", "ta1", "gua1"}) {
    auto r = learners().GetLearner({site_a_}, a.Id(not_a_pupil));
    ASSERT_FALSE(r.ok()) << not_a_pupil;
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  }
}

TEST_P(LearnerStoreContract, AnotherSitesRowsDoNotExist) {
  School a = SeedSchool(site_a_, "a");
  SeedSchool(site_b_, "b");
  const std::string form_a = a.Id("form");
  for (auto result :
       {learners().GetLearner({site_b_}, a.Id("stu1")).ok(),
        learners().GetGroup({site_b_}, form_a).ok(),
        learners()
            .ListGroupMembers({site_b_}, form_a, Compile(EntitySet::kLearnerIdentifiers))
            .ok()}) {
    EXPECT_FALSE(result);
  }
  auto members =
      learners().ListGroupMembers({site_b_}, form_a, Compile(EntitySet::kLearnerIdentifiers));
  ASSERT_FALSE(members.ok());
  EXPECT_EQ(members.error().code, ErrorCode::kNotFound);
  // A filter naming site A's ids finds nothing at site B.
  auto filtered = learners().ListLearners(
      {site_b_},
      Compile(EntitySet::kLearnerPersonals,
              {{"$filter", "ExternalID eq " + a.Id("stu1") +
                               " or CurrentRegistrationGroup/ExternalID eq " + form_a}}));
  ASSERT_TRUE(filtered.ok());
  EXPECT_TRUE(filtered->rows.empty());
  // Year groups and houses of the same name are different groups at each site.
  EXPECT_NE(GroupId(site_a_, "Year 7"), GroupId(site_b_, "Year 7"));
  auto people = learners().ListPeople({site_b_}, {.limit = 100});
  ASSERT_TRUE(people.ok());
  for (const auto& item : people->items) EXPECT_EQ(item.person.site_id, site_b_);
}

TEST_P(LearnerStoreContract, FiltersOrdersPagesAndCounts) {
  SeedSchool(site_a_, "a");
  SeedSchool(site_b_, "b");
  const std::string year7 = GroupId(site_a_, "Year 7");
  auto page = learners().ListLearners(
      {site_a_}, Compile(EntitySet::kLearnerIdentifiers,
                         {{"$filter", "CurrentYearGroup/ExternalID eq " + year7},
                          {"$orderby", "Surname desc"},
                          {"$count", "true"}}));
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(Surnames(*page), ElementsAre("Brown", "Adams"));
  EXPECT_EQ(page->total, 2);
  auto first = learners().ListLearners(
      {site_a_}, Compile(EntitySet::kLearnerPersonals,
                         {{"$orderby", "Surname"}, {"$top", "2"}, {"$count", "true"}}));
  ASSERT_TRUE(first.ok());
  EXPECT_THAT(Surnames(*first), ElementsAre("Adams", "Brown"));
  EXPECT_TRUE(first->more);
  EXPECT_EQ(first->total, 3);
  auto last = learners().ListLearners(
      {site_a_}, Compile(EntitySet::kLearnerPersonals, {{"$orderby", "Surname"}, {"$skip", "2"}}));
  ASSERT_TRUE(last.ok());
  EXPECT_THAT(Surnames(*last), ElementsAre("Clark"));
  EXPECT_FALSE(last->more);
  auto groups = learners().ListGroups(
      {site_a_},
      Compile(EntitySet::kLearnerGroups, {{"$filter", "GroupType eq SIMS.GroupTypeEnum'House'"},
                                          {"$orderby", "DisplayOrder"}}));
  ASSERT_TRUE(groups.ok());
  EXPECT_THAT(muster::testing::StoredColumn(*groups, EntitySet::kLearnerGroups, "FullName"),
              ElementsAre("Blue", "Red"));
  EXPECT_THAT(muster::testing::StoredColumn(*groups, EntitySet::kLearnerGroups, "DisplayOrder"),
              ElementsAre("1", "2"));
}

TEST_P(LearnerStoreContract, MembersOfEachKindOfGroup) {
  School a = SeedSchool(site_a_, "a");
  auto members = [&](const std::string& group_id) {
    auto page = learners().ListGroupMembers(
        {site_a_}, group_id, Compile(EntitySet::kLearnerIdentifiers, {{"$orderby", "Surname"}}));
    EXPECT_TRUE(page.ok());
    return page.ok() ? Surnames(*page) : std::vector<std::string>{"<error>"};
  };
  EXPECT_THAT(members(GroupId(site_a_, "Year 7")), ElementsAre("Adams", "Brown"));
  EXPECT_THAT(members(GroupId(site_a_, "Year 8")), ElementsAre("Clark"));
  EXPECT_THAT(members(a.Id("form")), ElementsAre("Adams", "Brown"));
  EXPECT_THAT(members(GroupId(site_a_, "Red")), ElementsAre("Adams", "Clark"));
  EXPECT_THAT(members(a.Id("maths")), ElementsAre("Adams", "Clark"));  // students only
  auto unknown = learners().ListGroupMembers({site_a_}, a.Id("nothing"),
                                             Compile(EntitySet::kLearnerIdentifiers));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_P(LearnerStoreContract, TheProjectionFollowsRosterWrites) {
  School a = SeedSchool(site_a_, "a");
  roster::User renamed{.site_id = site_a_,
                       .sourced_id = a.Id("stu2"),
                       .username = "astu2",
                       .given_name = "Pupil",
                       .family_name = "Browning",
                       .role = roster::Role::kStudent};
  renamed.metadata = {{"uk.yearGroup", "Y8"}};
  ASSERT_TRUE(roster().PutUsers(std::span(&renamed, 1)).ok());
  auto brown = learners().GetLearner({site_a_}, a.Id("stu2"));
  ASSERT_TRUE(brown.ok());
  EXPECT_EQ(brown->surname, "Browning");
  EXPECT_EQ(brown->year_group->name, "Year 8");
  EXPECT_EQ(brown->registration_group->name, "7A");  // from the homeroom enrollment now
  EXPECT_EQ(brown->date_of_birth, "2013-10-20");
  // The page's stored rows follow too.
  auto page = learners().ListLearners(
      {site_a_}, Compile(EntitySet::kLearnerPersonals, {{"$filter", "Surname eq 'Browning'"}}));
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(muster::testing::StoredColumn(*page, EntitySet::kLearnerPersonals,
                                            "CurrentYearGroup/Description"),
              ElementsAre("Year 8"));

  // A total asked for again (a backend may remember it) follows a write too.
  auto total = [&] {
    auto counted = learners().ListLearners(
        {site_a_}, Compile(EntitySet::kLearnerIdentifiers, {{"$count", "true"}, {"$top", "1"}}));
    EXPECT_TRUE(counted.ok());
    return counted.ok() ? counted->total : -1;
  };
  EXPECT_EQ(total(), 3);
  EXPECT_EQ(total(), 3);

  const std::string ids[] = {a.Id("stu1")};
  ASSERT_TRUE(roster().Tombstone({site_a_}, roster::Entity::kUser, ids).ok());
  EXPECT_EQ(learners().GetLearner({site_a_}, a.Id("stu1")).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(total(), 2);

  // A failed transaction leaves the projection as it was.
  Status failed = roster().InTransaction([&]() -> Status {
    MUSTER_RETURN_IF_ERROR(roster().DeleteSiteRoster({site_a_}));
    return MakeError(ErrorCode::kInternal, "", "rollback");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_TRUE(learners().GetLearner({site_a_}, a.Id("stu2")).ok());

  ASSERT_TRUE(roster().DeleteSiteRoster({site_a_}).ok());
  auto none = learners().ListGroups({site_a_}, Compile(EntitySet::kLearnerGroups));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->rows.empty());
}

TEST_P(LearnerStoreContract, PeoplePagesForProvisioning) {
  School a = SeedSchool(site_a_, "a");
  auto all = learners().ListPeople({site_a_}, {.limit = 100});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 5);  // three pupils, a teacher and an aide; no guardian
  ASSERT_EQ(all->items.size(), 5u);
  EXPECT_TRUE(std::is_sorted(all->items.begin(), all->items.end(), [](auto& x, auto& y) {
    return x.person.external_id < y.person.external_id;
  }));
  for (const PersonWithGroups& item : all->items) {
    std::vector<std::string> names;
    for (const GroupRef& g : item.groups) names.push_back(g.name);
    if (item.person.user_sourced_id == a.Id("stu1")) {
      EXPECT_THAT(names, ElementsAre("Year 7", "7A", "Red", "Year 7 Maths Set 1"));
    } else if (item.person.user_sourced_id == a.Id("tea1")) {
      EXPECT_THAT(names, ElementsAre("Year 7 Maths Set 1"));
      EXPECT_EQ(item.person.role, PersonRole::kTeacher);
    } else if (item.person.user_sourced_id == a.Id("ta1")) {
      EXPECT_TRUE(names.empty());
      EXPECT_EQ(item.person.role, PersonRole::kStaff);
    }
  }
  auto pupils =
      learners().ListPeople({site_a_}, {.limit = 2, .offset = 1, .role = PersonRole::kStudent});
  ASSERT_TRUE(pupils.ok());
  EXPECT_EQ(pupils->total, 3);
  ASSERT_EQ(pupils->items.size(), 2u);
  for (const auto& item : pupils->items) EXPECT_EQ(item.person.role, PersonRole::kStudent);
}

TEST_P(LearnerStoreContract, RefusesAQueryCompiledForAnotherPlaceholderBase) {
  auto query = odata::query::ParseQuery({{"$filter", "Surname eq 'x'"}},
                                        CatalogFor(EntitySet::kLearnerPersonals));
  ASSERT_TRUE(query.ok());
  auto compiled = odata::query::CompileQuery(*query, CatalogFor(EntitySet::kLearnerPersonals),
                                             learners().ODataDialect(), 2);
  ASSERT_TRUE(compiled.ok());
  auto page = learners().ListLearners({site_a_}, *compiled);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace muster::learner::contract
