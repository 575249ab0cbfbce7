#pragma once

// The syntax tree of an OData `$filter` (OData v4 ABNF subset, product.md §4.2). The parser
// (filter_parser.h) builds it from request text; the binder (filter_binder.h) checks it against
// an EntityCatalog and rewrites it into the small normal form the SQL compiler accepts.
// Plain values: copyable, no references into the request or the catalog.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace muster::odata::query {

enum class NodeKind {
  kAnd,       // children: 2 or more operands (flattened: a and b and c is one node)
  kOr,        // children: 2 or more operands
  kNot,       // children: 1 operand
  kCompare,   // children: left, right; `op`
  kFunction,  // children: the arguments; `function`
  kProperty,  // `path`: "Surname", "CurrentYearGroup/ExternalID"
  kLiteral,   // `literal`
};

enum class CompareOp { kEq, kNe, kGt, kGe, kLt, kLe };

enum class Function {
  kContains,     // contains(p, 's'); also the v3 alias substringof('s', p), rewritten
  kStartsWith,   // startswith(p, 's')
  kEndsWith,     // endswith(p, 's')
  kToLower,      // tolower(p): a string operand
  kToUpper,      // toupper(p): a string operand
  kSubstringOf,  // substringof('s', p): only between parsing and binding
};

enum class LiteralKind {
  kNull,
  kBool,            // integer: 0 or 1
  kInt,             // integer
  kDecimal,         // decimal; text keeps the spelling
  kString,          // text: the value, '' already unescaped
  kGuid,            // text: canonical upper case (core/uuid.h)
  kDate,            // text: "YYYY-MM-DD"
  kDateTimeOffset,  // integer: Unix milliseconds (UTC)
  kEnum,            // enum_type "SIMS.GroupTypeEnum", text the member ("YearGroup")
};

// Every member has a default, so designated initializers compile cleanly under -Wextra.
struct Literal {
  LiteralKind kind = LiteralKind::kNull;
  std::string text = {};
  std::string enum_type = {};
  int64_t integer = 0;
  double decimal = 0;
  bool operator==(const Literal&) const = default;
};

struct Node {
  NodeKind kind = NodeKind::kLiteral;
  size_t pos = 0;  // 0-based byte offset of the node's first token in the $filter text
  CompareOp op = CompareOp::kEq;
  Function function = Function::kContains;
  std::string path = {};
  Literal literal = {};
  std::vector<Node> children = {};
  bool operator==(const Node&) const = default;
};

// "eq", "ne", ... and "contains", "startswith", ...: the OData spellings.
const char* CompareOpName(CompareOp op);
const char* FunctionName(Function function);
// "null", "Edm.Boolean", "Edm.Int64", ...: for error messages.
const char* LiteralKindName(LiteralKind kind);

// A compact, deterministic rendering for tests and logs, e.g.
// `and(eq(Surname,'O''Neil'),contains(Forename,'a'))`. Literals are shown by kind:
// 42, 1.5, true, null, 'text', guid'…', date'…', dto'<ms>', SIMS.E'Member'.
std::string DebugString(const Node& node);

}  // namespace muster::odata::query
