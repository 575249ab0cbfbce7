#include "core/json_writer.h"

#include <gtest/gtest.h>

namespace muster {
namespace {

TEST(JsonWriter, WritesNestedValues) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Member("a", "x").Key("b").BeginArray().Int(1).Int(-2).EndArray();
  w.Member("c", true).Key("d").Null().Key("e").BeginObject().EndObject().EndObject();
  EXPECT_EQ(out, R"({"a":"x","b":[1,-2],"c":true,"d":null,"e":{}})");
}

TEST(JsonWriter, EscapesStrings) {
  std::string out;
  AppendJsonString(out, std::string("q\"b\\n\n\x01", 7));
  EXPECT_EQ(out, R"("q\"b\\n\n\u0001")");
}

}  // namespace
}  // namespace muster
