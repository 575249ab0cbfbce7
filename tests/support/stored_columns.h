#pragma once

// Reading pages of stored learner JSON (learner/stored_json.h) in tests: each row written as
// the DeX API writes it, then one member of every row, as text. Header-only.

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

#include "learner/learner_store.h"
#include "learner/stored_json.h"

namespace muster::testing {

// `path` is a member name or "Lookup/Member" ("CurrentYearGroup/ExternalID"). Strings as
// they are, integers in decimal, null or absent as "", a malformed row as "<malformed>".
inline std::vector<std::string> StoredColumn(const learner::StoredPage& page,
                                             learner::EntitySet set, std::string_view path) {
  const learner::StoredJsonWriter writer(set, {}, {2026, 11, 25});
  std::vector<std::string> out;
  for (size_t i = 0; i < page.rows.size(); ++i) {
    std::string json;
    rapidjson::Document d;
    if (!writer.AppendObject(json, page.rows[i]) || d.Parse(json.c_str()).HasParseError()) {
      out.push_back("<malformed>");
      continue;
    }
    const rapidjson::Value* v = &d;
    size_t pos = 0;
    while (v != nullptr && pos <= path.size()) {
      size_t end = path.find('/', pos);
      if (end == std::string_view::npos) end = path.size();
      const std::string name(path.substr(pos, end - pos));
      v = v->IsObject() && v->HasMember(name.c_str()) ? &(*v)[name.c_str()] : nullptr;
      pos = end + 1;
    }
    if (v != nullptr && v->IsString()) {
      out.emplace_back(v->GetString(), v->GetStringLength());
    } else if (v != nullptr && v->IsInt64()) {
      out.push_back(std::to_string(v->GetInt64()));
    } else {
      out.emplace_back();
    }
  }
  return out;
}

}  // namespace muster::testing
