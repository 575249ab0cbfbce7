#pragma once

// StoredObject: one roster record as the store returns it for the wire. The base members
// (sourcedId, status, dateLastModified) are separate values, because a tombstone changes
// them without rewriting the rest; `body` is every other member, serialized once when the
// record was written (roster/json.h) in an internal form: JSON members without the
// surrounding braces, in which each GUIDRef is a compact marker the serializer expands (with
// the request's base URL) on the way out. Only roster/json.h reads or writes `body`.

#include <cstdint>
#include <string>

#include "roster/model.h"

namespace muster::roster {

struct StoredObject {
  std::string sourced_id = {};
  RecordStatus status = RecordStatus::kActive;
  int64_t date_last_modified_ms = 0;
  std::string body = {};
};

}  // namespace muster::roster
