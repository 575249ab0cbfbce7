#include "odata/query/entity_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "odata/query/internal/test_catalog.h"

namespace muster::odata::query {
namespace {

using ::testing::HasSubstr;

TEST(EntityCatalogTest, FindsExactNamesOnly) {
  const EntityCatalog& catalog = internal::TestCatalog();
  ASSERT_NE(catalog.FindProperty("CurrentYearGroup/ExternalID"), nullptr);
  EXPECT_EQ(catalog.FindProperty("CurrentYearGroup/ExternalID")->column, "yg.external_id");
  EXPECT_EQ(catalog.FindProperty("surname"), nullptr);
  EXPECT_EQ(catalog.FindProperty(""), nullptr);
  EXPECT_EQ(catalog.FindProperty("CurrentYearGroup"), nullptr);
  ASSERT_NE(catalog.FindNavigation("CurrentYearGroup"), nullptr);
  EXPECT_EQ(catalog.FindNavigation("Surname"), nullptr);
  EXPECT_EQ(catalog.SuggestName("surname"), "Surname");
  EXPECT_EQ(catalog.SuggestName("currentyeargroup"), "CurrentYearGroup");
  EXPECT_EQ(catalog.SuggestName("zzz"), "");
  EXPECT_EQ(catalog.key().name, "ExternalID");
}

TEST(EntityCatalogTest, CopiesAreIndependent) {
  EntityCatalog copy = internal::TestCatalog();
  for (const auto& spec : internal::TestCatalog().properties()) {
    ASSERT_NE(copy.FindProperty(spec.name), nullptr) << spec.name;
    EXPECT_EQ(copy.FindProperty(spec.name)->column, spec.column);
  }
  EXPECT_EQ(&copy.key(), copy.FindProperty("ExternalID"));
}

TEST(EntityCatalogTest, ReportsEveryProblemAtOnce) {
  using enum PropertyType;
  auto catalog = EntityCatalog::Create(
      {
          {.name = "Id", .column = "t.id", .type = kGuid},
          {.name = "Id", .column = "t.id2"},
          {.name = "", .column = "t.x"},
          {.name = "bad name", .column = "t.y"},
          {.name = "A//B", .column = "t.z"},
          {.name = "NoColumn"},
          {.name = "Evil", .column = "t.a; DROP TABLE t"},
          {.name = "Qmark", .column = "t.a = ?"},
          {.name = "Dollar", .column = "t.a = $1"},
          {.name = "NotEnum", .column = "t.b", .enum_values = {"x"}},
          {.name = "BareEnum", .column = "t.c", .type = kEnum, .enum_type = "GroupType"},
          {.name = "BadMember",
           .column = "t.d",
           .type = kEnum,
           .enum_type = "SIMS.E",
           .enum_values = {"A", "a", "has space"}},
          {.name = "Useless",
           .column = "t.e",
           .filterable = false,
           .sortable = false,
           .selectable = false},
          {.name = "Ghost/Id", .column = "g.id", .selectable = false},
          {.name = "Many/Id", .column = "m.id", .selectable = false},
          {.name = "One/Id", .column = "o.id"},
      },
      {{.name = "Many", .collection = true}, {.name = "One"}, {.name = "One"}, {.name = "x.y"}},
      "Missing");
  ASSERT_FALSE(catalog.ok());
  EXPECT_EQ(catalog.error().code, ErrorCode::kInternal);
  const std::string& all = catalog.error().internal;
  for (const char* want : {
           "property 'Id' is defined twice",
           "a property has an empty name",
           "property 'bad name': name must be identifiers",
           "property 'A//B': name must be identifiers",
           "property 'NoColumn': filterable or sortable but has no column",
           "property 'Evil': column must not contain",
           "property 'Qmark': column must not contain",
           "property 'Dollar': column must not contain",
           "property 'NotEnum': enum_type or enum_values on a non-enum property",
           "property 'BareEnum': enum_type must be a qualified name",
           "property 'BareEnum': an enum property needs enum_values",
           "property 'BadMember': enum value 'a' repeats",
           "property 'BadMember': enum value 'has space' is not an identifier",
           "property 'Useless': neither filterable, sortable nor selectable",
           "property 'Ghost/Id': 'Ghost' is not a single-valued navigation property",
           "property 'Many/Id': 'Many' is not a single-valued navigation property",
           "property 'One/Id': a path cannot be selectable",
           "navigation 'One': name is defined twice",
           "navigation 'x.y': name must be an identifier",
           "key 'Missing' is not a property",
       }) {
    EXPECT_THAT(all, HasSubstr(want));
  }
}

TEST(EntityCatalogTest, KeyMustBeAFilterableSortableTopLevelProperty) {
  auto unsortable =
      EntityCatalog::Create({{.name = "ExternalID", .column = "t.id", .sortable = false}});
  ASSERT_FALSE(unsortable.ok());
  EXPECT_THAT(unsortable.error().internal, HasSubstr("must be a filterable, sortable, top-level"));
  auto path_key = EntityCatalog::Create({{.name = "Nav/Id", .column = "n.id", .selectable = false}},
                                        {{.name = "Nav"}}, "Nav/Id");
  EXPECT_FALSE(path_key.ok());
  auto custom_key = EntityCatalog::Create({{.name = "Code", .column = "t.code"}}, {}, "Code");
  ASSERT_TRUE(custom_key.ok());
  EXPECT_EQ(custom_key->key().column, "t.code");
}

}  // namespace
}  // namespace muster::odata::query
