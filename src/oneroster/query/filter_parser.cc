#include "oneroster/query/filter_parser.h"

#include <optional>
#include <string>
#include <utility>

#include "oneroster/query/internal/filter_value.h"
#include "oneroster/query/internal/text.h"

namespace muster::oneroster::query {
namespace {

using internal::Echo;
using internal::IsSpace;

class FilterParser {
 public:
  FilterParser(std::string_view text, const FieldCatalog& catalog)
      : text_(text), catalog_(catalog) {}

  Result<Filter> Parse() {
    Filter filter;
    MUSTER_ASSIGN_OR_RETURN(Predicate first, ParseClause());
    filter.clauses.push_back(std::move(first));
    SkipSpace();
    if (AtEnd()) return filter;
    auto logical = ParseLogical();
    if (!logical) return ExpectedLogical();
    filter.logical = *logical;
    MUSTER_ASSIGN_OR_RETURN(Predicate second, ParseClause());
    filter.clauses.push_back(std::move(second));
    SkipSpace();
    if (AtEnd()) return filter;
    const size_t extra_pos = pos_;
    if (ParseLogical()) {
      return Fail(extra_pos, "OneRoster 1.1 allows at most one AND or OR in a filter");
    }
    return ExpectedLogical();
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void SkipSpace() {
    while (!AtEnd() && IsSpace(text_[pos_])) ++pos_;
  }

  Error Fail(size_t pos, std::string_view what) const {
    return MakeError(
        ErrorCode::kInvalidArgument, kInvalidFilterField,
        "invalid filter at position " + std::to_string(pos + 1) + ": " + std::string(what));
  }
  Error FailHere(std::string_view what) const {
    if (AtEnd()) return Fail(pos_, std::string(what) + ", found the end of the filter");
    return Fail(pos_, std::string(what) + ", found '" + Echo(text_.substr(pos_), 16) + "'");
  }
  Error ExpectedLogical() const {
    std::string what = "expected AND, OR or the end of the filter";
    if (pos_ > 0 && text_[pos_ - 1] == '\'') {
      what = "expected AND, OR or the end of the filter (write a quote inside a value as '')";
    }
    return FailHere(what);
  }

  Result<Predicate> ParseClause() {
    SkipSpace();
    const size_t field_pos = pos_;
    while (!AtEnd() && internal::IsFieldChar(text_[pos_])) ++pos_;
    const std::string_view name = text_.substr(field_pos, pos_ - field_pos);
    if (name.empty()) return FailHere("expected a field name");
    MUSTER_ASSIGN_OR_RETURN(const FieldSpec* spec, LookUp(name, field_pos));
    SkipSpace();
    auto op = ParseOperator();
    if (!op) {
      return FailHere("expected an operator (=, !=, >, >=, <, <=, ~) after '" + Echo(name) + "'");
    }
    SkipSpace();
    const size_t value_pos = pos_;
    MUSTER_ASSIGN_OR_RETURN(std::string raw, ParseQuoted());
    auto value = internal::ConvertFilterValue(*spec, *op, std::move(raw));
    if (!value.ok()) return Fail(value_pos, value.error().message);
    return Predicate{spec->name, *op, std::move(value).value()};
  }

  Result<const FieldSpec*> LookUp(std::string_view name, size_t pos) const {
    const FieldSpec* spec = catalog_.Find(name);
    if (spec == nullptr) {
      std::string what = "unknown filter field '" + Echo(name) + "'";
      if (const FieldSpec* near = catalog_.FindIgnoringCase(name)) {
        what += " (did you mean '" + near->name + "'?)";
      }
      return Fail(pos, what);
    }
    if (!spec->filterable) return Fail(pos, "field '" + spec->name + "' cannot be filtered on");
    return spec;
  }

  std::optional<CompareOp> ParseOperator() {
    const char c = Peek();
    const bool eq_next = Peek(1) == '=';
    CompareOp op;
    switch (c) {
      case '=':
        op = CompareOp::kEq;
        break;
      case '~':
        op = CompareOp::kContains;
        break;
      case '!':
        if (!eq_next) return std::nullopt;
        op = CompareOp::kNe;
        break;
      case '>':
        op = eq_next ? CompareOp::kGe : CompareOp::kGt;
        break;
      case '<':
        op = eq_next ? CompareOp::kLe : CompareOp::kLt;
        break;
      default:
        return std::nullopt;
    }
    pos_ += (c == '!' || ((c == '>' || c == '<') && eq_next)) ? 2 : 1;
    return op;
  }

  Result<std::string> ParseQuoted() {
    if (Peek() != '\'') {
      if (AtEnd()) return FailHere("expected a value in single quotes");
      if (Peek() == '"') return FailHere("values must be in single quotes ('...')");
      return FailHere("expected a value in single quotes ('...')");
    }
    const size_t open = pos_++;
    std::string value;
    while (!AtEnd()) {
      const char c = text_[pos_++];
      if (c != '\'') {
        value.push_back(c);
      } else if (Peek() == '\'') {
        value.push_back('\'');
        ++pos_;
      } else {
        return value;
      }
    }
    return Fail(open, "unterminated quoted value (no closing ')");
  }

  std::optional<LogicalOp> ParseLogical() {
    const size_t start = pos_;
    while (!AtEnd() && internal::IsFieldChar(text_[pos_])) ++pos_;
    const std::string_view word = text_.substr(start, pos_ - start);
    if (internal::EqualsIgnoreCase(word, "AND")) return LogicalOp::kAnd;
    if (internal::EqualsIgnoreCase(word, "OR")) return LogicalOp::kOr;
    pos_ = start;
    return std::nullopt;
  }

  std::string_view text_;
  const FieldCatalog& catalog_;
  size_t pos_ = 0;
};

}  // namespace

Result<Filter> ParseFilter(std::string_view text, const FieldCatalog& catalog, size_t max_length) {
  if (text.size() > max_length) {
    return MakeError(ErrorCode::kInvalidArgument, kInvalidFilterField,
                     "filter is longer than " + std::to_string(max_length) + " bytes");
  }
  if (!internal::IsCleanUtf8(text)) {
    return MakeError(ErrorCode::kInvalidArgument, kInvalidFilterField,
                     "filter is not valid UTF-8 or contains a NUL byte");
  }
  if (internal::Trim(text).empty()) {
    return MakeError(ErrorCode::kInvalidArgument, kInvalidFilterField, "filter is empty");
  }
  return FilterParser(text, catalog).Parse();
}

}  // namespace muster::oneroster::query
