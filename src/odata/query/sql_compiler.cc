#include "odata/query/sql_compiler.h"

#include <utility>

namespace muster::odata::query {
namespace {

Error NotCompilable(std::string_view what) {
  return MakeError(ErrorCode::kInternal, "internal_server_error", "query compilation failed",
                   std::string(what));
}

const char* SqlOperator(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return " = ";
    case CompareOp::kNe:
      return " <> ";
    case CompareOp::kGt:
      return " > ";
    case CompareOp::kGe:
      return " >= ";
    case CompareOp::kLt:
      return " < ";
    case CompareOp::kLe:
      return " <= ";
  }
  return " = ";
}

SqlParam ToParam(const Literal& literal) {
  switch (literal.kind) {
    case LiteralKind::kInt:
    case LiteralKind::kDateTimeOffset:
      return literal.integer;
    case LiteralKind::kDecimal:
      return literal.decimal;
    case LiteralKind::kBool:
      return literal.integer != 0;
    case LiteralKind::kNull:
      return std::monostate();
    default:
      return literal.text;
  }
}

// True when the SQL for `n` is already one parenthesised unit.
bool Enclosed(const Node& n) {
  if (n.kind == NodeKind::kAnd || n.kind == NodeKind::kOr || n.kind == NodeKind::kNot) {
    return true;
  }
  return n.kind == NodeKind::kCompare && n.op == CompareOp::kNe && n.children.size() == 2 &&
         n.children[1].literal.kind != LiteralKind::kNull;
}

class Compiler {
 public:
  Compiler(const EntityCatalog& catalog, const Dialect& dialect, int first_placeholder,
           std::vector<SqlParam>& params)
      : catalog_(catalog), dialect_(dialect), next_(first_placeholder), params_(params) {}

  Status Condition(const Node& n, std::string& sql) {
    switch (n.kind) {
      case NodeKind::kAnd:
      case NodeKind::kOr:
        if (n.children.empty()) return NotCompilable("empty and/or");
        sql.push_back('(');
        for (size_t i = 0; i < n.children.size(); ++i) {
          if (i > 0) sql.append(n.kind == NodeKind::kAnd ? " AND " : " OR ");
          MUSTER_RETURN_IF_ERROR(Condition(n.children[i], sql));
        }
        sql.push_back(')');
        return OkStatus();
      case NodeKind::kNot: {
        if (n.children.size() != 1) return NotCompilable("not without one operand");
        const bool enclosed = Enclosed(n.children[0]);
        sql.append(enclosed ? "(" : "((");
        MUSTER_RETURN_IF_ERROR(Condition(n.children[0], sql));
        sql.append(enclosed ? " IS NOT TRUE)" : ") IS NOT TRUE)");
        return OkStatus();
      }
      case NodeKind::kCompare:
        return Compare(n, sql);
      case NodeKind::kFunction:
        return Like(n, sql);
      default:
        return NotCompilable("a property or literal where a condition belongs");
    }
  }

  int next() const { return next_; }

 private:
  // The column of a bound operand; `case_fn` gets the tolower/toupper wrapping it, if any.
  Result<std::string> Operand(const Node& n, const Function** case_fn) {
    const Node* property = &n;
    *case_fn = nullptr;
    if (n.kind == NodeKind::kFunction && n.children.size() == 1 &&
        (n.function == Function::kToLower || n.function == Function::kToUpper)) {
      *case_fn = &n.function;
      property = &n.children[0];
    }
    if (property->kind != NodeKind::kProperty) return NotCompilable("operand is not a property");
    const PropertySpec* spec = catalog_.FindProperty(property->path);
    if (spec == nullptr || !spec->filterable) {
      return NotCompilable("property '" + property->path + "' is not filterable here");
    }
    return spec->column;
  }

  Status Compare(const Node& n, std::string& sql) {
    if (n.children.size() != 2 || n.children[1].kind != NodeKind::kLiteral) {
      return NotCompilable("comparison is not [operand, literal]");
    }
    const Function* case_fn = nullptr;
    MUSTER_ASSIGN_OR_RETURN(std::string column, Operand(n.children[0], &case_fn));
    if (case_fn != nullptr) {
      column = (*case_fn == Function::kToLower ? "lower(" : "upper(") + column + ")";
    }
    const Literal& literal = n.children[1].literal;
    if (literal.kind == LiteralKind::kNull) {
      if (n.op != CompareOp::kEq && n.op != CompareOp::kNe) return NotCompilable("null ordering");
      sql.append(column).append(n.op == CompareOp::kEq ? " IS NULL" : " IS NOT NULL");
      return OkStatus();
    }
    const std::string placeholder = dialect_.Placeholder(next_++);
    params_.push_back(ToParam(literal));
    if (n.op == CompareOp::kNe) {  // two-valued: a null is not equal to any value
      sql.append("(").append(column).append(" <> ").append(placeholder);
      sql.append(" OR ").append(column).append(" IS NULL)");
    } else {
      sql.append(column).append(SqlOperator(n.op)).append(placeholder);
    }
    return OkStatus();
  }

  Status Like(const Node& n, std::string& sql) {
    if (n.function != Function::kContains && n.function != Function::kStartsWith &&
        n.function != Function::kEndsWith) {
      return NotCompilable("function is not a condition");
    }
    if (n.children.size() != 2 || n.children[1].kind != NodeKind::kLiteral ||
        n.children[1].literal.kind != LiteralKind::kString) {
      return NotCompilable("string function is not [operand, string]");
    }
    const Function* case_fn = nullptr;  // ignored: the match ignores case anyway
    MUSTER_ASSIGN_OR_RETURN(const std::string column, Operand(n.children[0], &case_fn));
    sql.append(dialect_.LikeIgnoringCase(column, dialect_.Placeholder(next_++)));
    params_.emplace_back(LikePattern(n.function, n.children[1].literal.text));
    return OkStatus();
  }

  const EntityCatalog& catalog_;
  const Dialect& dialect_;
  int next_;
  std::vector<SqlParam>& params_;
};

Status CompileOrder(const Query& query, const EntityCatalog& catalog, std::string& out) {
  const PropertySpec& key = catalog.key();
  bool key_listed = false;
  for (const OrderItem& item : query.orderby) {
    const PropertySpec* spec = catalog.FindProperty(item.path);
    if (spec == nullptr || !spec->sortable) {
      return NotCompilable("property '" + item.path + "' is not sortable here");
    }
    if (!out.empty()) out.append(", ");
    out.append(spec->column);
    if (spec == &key) {
      key_listed = true;
      out.append(item.descending ? " DESC" : " ASC");
    } else {
      out.append(item.descending ? " DESC NULLS LAST" : " ASC NULLS FIRST");
    }
  }
  if (!key_listed) out.append(out.empty() ? "" : ", ").append(key.column).append(" ASC");
  return OkStatus();
}

}  // namespace

std::string LikePattern(Function function, std::string_view text) {
  std::string pattern;
  pattern.reserve(text.size() + 8);
  if (function == Function::kContains || function == Function::kEndsWith) pattern.push_back('%');
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_') pattern.push_back('\\');
    pattern.push_back(c);
  }
  if (function == Function::kContains || function == Function::kStartsWith) {
    pattern.push_back('%');
  }
  return pattern;
}

Result<CompiledQuery> CompileQuery(const Query& query, const EntityCatalog& catalog,
                                   const Dialect& dialect, int first_placeholder) {
  CompiledQuery out;
  Compiler compiler(catalog, dialect, first_placeholder, out.params);
  if (query.filter) MUSTER_RETURN_IF_ERROR(compiler.Condition(*query.filter, out.where));
  MUSTER_RETURN_IF_ERROR(CompileOrder(query, catalog, out.order_by));
  out.limit = query.top;
  out.offset = query.skip;
  out.count = query.count;
  out.select = query.select;
  out.expand = query.expand;
  out.next_placeholder = compiler.next();
  return out;
}

}  // namespace muster::odata::query
