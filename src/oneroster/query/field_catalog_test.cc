#include "oneroster/query/field_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "oneroster/query/internal/test_catalog.h"

namespace muster::oneroster::query {
namespace {

using ::testing::HasSubstr;

TEST(FieldCatalogTest, FindsExactNamesOnly) {
  const FieldCatalog& catalog = internal::TestCatalog();
  ASSERT_NE(catalog.Find("dateLastModified"), nullptr);
  EXPECT_EQ(catalog.Find("dateLastModified")->column, "u.date_last_modified_ms");
  EXPECT_EQ(catalog.Find("datelastmodified"), nullptr);
  EXPECT_EQ(catalog.Find(""), nullptr);
  EXPECT_EQ(catalog.Find("zzz"), nullptr);
  ASSERT_NE(catalog.FindIgnoringCase("datelastmodified"), nullptr);
  EXPECT_EQ(catalog.FindIgnoringCase("datelastmodified")->name, "dateLastModified");
  EXPECT_EQ(catalog.key().name, "sourcedId");
}

TEST(FieldCatalogTest, CopiesAreIndependent) {
  FieldCatalog copy = internal::TestCatalog();
  for (const auto& spec : internal::TestCatalog().fields()) {
    ASSERT_NE(copy.Find(spec.name), nullptr) << spec.name;
    EXPECT_EQ(copy.Find(spec.name)->column, spec.column);
  }
}

TEST(FieldCatalogTest, ReportsEveryProblemAtOnce) {
  auto catalog = FieldCatalog::Create({
      {.name = "id", .column = "t.id"},
      {.name = "id", .column = "t.id2"},
      {.name = "", .column = "t.x"},
      {.name = "bad name", .column = "t.y"},
      {.name = "a..b", .column = "t.z"},
      {.name = "noColumn"},
      {.name = "evil", .column = "t.a; DROP TABLE t"},
      {.name = "qmark", .column = "t.a = ?"},
      {.name = "notEnum", .column = "t.b", .enum_values = {"x"}},
      {.name = "useless",
       .column = "t.c",
       .filterable = false,
       .sortable = false,
       .selectable = false},
  });
  ASSERT_FALSE(catalog.ok());
  EXPECT_EQ(catalog.error().code, ErrorCode::kInternal);
  const std::string& all = catalog.error().internal;
  for (const char* want :
       {"field 'id' is defined twice", "a field has an empty name", "field 'bad name': name",
        "field 'a..b': name", "field 'noColumn': filterable or sortable but has no column",
        "field 'evil': column expression", "field 'qmark': column expression",
        "field 'notEnum': enum_values", "field 'useless': neither",
        "key field 'sourcedId' is not in the catalog"}) {
    EXPECT_THAT(all, HasSubstr(want));
  }
}

TEST(FieldCatalogTest, KeyMustBeSortable) {
  auto catalog = FieldCatalog::Create({{.name = "sourcedId", .column = "t.id", .sortable = false}});
  ASSERT_FALSE(catalog.ok());
  EXPECT_THAT(catalog.error().internal, HasSubstr("must be sortable"));
  auto custom_key = FieldCatalog::Create({{.name = "id", .column = "t.id"}}, "id");
  ASSERT_TRUE(custom_key.ok());
  EXPECT_EQ(custom_key->key().column, "t.id");
}

}  // namespace
}  // namespace muster::oneroster::query
