#include "core/json_writer.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace muster {
namespace {

TEST(JsonWriter, WritesNestedValues) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject().Member("a", "x").Key("b").BeginArray().Int(1).Int(-2).EndArray();
  w.Member("c", true).Key("d").Null().Key("e").BeginObject().EndObject().EndObject();
  EXPECT_EQ(out, R"({"a":"x","b":[1,-2],"c":true,"d":null,"e":{}})");
}

// The escaper skips plain text eight bytes at a time: every byte that must be escaped is
// caught at every offset within and across those blocks, and UTF-8 and DEL pass through.
TEST(JsonWriter, EscapesEveryByteAtEveryOffset) {
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
      char buf[8];
      if (c == '"') {
        out += "\\\"";
      } else if (c == '\\') {
        out += "\\\\";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\b') {
        out += "\\b";
      } else if (c == '\f') {
        out += "\\f";
      } else if (c < 0x20) {
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out.push_back(static_cast<char>(c));
      }
    }
    return out + "\"";
  };
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t length = 1; length <= 19; ++length) {
      for (size_t at = 0; at < length; ++at) {
        std::string s(length, 'a');
        s[at] = static_cast<char>(byte);
        if (length > 12) s[length - 1] = '"';  // a second one later in the string
        std::string out;
        AppendJsonString(out, s);
        ASSERT_EQ(out, reference(s)) << "byte " << byte << " at " << at << " of " << length;
      }
    }
  }
  std::string out;
  AppendJsonString(out, "Zo\xc3\xab \x7f Bront\xc3\xab-O'Brien <b>");
  EXPECT_EQ(out, "\"Zo\xc3\xab \x7f Bront\xc3\xab-O'Brien <b>\"");
}

TEST(JsonWriter, EscapesStrings) {
  std::string out;
  AppendJsonString(out, std::string("q\"b\\n\n\x01", 7));
  EXPECT_EQ(out, R"("q\"b\\n\n\u0001")");
}

}  // namespace
}  // namespace muster
