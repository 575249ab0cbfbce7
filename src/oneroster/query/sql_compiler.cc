#include "oneroster/query/sql_compiler.h"

#include <utility>

namespace muster::oneroster::query {
namespace {

Error WrongCatalog(std::string_view field) {
  return MakeError(ErrorCode::kInternal, "internal_server_error", "query compilation failed",
                   "field '" + std::string(field) + "' not allowed by this catalog");
}

class Compiler {
 public:
  Compiler(const FieldCatalog& catalog, const Dialect& dialect, int first_placeholder)
      : catalog_(catalog), dialect_(dialect), next_(first_placeholder) {}

  Status CompileFilter(const Filter& filter, CompiledQuery& out) {
    const bool wrap = filter.clauses.size() > 1;
    if (wrap) out.where.push_back('(');
    for (size_t i = 0; i < filter.clauses.size(); ++i) {
      if (i > 0) out.where.append(filter.logical == LogicalOp::kAnd ? " AND " : " OR ");
      MUSTER_RETURN_IF_ERROR(CompilePredicate(filter.clauses[i], out));
    }
    if (wrap) out.where.push_back(')');
    return OkStatus();
  }

  Status CompileOrder(const Query& query, CompiledQuery& out) const {
    const bool desc = query.direction == SortDirection::kDesc;
    if (query.sort_field && *query.sort_field != catalog_.key().name) {
      const FieldSpec* spec = catalog_.Find(*query.sort_field);
      if (spec == nullptr || !spec->sortable) return WrongCatalog(*query.sort_field);
      // SQLite and PostgreSQL disagree on where NULLs sort; pin SQLite's order in both.
      out.order_by.append(spec->column).append(desc ? " DESC NULLS LAST, " : " ASC NULLS FIRST, ");
    }
    out.order_by.append(catalog_.key().column).append(desc ? " DESC" : " ASC");
    return OkStatus();
  }

  int next() const { return next_; }

 private:
  Status CompilePredicate(const Predicate& p, CompiledQuery& out) {
    const FieldSpec* spec = catalog_.Find(p.field);
    if (spec == nullptr || !spec->filterable) return WrongCatalog(p.field);
    const std::string& col = spec->column;
    const std::string ph = dialect_.Placeholder(next_++);
    switch (p.op) {
      case CompareOp::kContains: {
        const std::string* text = std::get_if<std::string>(&p.value);
        if (text == nullptr) return WrongCatalog(p.field);
        out.where.append(dialect_.LikeIgnoringCase(col, ph));
        out.params.emplace_back(ContainsPattern(*text));
        return OkStatus();
      }
      case CompareOp::kNe:  // a missing value is "not equal" too
        out.where.append("(").append(col).append(" <> ").append(ph);
        out.where.append(" OR ").append(col).append(" IS NULL)");
        break;
      default:
        out.where.append(col).append(" ").append(CompareOpText(p.op)).append(" ").append(ph);
        break;
    }
    std::visit([&out](const auto& v) { out.params.emplace_back(v); }, p.value);
    return OkStatus();
  }

  const FieldCatalog& catalog_;
  const Dialect& dialect_;
  int next_;
};

}  // namespace

std::string ContainsPattern(std::string_view text) {
  std::string pattern;
  pattern.reserve(text.size() + 8);
  pattern.push_back('%');
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

Result<CompiledQuery> CompileQuery(const Query& query, const FieldCatalog& catalog,
                                   const Dialect& dialect, int first_placeholder) {
  CompiledQuery out;
  Compiler compiler(catalog, dialect, first_placeholder);
  if (query.filter) MUSTER_RETURN_IF_ERROR(compiler.CompileFilter(*query.filter, out));
  MUSTER_RETURN_IF_ERROR(compiler.CompileOrder(query, out));
  out.limit = query.limit;
  out.offset = query.offset;
  out.fields = query.fields;
  out.next_placeholder = compiler.next();
  return out;
}

}  // namespace muster::oneroster::query
