#include "odata/query/internal/convert.h"

#include <string>
#include <utility>

#include "core/time_format.h"
#include "odata/query/internal/errors.h"
#include "odata/query/internal/literal.h"
#include "odata/query/internal/text.h"
#include "odata/query/query.h"

namespace muster::odata::query::internal {
namespace {

constexpr int64_t kMillisPerDay = 86400000;

Error Mismatch(const PropertySpec& spec, const Literal& literal, std::string_view hint = {}) {
  std::string what = std::string(LiteralKindName(literal.kind)) + " literal does not match ";
  what.append(spec.type == PropertyType::kEnum ? spec.enum_type : PropertyTypeName(spec.type));
  what.append(" property '").append(spec.name).append("'");
  if (!hint.empty()) what.append(" (").append(hint).append(")");
  return QueryError(kInvalidLiteral, std::move(what));
}

std::string EnumValueList(const PropertySpec& spec) {
  std::string list;
  for (const auto& v : spec.enum_values) {
    if (list.size() > 200) return list + ", ...";
    list.append(list.empty() ? "" : ", ").append(v);
  }
  return list;
}

Result<Literal> ConvertEnum(const PropertySpec& spec, const Literal& literal) {
  if (literal.kind != LiteralKind::kEnum && literal.kind != LiteralKind::kString) {
    return Mismatch(spec, literal, "write " + spec.enum_type + "'Member' or 'Member'");
  }
  if (literal.kind == LiteralKind::kEnum && !EqualsIgnoreCase(literal.enum_type, spec.enum_type)) {
    return QueryError(kInvalidLiteral, std::string("enum type '") + Echo(literal.enum_type) +
                                           "' does not match property '" + spec.name +
                                           "' of type " + spec.enum_type);
  }
  for (const auto& member : spec.enum_values) {
    if (EqualsIgnoreCase(member, literal.text)) {
      return Literal{.kind = LiteralKind::kEnum, .text = member, .enum_type = spec.enum_type};
    }
  }
  return QueryError(kInvalidLiteral, std::string("'") + Echo(literal.text) +
                                         "' is not a member of " + spec.enum_type + " (" +
                                         EnumValueList(spec) + ")");
}

}  // namespace

Result<Literal> ConvertLiteral(const PropertySpec& spec, const Literal& literal) {
  if (literal.kind == LiteralKind::kNull) return literal;
  switch (spec.type) {
    case PropertyType::kString:
      if (literal.kind == LiteralKind::kString) return literal;
      return Mismatch(spec, literal, "strings are quoted: 'text'");
    case PropertyType::kGuid:
      if (literal.kind == LiteralKind::kGuid) return literal;
      if (literal.kind == LiteralKind::kString) {
        if (auto guid = ParseGuid(literal.text)) {
          return Literal{.kind = LiteralKind::kGuid, .text = *guid};
        }
      }
      return Mismatch(spec, literal, "write a GUID as 01234567-89ab-cdef-0123-456789abcdef");
    case PropertyType::kInt:
      if (literal.kind == LiteralKind::kInt) return literal;
      return Mismatch(spec, literal, "write a whole number such as 42");
    case PropertyType::kDecimal:
      if (literal.kind == LiteralKind::kDecimal) return literal;
      if (literal.kind == LiteralKind::kInt) {
        return Literal{.kind = LiteralKind::kDecimal,
                       .text = std::to_string(literal.integer),
                       .decimal = static_cast<double>(literal.integer)};
      }
      return Mismatch(spec, literal, "write a number such as 12.5");
    case PropertyType::kBool:
      if (literal.kind == LiteralKind::kBool) return literal;
      return Mismatch(spec, literal, "write true or false");
    case PropertyType::kDate:
      if (literal.kind == LiteralKind::kDate) return literal;
      if (literal.kind == LiteralKind::kDateTimeOffset && literal.integer % kMillisPerDay == 0) {
        return Literal{.kind = LiteralKind::kDate,
                       .text = FormatIso8601Millis(literal.integer).substr(0, 10)};
      }
      return Mismatch(spec, literal, "write a date such as 2024-01-01");
    case PropertyType::kDateTimeOffset:
      if (literal.kind == LiteralKind::kDateTimeOffset) return literal;
      if (literal.kind == LiteralKind::kDate) {
        auto ms = ParseIso8601Millis(literal.text);
        if (ms) return Literal{.kind = LiteralKind::kDateTimeOffset, .integer = *ms};
      }
      return Mismatch(spec, literal, "write a date-time such as 2024-01-01T10:00:00Z");
    case PropertyType::kEnum:
      return ConvertEnum(spec, literal);
  }
  return MakeError(ErrorCode::kInternal, "internal_server_error", "unknown property type");
}

}  // namespace muster::odata::query::internal
