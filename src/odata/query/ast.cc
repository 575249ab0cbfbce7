#include "odata/query/ast.h"

namespace muster::odata::query {
namespace {

std::string QuoteText(const std::string& text) {
  std::string out(1, '\'');
  for (char c : text) {
    out.push_back(c);
    if (c == '\'') out.push_back('\'');
  }
  out.push_back('\'');
  return out;
}

std::string LiteralString(const Literal& literal) {
  switch (literal.kind) {
    case LiteralKind::kNull:
      return "null";
    case LiteralKind::kBool:
      return literal.integer != 0 ? "true" : "false";
    case LiteralKind::kInt:
      return std::to_string(literal.integer);
    case LiteralKind::kDecimal:
      return literal.text;
    case LiteralKind::kString:
      return QuoteText(literal.text);
    case LiteralKind::kGuid:
      return "guid" + QuoteText(literal.text);
    case LiteralKind::kDate:
      return "date" + QuoteText(literal.text);
    case LiteralKind::kDateTimeOffset:
      return std::string("dto'") + std::to_string(literal.integer) + "'";
    case LiteralKind::kEnum:
      return literal.enum_type + QuoteText(literal.text);
  }
  return "?";
}

}  // namespace

const char* CompareOpName(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "eq";
    case CompareOp::kNe:
      return "ne";
    case CompareOp::kGt:
      return "gt";
    case CompareOp::kGe:
      return "ge";
    case CompareOp::kLt:
      return "lt";
    case CompareOp::kLe:
      return "le";
  }
  return "?";
}

const char* FunctionName(Function function) {
  switch (function) {
    case Function::kContains:
      return "contains";
    case Function::kStartsWith:
      return "startswith";
    case Function::kEndsWith:
      return "endswith";
    case Function::kToLower:
      return "tolower";
    case Function::kToUpper:
      return "toupper";
    case Function::kSubstringOf:
      return "substringof";
  }
  return "?";
}

const char* LiteralKindName(LiteralKind kind) {
  switch (kind) {
    case LiteralKind::kNull:
      return "null";
    case LiteralKind::kBool:
      return "Edm.Boolean";
    case LiteralKind::kInt:
      return "Edm.Int64";
    case LiteralKind::kDecimal:
      return "Edm.Decimal";
    case LiteralKind::kString:
      return "Edm.String";
    case LiteralKind::kGuid:
      return "Edm.Guid";
    case LiteralKind::kDate:
      return "Edm.Date";
    case LiteralKind::kDateTimeOffset:
      return "Edm.DateTimeOffset";
    case LiteralKind::kEnum:
      return "enum";
  }
  return "?";
}

std::string DebugString(const Node& node) {
  const char* head = nullptr;
  switch (node.kind) {
    case NodeKind::kProperty:
      return node.path;
    case NodeKind::kLiteral:
      return LiteralString(node.literal);
    case NodeKind::kAnd:
      head = "and";
      break;
    case NodeKind::kOr:
      head = "or";
      break;
    case NodeKind::kNot:
      head = "not";
      break;
    case NodeKind::kCompare:
      head = CompareOpName(node.op);
      break;
    case NodeKind::kFunction:
      head = FunctionName(node.function);
      break;
  }
  // Built with append: g++ 12 -O3 reports a false -Wmaybe-uninitialized on `out = head`.
  std::string out;
  out.append(head == nullptr ? "?" : head).push_back('(');
  for (size_t i = 0; i < node.children.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append(DebugString(node.children[i]));
  }
  out.push_back(')');
  return out;
}

}  // namespace muster::odata::query
