#pragma once

// StoredObject: one roster record as the store returns it for the wire. The base members
// (sourcedId, status, dateLastModified) are separate values, because a tombstone changes
// them without rewriting the rest; `body` is every other member, serialized once when the
// record was written (roster/json.h) in an internal form: JSON members without the
// surrounding braces, in which each GUIDRef is a compact marker the serializer expands (with
// the request's base URL) on the way out. Only roster/json.h reads or writes `body`.

#include <cstdint>
#include <string>
#include <string_view>

#include "roster/model.h"

namespace muster::roster {

struct StoredObject {
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  std::string body = {};
};

// A StoredObject as a list read streams it (RosterStore::Scan): the same members, borrowed
// from the store's row buffer and valid only during the visitor's call.
struct StoredObjectView {
  std::string_view sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  std::string_view body = {};
};

inline StoredObjectView ViewOf(const StoredObject& o) {
  return {o.sourced_id, o.status, o.date_last_modified_ms, o.body};
}

}  // namespace muster::roster
