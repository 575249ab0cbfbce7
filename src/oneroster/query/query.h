#pragma once

// The parsed form of a OneRoster 1.1 collection request's query parameters (oneroster.md §1.6):
// paging, sort, field selection and filter, plus the warnings a 200 response must carry in its
// `statusInfoSet`. Plain values: copyable, no references into the request or the catalog.
// Field names are the catalog's (OneRoster) names, already validated against it.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace muster::oneroster::query {

// OneRoster codeMinor values used by this layer (oneroster.md §1.8). They go into Error::reason
// and Warning::code_minor, and the HTTP edge copies them into imsx_codeMinorFieldValue.
inline constexpr char kInvalidFilterField[] = "invalid_filter_field";
inline constexpr char kInvalidSelectionField[] = "invalid_selection_field";
inline constexpr char kInvalidSortField[] = "invalid_sort_field";
inline constexpr char kInvalidData[] = "invaliddata";

// A partial-success note for the 1.1 `statusInfoSet` (severity "warning").
struct Warning {
  std::string code_minor;   // e.g. kInvalidSortField
  std::string description;  // human readable, safe to show the client

  bool operator==(const Warning&) const = default;
};

enum class CompareOp { kEq, kNe, kGt, kGe, kLt, kLe, kContains };
enum class LogicalOp { kAnd, kOr };
enum class SortDirection { kAsc, kDesc };

// "=", "!=", ">", ">=", "<", "<=", "~"
const char* CompareOpText(CompareOp op);

// A filter value, already converted to the field's type (see FieldType in field_catalog.h):
// string for kString/kEnum, "YYYY-MM-DD" string for kDate, Unix milliseconds for kDateTime,
// int64_t for kInteger, double for kNumber, bool for kBoolean. For kContains the string is the
// raw substring (no LIKE escaping yet; the SQL compiler adds it).
using FilterValue = std::variant<std::string, int64_t, double, bool>;

// One `field op 'value'` clause.
struct Predicate {
  std::string field;
  CompareOp op = CompareOp::kEq;
  FilterValue value;

  bool operator==(const Predicate&) const = default;
};

// One clause, or two joined by a single AND/OR (the 1.1 grammar allows at most one).
struct Filter {
  std::vector<Predicate> clauses;  // 1 or 2
  LogicalOp logical = LogicalOp::kAnd;

  bool operator==(const Filter&) const = default;
};

struct Query {
  int64_t limit = 100;
  int64_t offset = 0;
  bool limit_clamped = false;  // the request asked for more than QueryOptions::max_limit

  // The validated sort field; nullopt = the catalog's key (default order).
  std::optional<std::string> sort_field;
  SortDirection direction = SortDirection::kAsc;

  // Selected fields in request order, without duplicates; empty = every field.
  std::vector<std::string> fields;

  std::optional<Filter> filter;

  std::vector<Warning> warnings;
};

}  // namespace muster::oneroster::query
