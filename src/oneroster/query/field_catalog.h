#pragma once

// FieldCatalog: the per-endpoint allow-list that query parsing and SQL compilation check every
// request-supplied field name against. It maps a OneRoster field name to the SQL expression
// that holds it and says how the field may be used. Column expressions come from trusted code
// (the store's catalog definitions), never from a request.
// Immutable after Create(); safe to share between threads.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace muster::oneroster::query {

enum class FieldType {
  kString,    // text; all operators, `~` = case-insensitive contains
  kEnum,      // text with known values; a value matching one case-insensitively is normalised
  kInteger,   // INTEGER column; value must be a base-10 int64
  kNumber,    // REAL / NUMERIC column; value must be a finite decimal number
  kBoolean,   // INTEGER 0/1 (or BOOLEAN) column; value 'true' / 'false'; only = and !=
  kDate,      // TEXT 'YYYY-MM-DD' column; value a date or timestamp (its UTC date)
  kDateTime,  // INTEGER Unix-milliseconds column; value a date (00:00Z) or ISO 8601 instant
};

const char* FieldTypeName(FieldType type);

// Written with designated initializers; every member has a default, so
//   {.name = "role", .column = "u.role", .type = FieldType::kEnum, .enum_values = {...}}
// compiles cleanly under -Wextra.
struct FieldSpec {
  std::string name = {};    // OneRoster name, exact case: "dateLastModified", "metadata.ukUpn"
  std::string column = {};  // SQL expression: "u.date_last_modified_ms"; empty if select-only
  FieldType type = FieldType::kString;
  bool filterable = true;
  bool sortable = true;
  bool selectable = true;                     // may be named in `fields`
  std::vector<std::string> enum_values = {};  // kEnum only: canonical spellings
};

class FieldCatalog {
 public:
  // Validates the definitions and reports every problem at once (a misconfiguration fails at
  // startup): empty or duplicate names, names outside [A-Za-z0-9_.], a filterable/sortable
  // field without a column, a column containing ';' or '?', enum values on a non-enum field,
  // and a key that is missing or not sortable.
  static Result<FieldCatalog> Create(std::vector<FieldSpec> fields,
                                     std::string key_field = "sourcedId");

  // Exact-case lookup; nullptr if absent.
  const FieldSpec* Find(std::string_view name) const;
  // Case-insensitive lookup, only for "did you mean" hints in error messages.
  const FieldSpec* FindIgnoringCase(std::string_view name) const;
  // The key column (sourcedId): the default order and the tiebreaker of every sort.
  const FieldSpec& key() const { return fields_[key_index_]; }
  const std::vector<FieldSpec>& fields() const { return fields_; }

 private:
  FieldCatalog(std::vector<FieldSpec> fields, size_t key_index);

  std::vector<FieldSpec> fields_;
  std::vector<size_t> by_name_;  // indices into fields_, sorted by name (copy-safe)
  size_t key_index_ = 0;
};

}  // namespace muster::oneroster::query
