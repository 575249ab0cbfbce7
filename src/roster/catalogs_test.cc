#include "roster/catalogs.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "oneroster/query/query_parser.h"
#include "oneroster/query/sql_compiler.h"
#include "roster/collections.h"
#include "roster/json.h"

namespace muster::roster {
namespace {

using oneroster::query::CompileQuery;
using oneroster::query::ParseCollectionQuery;
using oneroster::query::SqliteDialect;

constexpr Entity kEntities[] = {
    Entity::kOrg,  Entity::kAcademicSession, Entity::kCourse,       Entity::kClass,
    Entity::kUser, Entity::kEnrollment,      Entity::kDemographics, Entity::kResource};

// The top-level members the serializer emits for an entity (from a record with every
// optional member set).
std::set<std::string> Members(Entity entity) {
  std::string body;
  switch (entity) {
    case Entity::kOrg:
      body = SerializeBody(Org{.metadata = {{"k", "v"}}, .parent_id = "p"});
      break;
    case Entity::kAcademicSession:
      body = SerializeBody(AcademicSession{.metadata = {{"k", "v"}}, .parent_id = "p"});
      break;
    case Entity::kCourse:
      body = SerializeBody(Course{.metadata = {{"k", "v"}}, .school_year_id = "y", .org_id = "o"});
      break;
    case Entity::kClass:
      body = SerializeBody(Class{.metadata = {{"k", "v"}}, .course_id = "c", .school_id = "s"});
      break;
    case Entity::kUser:
      body = SerializeBody(User{.metadata = {{"k", "v"}}});
      break;
    case Entity::kEnrollment:
      body = SerializeBody(Enrollment{.metadata = {{"k", "v"}},
                                      .user_id = "u",
                                      .class_id = "c",
                                      .school_id = "s",
                                      .primary = true,
                                      .begin_date = "2026-09-01",
                                      .end_date = "2027-07-20"});
      break;
    case Entity::kDemographics: {
      Demographics d{.metadata = {{"k", "v"}}, .birth_date = "2013-01-01", .sex = Sex::kMale};
      d.american_indian_or_alaska_native = d.asian = d.black_or_african_american =
          d.native_hawaiian_or_other_pacific_islander = d.white =
              d.demographic_race_two_or_more_races = d.hispanic_or_latino_ethnicity = false;
      body = SerializeBody(d);
      break;
    }
    case Entity::kResource:
      body = SerializeBody(Resource{.metadata = {{"k", "v"}}, .importance = Importance::kPrimary});
      break;
  }
  const std::string json = ObjectJson(StoredObject{.sourced_id = "x", .body = body}, "h");
  std::set<std::string> keys;
  // Top-level keys: each "key": at depth 1.
  int depth = 0;
  bool in_string = false;
  std::string current;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
        if (depth == 1 && i + 1 < json.size() && json[i + 1] == ':') keys.insert(current);
      } else {
        current.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      current.clear();
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return keys;
}

TEST(RosterCatalogsTest, EveryEmittedMemberIsSelectableAndNothingElse) {
  for (Entity entity : kEntities) {
    const auto& catalog = CatalogFor(entity);
    std::set<std::string> selectable;
    for (const auto& f : catalog.fields()) {
      if (f.selectable) selectable.insert(f.name);
    }
    EXPECT_EQ(selectable, Members(entity)) << CollectionKey(entity);
  }
}

TEST(RosterCatalogsTest, EveryFilterableFieldCompilesAgainstItsAlias) {
  const char* aliases[] = {"o.", "a.", "co.", "c.", "u.", "e.", "d.", "r."};
  for (Entity entity : kEntities) {
    const auto& catalog = CatalogFor(entity);
    EXPECT_EQ(catalog.key().name, "sourcedId");
    for (const auto& f : catalog.fields()) {
      if (!f.filterable) continue;
      EXPECT_EQ(f.column.rfind(aliases[static_cast<int>(entity)], 0), 0u) << f.column;
    }
  }
}

TEST(RosterCatalogsTest, SpecExamplesParse) {
  struct Case {
    Entity entity;
    const char* filter;
  };
  const Case cases[] = {
      {Entity::kUser, "role='student' AND dateLastModified>'2020-01-01T01:00:00.000Z'"},
      {Entity::kUser, "username='stud1' OR email~'stud1'"},
      {Entity::kUser, "metadata.uk.upn='A801200005001'"},
      {Entity::kUser, "orgs.sourcedId~'ABC'"},
      {Entity::kAcademicSession, "schoolYear='2024' AND status='active'"},
      {Entity::kEnrollment, "role='student'"},
      {Entity::kEnrollment, "class.sourcedId='x' AND primary='true'"},
      {Entity::kClass, "sourcedId='abc'"},
      {Entity::kClass, "title='norecords'"},
      {Entity::kCourse, "org.sourcedId='x'"},
      {Entity::kOrg, "type='school'"},
      {Entity::kDemographics, "sex='female' AND birthDate<'2014-01-01'"},
      {Entity::kResource, "vendorResourceId='dlm-ks3'"},
  };
  for (const Case& c : cases) {
    auto q = ParseCollectionQuery({{"filter", c.filter}}, CatalogFor(c.entity));
    ASSERT_TRUE(q.ok()) << c.filter << ": " << q.error().message;
    auto compiled = CompileQuery(*q, CatalogFor(c.entity), SqliteDialect());
    EXPECT_TRUE(compiled.ok()) << c.filter;
  }
  auto bad = ParseCollectionQuery({{"filter", "password='x'"}}, CatalogFor(Entity::kUser));
  EXPECT_FALSE(bad.ok());
}

TEST(RosterCollectionsTest, FortyFiveOperations) {
  EXPECT_EQ(AllObjectKinds().size(), 13u);
  EXPECT_EQ(AllListings().size(), 32u);
  std::set<std::string> ops;
  for (const auto& o : AllObjectKinds()) ops.insert(o.operation_id);
  for (const auto& l : AllListings()) ops.insert(l.operation_id);
  EXPECT_EQ(ops.size(), 45u);
  for (const auto& l : AllListings()) EXPECT_EQ(&Describe(l.listing), &l);
  for (const auto& o : AllObjectKinds()) EXPECT_EQ(&Describe(o.kind), &o);
  EXPECT_EQ(Describe(Listing::kGradingPeriods).entity, Entity::kAcademicSession);
  EXPECT_EQ(CollectionKey(Entity::kAcademicSession), "academicSessions");
  EXPECT_EQ(ObjectKey(Entity::kDemographics), "demographics");
}

TEST(RosterCollectionsTest, LifecycleFilters) {
  const auto& users = CatalogFor(Entity::kUser);
  auto mentions = [&](const char* filter) {
    auto q = ParseCollectionQuery({{"filter", filter}}, users);
    EXPECT_TRUE(q.ok()) << filter;
    return MentionsLifecycle(*q);
  };
  EXPECT_TRUE(mentions("dateLastModified>'2024-01-01'"));
  EXPECT_TRUE(mentions("role='student' AND status='active'"));
  EXPECT_FALSE(mentions("role='student'"));
  auto none = ParseCollectionQuery({}, users);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(MentionsLifecycle(*none));
}

}  // namespace
}  // namespace muster::roster
