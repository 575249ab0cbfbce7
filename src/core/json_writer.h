#pragma once

// JsonWriter: a small streaming JSON writer that appends straight into a std::string.
// It is the hot-path serializer (token responses, list pages); it validates nothing about
// structure, so callers keep keys and values paired. Not thread-safe; one per response.

#include <cstdint>
#include <string>
#include <string_view>

namespace muster {

// Appends `s` to `out` as a JSON string literal (with quotes), escaping per RFC 8259.
void AppendJsonString(std::string& out, std::string_view s);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Appends already-serialized JSON as one value.
  JsonWriter& Raw(std::string_view json);

  // Shorthands for a member.
  JsonWriter& Member(std::string_view key, std::string_view value) {
    return Key(key).String(value);
  }
  JsonWriter& Member(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Member(std::string_view key, int64_t value) { return Key(key).Int(value); }
  JsonWriter& Member(std::string_view key, int value) { return Key(key).Int(value); }
  JsonWriter& Member(std::string_view key, bool value) { return Key(key).Bool(value); }

 private:
  JsonWriter& Open(char c);
  JsonWriter& Close(char c);
  void Separate();

  std::string& out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace muster
