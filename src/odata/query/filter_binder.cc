#include "odata/query/filter_binder.h"

#include <string>
#include <utility>

#include "odata/query/internal/convert.h"
#include "odata/query/internal/errors.h"
#include "odata/query/internal/lookup.h"
#include "odata/query/query.h"

namespace muster::odata::query {
namespace {

constexpr char kOption[] = "$filter";

bool IsCaseFunction(const Node& n) {
  return n.kind == NodeKind::kFunction &&
         (n.function == Function::kToLower || n.function == Function::kToUpper);
}
bool IsOperandLike(const Node& n) { return n.kind == NodeKind::kProperty || IsCaseFunction(n); }
bool IsCondition(const Node& n) {
  return n.kind == NodeKind::kAnd || n.kind == NodeKind::kOr || n.kind == NodeKind::kNot ||
         n.kind == NodeKind::kCompare || (n.kind == NodeKind::kFunction && !IsCaseFunction(n));
}
bool IsOrdering(CompareOp op) { return op != CompareOp::kEq && op != CompareOp::kNe; }

CompareOp Mirror(CompareOp op) {
  switch (op) {
    case CompareOp::kGt:
      return CompareOp::kLt;
    case CompareOp::kGe:
      return CompareOp::kLe;
    case CompareOp::kLt:
      return CompareOp::kGt;
    case CompareOp::kLe:
      return CompareOp::kGe;
    default:
      return op;
  }
}

Node LiteralNode(size_t pos, Literal literal) {
  return Node{.kind = NodeKind::kLiteral, .pos = pos, .literal = std::move(literal)};
}

Node Wrap(NodeKind kind, size_t pos, Node child) {
  Node node{.kind = kind, .pos = pos};
  node.children.push_back(std::move(child));
  return node;
}

// The parser guarantees these; BindFilter is public, so a hand-built tree is checked too.
bool HasValidArity(const Node& n) {
  switch (n.kind) {
    case NodeKind::kAnd:
    case NodeKind::kOr:
      return !n.children.empty();
    case NodeKind::kNot:
      return n.children.size() == 1;
    case NodeKind::kCompare:
      return n.children.size() == 2;
    case NodeKind::kFunction:
      return n.children.size() == (IsCaseFunction(n) ? 1u : 2u);
    default:
      return true;
  }
}

struct Operand {
  Node node;
  const PropertySpec* spec = nullptr;
};

class Binder {
 public:
  explicit Binder(const EntityCatalog& catalog) : catalog_(catalog) {}

  Result<Node> Condition(const Node& n) {
    if (!HasValidArity(n)) return Fail(kInvalidFilter, n.pos, "malformed expression");
    switch (n.kind) {
      case NodeKind::kAnd:
      case NodeKind::kOr:
      case NodeKind::kNot: {
        Node out{.kind = n.kind, .pos = n.pos};
        for (const Node& child : n.children) {
          MUSTER_ASSIGN_OR_RETURN(Node bound, Condition(child));
          out.children.push_back(std::move(bound));
        }
        return out;
      }
      case NodeKind::kCompare:
        return Compare(n);
      case NodeKind::kFunction:
        if (!IsCaseFunction(n)) return StringFunction(n);
        break;
      case NodeKind::kProperty:
        return BooleanProperty(n);
      case NodeKind::kLiteral:
        break;
    }
    return Fail(kInvalidFilter, n.pos,
                std::string("expected a condition (a comparison, contains(...), ...), found ") +
                    Describe(n));
  }

 private:
  Error Fail(const char* reason, size_t pos, std::string_view what) const {
    return internal::PositionError(reason, kOption, pos, what);
  }
  // `error` came without a position: put `pos` in front of its message.
  Error At(size_t pos, const Error& error) const {
    return Fail(error.reason.c_str(), pos, error.message);
  }
  static std::string Describe(const Node& n) {
    switch (n.kind) {
      case NodeKind::kLiteral: {
        const std::string kind = LiteralKindName(n.literal.kind);
        return (kind.front() == 'E' || kind.front() == 'e' ? "an " : "a ") + kind + " literal";
      }
      case NodeKind::kProperty:
        return "property '" + n.path + "'";
      case NodeKind::kFunction:
        return std::string(FunctionName(n.function)) + "(...)";
      default:
        return "a condition";
    }
  }

  Result<Operand> BindOperand(const Node& n) {
    if (n.kind == NodeKind::kProperty) {
      auto spec = internal::LookUpProperty(catalog_, n.path, internal::Use::kFilter);
      if (!spec.ok()) return At(n.pos, spec.error());
      return Operand{Node{.kind = NodeKind::kProperty, .pos = n.pos, .path = (*spec)->name}, *spec};
    }
    if (IsCaseFunction(n) && n.children.size() == 1 && n.children[0].kind == NodeKind::kProperty) {
      MUSTER_ASSIGN_OR_RETURN(Operand inner, BindOperand(n.children[0]));
      if (inner.spec->type != PropertyType::kString) {
        return Fail(kInvalidFilter, n.pos,
                    std::string(FunctionName(n.function)) + " needs an Edm.String property, '" +
                        inner.spec->name + "' is " + PropertyTypeName(inner.spec->type));
      }
      Node wrapped = Wrap(NodeKind::kFunction, n.pos, std::move(inner.node));
      wrapped.function = n.function;
      return Operand{std::move(wrapped), inner.spec};
    }
    return Fail(kInvalidFilter, n.pos, std::string("expected a property, found ") + Describe(n));
  }

  Result<Node> BooleanProperty(const Node& n) {
    MUSTER_ASSIGN_OR_RETURN(Operand operand, BindOperand(n));
    if (operand.spec->type != PropertyType::kBool) {
      return Fail(kInvalidFilter, n.pos,
                  "property '" + operand.spec->name + "' is not Edm.Boolean; compare it, e.g. " +
                      operand.spec->name + " eq ...");
    }
    Node out{.kind = NodeKind::kCompare, .pos = n.pos, .op = CompareOp::kEq};
    out.children.push_back(std::move(operand.node));
    out.children.push_back(LiteralNode(n.pos, Literal{.kind = LiteralKind::kBool, .integer = 1}));
    return out;
  }

  // `cond eq true`, `false ne cond`, ...: the condition itself or its negation.
  Result<Node> ConditionVersusBool(const Node& n, const Node& cond, const Node& literal) {
    if (IsOrdering(n.op)) {
      return Fail(kInvalidFilter, n.pos,
                  std::string("a condition can only be compared with eq or ne, not ") +
                      CompareOpName(n.op));
    }
    MUSTER_ASSIGN_OR_RETURN(Node bound, Condition(cond));
    const bool keep = (literal.literal.integer != 0) == (n.op == CompareOp::kEq);
    return keep ? std::move(bound) : Wrap(NodeKind::kNot, n.pos, std::move(bound));
  }

  Result<Node> Compare(const Node& n) {
    const Node* left = &n.children[0];
    const Node* right = &n.children[1];
    const auto is_bool_literal = [](const Node* x) {
      return x->kind == NodeKind::kLiteral && x->literal.kind == LiteralKind::kBool;
    };
    if (IsCondition(*left) && is_bool_literal(right)) return ConditionVersusBool(n, *left, *right);
    if (IsCondition(*right) && is_bool_literal(left)) return ConditionVersusBool(n, *right, *left);
    CompareOp op = n.op;
    if (left->kind == NodeKind::kLiteral && right->kind != NodeKind::kLiteral) {
      std::swap(left, right);
      op = Mirror(op);
    }
    if (!IsOperandLike(*left) || right->kind != NodeKind::kLiteral) {
      const bool two_literals = left->kind == NodeKind::kLiteral;
      return Fail(kInvalidFilter, n.pos,
                  two_literals ? "a comparison needs a property on one side"
                               : std::string("'") + CompareOpName(op) +
                                     "' compares a property with a literal, found " +
                                     Describe(*left) + " and " + Describe(*right));
    }
    MUSTER_ASSIGN_OR_RETURN(Operand operand, BindOperand(*left));
    const PropertySpec& spec = *operand.spec;
    auto literal = internal::ConvertLiteral(spec, right->literal);
    if (!literal.ok()) return At(right->pos, literal.error());
    if (literal->kind == LiteralKind::kNull && IsOrdering(op)) {
      return Fail(kInvalidFilter, right->pos, "null can only be compared with eq or ne");
    }
    if (IsOrdering(op) && (spec.type == PropertyType::kBool || spec.type == PropertyType::kGuid ||
                           spec.type == PropertyType::kEnum)) {
      return Fail(
          kInvalidFilter, n.pos,
          std::string("'") + CompareOpName(op) + "' does not apply to " +
              (spec.type == PropertyType::kEnum ? spec.enum_type : PropertyTypeName(spec.type)) +
              " property '" + spec.name + "'; use eq or ne");
    }
    Node out{.kind = NodeKind::kCompare, .pos = n.pos, .op = op};
    out.children.push_back(std::move(operand.node));
    out.children.push_back(LiteralNode(right->pos, std::move(literal).value()));
    return out;
  }

  Result<Node> StringFunction(const Node& n) {
    Function function = n.function;
    const Node* subject = &n.children[0];
    const Node* text = &n.children[1];
    if (function == Function::kSubstringOf) {  // v3: substringof('x', P) = contains(P, 'x')
      function = Function::kContains;
      std::swap(subject, text);
    }
    const std::string name = FunctionName(n.function);
    if (!IsOperandLike(*subject)) {
      return Fail(kInvalidFilter, subject->pos,
                  name + " expects a property here, found " + Describe(*subject));
    }
    MUSTER_ASSIGN_OR_RETURN(Operand operand, BindOperand(*subject));
    if (operand.spec->type != PropertyType::kString) {
      return Fail(kInvalidFilter, subject->pos,
                  name + " needs an Edm.String property, '" + operand.spec->name + "' is " +
                      PropertyTypeName(operand.spec->type));
    }
    if (text->kind != NodeKind::kLiteral || text->literal.kind != LiteralKind::kString) {
      return Fail(text->kind == NodeKind::kLiteral ? kInvalidLiteral : kInvalidFilter, text->pos,
                  name + " expects a string literal here ('...'), found " + Describe(*text));
    }
    Node out{.kind = NodeKind::kFunction, .pos = n.pos, .function = function};
    out.children.push_back(std::move(operand.node));
    out.children.push_back(LiteralNode(text->pos, text->literal));
    return out;
  }

  const EntityCatalog& catalog_;
};

}  // namespace

Result<Node> BindFilter(const Node& syntax, const EntityCatalog& catalog) {
  return Binder(catalog).Condition(syntax);
}

Result<Node> ParseFilter(std::string_view text, const EntityCatalog& catalog,
                         const FilterLimits& limits) {
  MUSTER_ASSIGN_OR_RETURN(const Node syntax, ParseFilterSyntax(text, limits));
  return BindFilter(syntax, catalog);
}

}  // namespace muster::odata::query
