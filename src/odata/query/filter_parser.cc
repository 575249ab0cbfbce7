#include "odata/query/filter_parser.h"

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "odata/query/internal/errors.h"
#include "odata/query/internal/lexer.h"
#include "odata/query/internal/text.h"
#include "odata/query/query.h"

namespace muster::odata::query {
namespace {

using internal::EqualsIgnoreCase;
using internal::Token;
using internal::TokenKind;

constexpr char kOption[] = "$filter";

std::optional<CompareOp> CompareOpFromName(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, CompareOp>, 6> kOps = {{
      {"eq", CompareOp::kEq},
      {"ne", CompareOp::kNe},
      {"gt", CompareOp::kGt},
      {"ge", CompareOp::kGe},
      {"lt", CompareOp::kLt},
      {"le", CompareOp::kLe},
  }};
  for (const auto& [name, op] : kOps) {
    if (EqualsIgnoreCase(word, name)) return op;
  }
  return std::nullopt;
}

std::optional<Function> FunctionFromName(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, Function>, 6> kFunctions = {{
      {"contains", Function::kContains},
      {"startswith", Function::kStartsWith},
      {"endswith", Function::kEndsWith},
      {"substringof", Function::kSubstringOf},
      {"tolower", Function::kToLower},
      {"toupper", Function::kToUpper},
  }};
  for (const auto& [name, function] : kFunctions) {
    if (EqualsIgnoreCase(word, name)) return function;
  }
  return std::nullopt;
}

bool IsUnsupportedOperator(std::string_view word) {
  for (std::string_view op : {"has", "in", "add", "sub", "mul", "div", "divby", "mod"}) {
    if (EqualsIgnoreCase(word, op)) return true;
  }
  return false;
}

bool IsReservedWord(std::string_view word) {
  return EqualsIgnoreCase(word, "and") || EqualsIgnoreCase(word, "or") ||
         EqualsIgnoreCase(word, "not") || CompareOpFromName(word) || IsUnsupportedOperator(word);
}

size_t Arity(Function function) {
  return function == Function::kToLower || function == Function::kToUpper ? 1 : 2;
}

class FilterParser {
 public:
  FilterParser(std::string_view text, int max_depth) : lexer_(text), max_depth_(max_depth) {}

  Result<Node> Parse() {
    MUSTER_RETURN_IF_ERROR(Advance());
    MUSTER_ASSIGN_OR_RETURN(Node root, ParseLogical(0, NodeKind::kOr));
    if (tok_.kind != TokenKind::kEnd) {
      return Unexpected(tok_.kind == TokenKind::kRParen ? "no '(' to match this ')'"
                                                        : "expected 'and', 'or' or the end");
    }
    return root;
  }

 private:
  Status Advance() {
    MUSTER_ASSIGN_OR_RETURN(tok_, lexer_.Next());
    return OkStatus();
  }
  bool AtWord(std::string_view word) const {
    return tok_.kind == TokenKind::kIdentifier && EqualsIgnoreCase(tok_.text, word);
  }
  Error Fail(size_t pos, std::string_view what, const char* reason = kInvalidFilter) const {
    return internal::PositionError(reason, kOption, pos, what);
  }
  Error Unexpected(std::string_view expected) const {
    if (tok_.kind == TokenKind::kEnd) {
      return Fail(tok_.pos, std::string(expected) + ", found the end of $filter");
    }
    return Fail(tok_.pos,
                std::string(expected) + ", found '" + internal::Echo(tok_.text, 24) + "'");
  }
  Status Deeper(int depth, size_t pos) const {
    if (depth + 1 > max_depth_) {
      return Fail(pos,
                  std::string("nested more than ") + std::to_string(max_depth_) + " levels deep");
    }
    return OkStatus();
  }

  // or := and { "or" and };  and := comparison { "and" comparison }. Flattened n-ary.
  Result<Node> ParseLogical(int depth, NodeKind kind) {
    const bool is_or = kind == NodeKind::kOr;
    const char* word = is_or ? "or" : "and";
    MUSTER_ASSIGN_OR_RETURN(Node first,
                            is_or ? ParseLogical(depth, NodeKind::kAnd) : ParseComparison(depth));
    if (!AtWord(word)) return first;
    Node node{.kind = kind, .pos = first.pos};
    node.children.push_back(std::move(first));
    while (AtWord(word)) {
      MUSTER_RETURN_IF_ERROR(Advance());
      MUSTER_ASSIGN_OR_RETURN(Node next,
                              is_or ? ParseLogical(depth, NodeKind::kAnd) : ParseComparison(depth));
      node.children.push_back(std::move(next));
    }
    return node;
  }

  Result<Node> ParseComparison(int depth) {
    MUSTER_ASSIGN_OR_RETURN(Node left, ParseUnary(depth));
    if (tok_.kind != TokenKind::kIdentifier) return left;
    const auto op = CompareOpFromName(tok_.text);
    if (!op) {
      if (IsUnsupportedOperator(tok_.text)) {
        return Fail(tok_.pos,
                    std::string("operator '") + internal::Echo(tok_.text) + "' is not supported");
      }
      return left;
    }
    MUSTER_RETURN_IF_ERROR(Advance());
    MUSTER_ASSIGN_OR_RETURN(Node right, ParseUnary(depth));
    Node node{.kind = NodeKind::kCompare, .pos = left.pos, .op = *op};
    node.children.push_back(std::move(left));
    node.children.push_back(std::move(right));
    return node;
  }

  Result<Node> ParseUnary(int depth) {
    if (!AtWord("not")) return ParsePrimary(depth);
    const size_t pos = tok_.pos;
    MUSTER_RETURN_IF_ERROR(Deeper(depth, pos));
    MUSTER_RETURN_IF_ERROR(Advance());
    MUSTER_ASSIGN_OR_RETURN(Node operand, ParseUnary(depth + 1));
    Node node{.kind = NodeKind::kNot, .pos = pos};
    node.children.push_back(std::move(operand));
    return node;
  }

  Result<Node> ParsePrimary(int depth) {
    const size_t pos = tok_.pos;
    switch (tok_.kind) {
      case TokenKind::kLParen: {
        MUSTER_RETURN_IF_ERROR(Deeper(depth, pos));
        MUSTER_RETURN_IF_ERROR(Advance());
        MUSTER_ASSIGN_OR_RETURN(Node inner, ParseLogical(depth + 1, NodeKind::kOr));
        if (tok_.kind != TokenKind::kRParen) return Unexpected("expected ')' or 'and'/'or'");
        MUSTER_RETURN_IF_ERROR(Advance());
        return inner;
      }
      case TokenKind::kLiteral: {
        Node node{.kind = NodeKind::kLiteral, .pos = pos, .literal = std::move(tok_.literal)};
        MUSTER_RETURN_IF_ERROR(Advance());
        return node;
      }
      case TokenKind::kIdentifier:
        if (!IsReservedWord(tok_.text)) return ParseNameOrCall(depth);
        break;
      default:
        break;
    }
    return Unexpected("expected a property, a literal, '(' or a function");
  }

  Result<Node> ParseNameOrCall(int depth) {
    const size_t pos = tok_.pos;
    const std::string_view name = tok_.text;
    MUSTER_RETURN_IF_ERROR(Advance());
    if (tok_.kind == TokenKind::kLParen) return ParseCall(name, pos, depth);
    if (!internal::IsIdentifier(name)) {
      return Fail(pos, std::string("unexpected qualified name '") + internal::Echo(name) +
                           "' (an enum literal is written Namespace.EnumType'Member')");
    }
    Node node{.kind = NodeKind::kProperty, .pos = pos, .path = std::string(name)};
    while (tok_.kind == TokenKind::kSlash) {
      MUSTER_RETURN_IF_ERROR(Advance());
      if (tok_.kind != TokenKind::kIdentifier || !internal::IsIdentifier(tok_.text)) {
        return Unexpected("expected a property name after '/'");
      }
      node.path.append("/").append(tok_.text);
      const size_t segment_pos = tok_.pos;
      MUSTER_RETURN_IF_ERROR(Advance());
      if (tok_.kind == TokenKind::kLParen) {
        return Fail(segment_pos,
                    std::string("lambda operators and bound functions (any, all, ...) ") +
                        "are not supported");
      }
    }
    return node;
  }

  Result<Node> ParseCall(std::string_view name, size_t pos, int depth) {
    const auto function = FunctionFromName(name);
    if (!function) {
      return Fail(pos, std::string("unsupported function '") + internal::Echo(name) +
                           "' (supported: contains, startswith, endswith, substringof, " +
                           "tolower, toupper)");
    }
    MUSTER_RETURN_IF_ERROR(Deeper(depth, pos));
    MUSTER_RETURN_IF_ERROR(Advance());  // past '('
    Node node{.kind = NodeKind::kFunction, .pos = pos, .function = *function};
    while (tok_.kind != TokenKind::kRParen) {
      if (!node.children.empty()) {
        if (tok_.kind != TokenKind::kComma) return Unexpected("expected ',' or ')'");
        MUSTER_RETURN_IF_ERROR(Advance());
      }
      MUSTER_ASSIGN_OR_RETURN(Node arg, ParseLogical(depth + 1, NodeKind::kOr));
      node.children.push_back(std::move(arg));
    }
    MUSTER_RETURN_IF_ERROR(Advance());  // past ')'
    const size_t want = Arity(*function);
    if (node.children.size() != want) {
      return Fail(pos, std::string(FunctionName(*function)) + " takes " + std::to_string(want) +
                           (want == 1 ? " argument" : " arguments") + ", got " +
                           std::to_string(node.children.size()));
    }
    return node;
  }

  internal::Lexer lexer_;
  const int max_depth_;
  Token tok_;
};

}  // namespace

Result<Node> ParseFilterSyntax(std::string_view text, const FilterLimits& limits) {
  if (text.size() > limits.max_length) {
    return internal::QueryError(kInvalidFilter, std::string("$filter is longer than ") +
                                                    std::to_string(limits.max_length) + " bytes");
  }
  if (!internal::IsCleanUtf8(text)) {
    return internal::QueryError(kInvalidFilter, "$filter is not valid UTF-8 or contains NUL");
  }
  if (internal::Trim(text).empty()) return internal::QueryError(kInvalidFilter, "$filter is empty");
  return FilterParser(text, limits.max_depth).Parse();
}

}  // namespace muster::odata::query
